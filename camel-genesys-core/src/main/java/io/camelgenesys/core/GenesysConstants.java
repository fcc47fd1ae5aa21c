package io.camelgenesys.core;

import org.apache.camel.spi.Metadata;

/**
 * The message headers every camel-genesys component sets or reads. Component constants classes extend this one
 * and add their own ({@code CamelGenesysContactId}, ...).
 * <p>
 * Every header has one direction, said first in its description and in its label ({@code input} or {@code output}):
 * an <b>input</b> header is set by the route and overrides the option of the same name for one message
 * ({@code CamelGenesys<Option>}); an <b>output</b> header is set by the component and never has an input's name, so the
 * output of one call cannot silently drive the next endpoint of the route. Where an output reports the same kind of
 * value as an input (the page of a response), its name says where it comes from ({@code CamelGenesysResponsePageNumber}
 * vs the input {@code CamelGenesysPageNumber}).
 */
public class GenesysConstants {

    @Metadata(label = "producer,input", description = "Input: overrides the endpoint's operation for this message (the"
                                                      + " operation name, e.g. get).", javaType = "String")
    public static final String OPERATION = "CamelGenesysOperation";

    @Metadata(label = "producer,output", description = "Output: the HTTP status Genesys answered with.",
              javaType = "Integer")
    public static final String HTTP_STATUS = "CamelGenesysHttpStatus";

    @Metadata(label = "producer,output", description = "Output: the ININ-Correlation-ID of the response; quote it to"
                                                       + " Genesys support.", javaType = "String")
    public static final String CORRELATION_ID = "CamelGenesysCorrelationId";

    @Metadata(label = "producer,output", description = "Output: requests left in Genesys' current rate-limit window"
                                                       + " (X-Rate-Limit-Remaining), when Genesys sent it.",
              javaType = "Integer")
    public static final String RATE_LIMIT_REMAINING = "CamelGenesysRateLimitRemaining";

    @Metadata(label = "common,output", description = "Output: paged operations, the total number of matching items"
                                                     + " Genesys reported.", javaType = "Long")
    public static final String TOTAL = "CamelGenesysTotal";

    @Metadata(label = "producer,input", description = "Input: page-number paging, the page to fetch (1-based);"
                                                      + " overrides the pageNumber option.", javaType = "Integer")
    public static final String PAGE_NUMBER = "CamelGenesysPageNumber";

    @Metadata(label = "producer,input", description = "Input: paged operations, the page size to ask for; overrides the"
                                                      + " pageSize option.", javaType = "Integer")
    public static final String PAGE_SIZE = "CamelGenesysPageSize";

    @Metadata(label = "common,output", description = "Output: page-number paging, the page the response holds (not"
                                                     + " read by any endpoint: set CamelGenesysPageNumber to ask for a page).",
              javaType = "Integer")
    public static final String RESPONSE_PAGE_NUMBER = "CamelGenesysResponsePageNumber";

    @Metadata(label = "common,output", description = "Output: paged operations, the page size Genesys used (not read by"
                                                     + " any endpoint: set CamelGenesysPageSize to ask for one).",
              javaType = "Integer")
    public static final String RESPONSE_PAGE_SIZE = "CamelGenesysResponsePageSize";

    @Metadata(label = "common,output", description = "Output: page-number paging, the number of pages Genesys reported.",
              javaType = "Integer")
    public static final String PAGE_COUNT = "CamelGenesysPageCount";

    @Metadata(label = "common,output", description = "Output: cursor paging, the cursor of the next page; absent on the"
                                                     + " last page. To resume there, pass it as the cursor option or the"
                                                     + " CamelGenesysCursor header.", javaType = "String")
    public static final String NEXT_CURSOR = "CamelGenesysNextCursor";

    @Metadata(label = "producer,input", description = "Input: cursor paging, where to resume; overrides the cursor"
                                                      + " option.", javaType = "String")
    public static final String CURSOR = "CamelGenesysCursor";

    @Metadata(label = "common,output", description = "Output: pageAll with page-number paging, true when more items"
                                                     + " match than Genesys lets page-number paging return (1,000); use"
                                                     + " the scan operation to read them all.", javaType = "Boolean")
    public static final String PAGING_TRUNCATED = "CamelGenesysPagingTruncated";

    @Metadata(label = "producer,output", description = "Output: Multicloud, the status.code of the response: 0 done, 1"
                                                       + " accepted (the result follows as a CometD notification), 2"
                                                       + " partial success (see CamelGenesysErrors).", javaType = "Integer")
    public static final String STATUS_CODE = "CamelGenesysStatusCode";

    @Metadata(label = "producer,output", description = "Output: Multicloud, the status.message of the response, when"
                                                       + " present.", javaType = "String")
    public static final String STATUS_MESSAGE = "CamelGenesysStatusMessage";

    @Metadata(label = "producer,output", description = "Output: item-level errors of a partially successful response"
                                                       + " (Multicloud status.code 2, bulk results), as a List of Maps.",
              javaType = "java.util.List")
    public static final String ERRORS = "CamelGenesysErrors";

    @Metadata(label = "consumer,output", description = "Output: poll consumers, the position of the record in this poll"
                                                       + " (0-based).", javaType = "Long")
    public static final String SCAN_INDEX = "CamelGenesysScanIndex";

    protected GenesysConstants() {
    }
}
