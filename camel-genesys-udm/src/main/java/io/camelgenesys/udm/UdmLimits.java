package io.camelgenesys.udm;

import io.camelgenesys.core.operation.BodyRules;
import io.camelgenesys.core.operation.QueryRule;

import static io.camelgenesys.core.operation.BodyRules.list;
import static io.camelgenesys.core.operation.BodyRules.object;
import static io.camelgenesys.core.operation.BodyRules.oneOf;
import static io.camelgenesys.core.operation.BodyRules.required;
import static io.camelgenesys.core.operation.BodyRules.text;

/**
 * Every documented limit of the UDM v10 API, in one place (seed 002, L8671-10716; the reference table is
 * {@code genesys-simulator/UDM.md}). What the seed does not document (the sources, data types and media a tenant has)
 * is left to Genesys to refuse.
 */
public final class UdmLimits {

    /** "The maximum number of files is limited to 100" (getFileLinks; v3, seed 002 L12015). */
    public static final int MAX_LINKS = 100;

    /** Offset paging: a page starts at 0 or later and holds at least one item. */
    public static final QueryRule FROM = QueryRule.range("from", 0, Integer.MAX_VALUE);
    public static final QueryRule SIZE = QueryRule.range("size", 1, Integer.MAX_VALUE);

    /**
     * Job (seed 002 L9585-9594): source, type ("UCS or DataSync"), title, timeFrame, schedulerParam, jobParams and
     * suspended are required; UcsJobParams (L9549-9563): type and media are required.
     */
    public static final BodyRules JOB = BodyRules.of(
            text("source", 1, Integer.MAX_VALUE, true),
            oneOf("type", true, "UCS", "DataSync"),
            text("title", 1, Integer.MAX_VALUE, true),
            object("timeFrame", true, BodyRules.of(text("dateFrom", 0, Integer.MAX_VALUE, false),
                    text("dateTo", 0, Integer.MAX_VALUE, false))),
            object("schedulerParam", true, BodyRules.of(text("cron", 0, Integer.MAX_VALUE, false),
                    text("runs", 0, Integer.MAX_VALUE, false), text("startDate", 0, Integer.MAX_VALUE, false))),
            object("jobParams", true, BodyRules.of(text("type", 1, Integer.MAX_VALUE, true),
                    list("media", 0, Integer.MAX_VALUE, true))),
            required("suspended"));

    private UdmLimits() {
    }
}
