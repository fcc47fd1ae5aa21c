package io.camelgenesys.core;

import org.apache.camel.spi.Metadata;

/**
 * The message headers every camel-genesys component sets or reads. Component constants classes extend this one
 * and add their path-parameter headers ({@code GenesysContactId}, ...).
 */
public class GenesysConstants {

    @Metadata(label = "producer", description = "Overrides the endpoint's operation for this message (the operation"
                                                + " name, e.g. get).", javaType = "String")
    public static final String OPERATION = "GenesysOperation";

    @Metadata(description = "The HTTP status Genesys answered with.", javaType = "Integer")
    public static final String HTTP_STATUS = "GenesysHttpStatus";

    @Metadata(description = "The ININ-Correlation-ID of the response: quote it to Genesys support.", javaType = "String")
    public static final String CORRELATION_ID = "GenesysCorrelationId";

    @Metadata(description = "Requests left in Genesys' current rate-limit window (X-Rate-Limit-Remaining), when sent.",
              javaType = "Integer")
    public static final String RATE_LIMIT_REMAINING = "GenesysRateLimitRemaining";

    @Metadata(description = "Paged operations: the total number of matching items Genesys reported.", javaType = "Long")
    public static final String TOTAL = "GenesysTotal";

    @Metadata(description = "Page-number paging: the page returned.", javaType = "Integer")
    public static final String PAGE_NUMBER = "GenesysPageNumber";

    @Metadata(description = "Paged operations: the page size used.", javaType = "Integer")
    public static final String PAGE_SIZE = "GenesysPageSize";

    @Metadata(description = "Page-number paging: the number of pages Genesys reported.", javaType = "Integer")
    public static final String PAGE_COUNT = "GenesysPageCount";

    @Metadata(description = "Cursor paging: the cursor of the next page (pass it as the cursor option or header); absent"
                            + " on the last page.", javaType = "String")
    public static final String NEXT_CURSOR = "GenesysNextCursor";

    @Metadata(label = "producer", description = "Cursor paging: where to resume (overrides the cursor option).",
              javaType = "String")
    public static final String CURSOR = "GenesysCursor";

    @Metadata(description = "pageAll with page-number paging: true when more items match than Genesys lets page-number"
                            + " paging return (1,000); use the scan operation to read them all.", javaType = "Boolean")
    public static final String PAGING_TRUNCATED = "GenesysPagingTruncated";

    @Metadata(description = "Multicloud: the status.code of the response: 0 done, 1 accepted (the result follows as a"
                            + " CometD notification), 2 partial success (see GenesysErrors).", javaType = "Integer")
    public static final String STATUS_CODE = "GenesysStatusCode";

    @Metadata(description = "Multicloud: the status.message of the response, when present.", javaType = "String")
    public static final String STATUS_MESSAGE = "GenesysStatusMessage";

    @Metadata(description = "Item-level errors of a partially successful response (Multicloud status.code 2, bulk"
                            + " results), as a List of Maps.", javaType = "java.util.List")
    public static final String ERRORS = "GenesysErrors";

    protected GenesysConstants() {
    }
}
