package io.camelgenesys.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.camelgenesys.contacts.model.ExternalContact;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.dataformat.csv.CsvDataFormat;

/**
 * CRM sync (Java DSL): every CSV file dropped into {@code {{example.work-dir}}/crm-inbox} is read row by row, each
 * row converted to a contact by the component's type converter (no mapping code) and upserted into Genesys Cloud external contacts by its CRM id (an {@code ExternalId} identifier), so that
 * running the same file twice changes nothing. A row that Genesys or the component's input checks refuse is written,
 * with the reason, to {@code crm-errors/<file>-rejected.csv}; the other rows go on.
 */
public class CrmSyncRoute extends RouteBuilder {

    /** The property holding the CSV row while its Genesys contact is sent, for the error file. */
    static final String CRM_ROW = "crmRow";

    @Override
    public void configure() {
        // left out rather than not started: a genesys-contacts endpoint needs its credentials even in a stopped route
        if (!Boolean.parseBoolean(getContext().resolvePropertyPlaceholders("{{example.crm-sync:true}}"))) {
            return;
        }
        CsvDataFormat crmCsv = new CsvDataFormat();
        crmCsv.setUseMaps(true);   // the header line names the columns
        CsvDataFormat rejectedCsv = new CsvDataFormat();

        // dead-letter one row, not the file: the splitter goes on with the next row. A failure outside a row (an
        // unreadable file) is not handled here, so the file consumer moves the file to .failed.
        onException(Exception.class)
                .onWhen(exchangeProperty(CRM_ROW).isNotNull())
                .handled(true)
                .log(LoggingLevel.WARN, "CRM sync: rejected row ${exchangeProperty." + CRM_ROW + "[crm_id]}:"
                                        + " ${exception.message}")
                .process(CrmSyncRoute::rejectedLine)
                .marshal(rejectedCsv)
                .to("file:{{example.work-dir}}/crm-errors?fileName=${file:onlyname.noext}-rejected.csv"
                    + "&fileExist=Append");

        from("file:{{example.work-dir}}/crm-inbox?include=.*\\.csv&move=.done&moveFailed=.failed")
                .routeId("crm-sync")
                .unmarshal(crmCsv)
                .log("CRM sync: ${header.CamelFileName} has ${body.size} rows")
                .split(body())
                    .setProperty(CRM_ROW, body())
                    // the columns are named as the contact's fields (work_email: workEmail; work_phone, as text, a
                    // PhoneNumber); crm_id is no contact field: identifierField uses it and does not send it
                    .convertBodyTo(ExternalContact.class)
                    // the idempotent upsert: updates the contact holding this ExternalId, or creates it
                    .to("genesys-contacts:enrich?action=Upsert&identifierType=ExternalId&identifierField=crmId")
                    .log("CRM sync: upserted ${exchangeProperty." + CRM_ROW + "[crm_id]} as Genesys contact ${body.id}"
                         + " (${body.firstName} ${body.lastName}, ${body.workEmail})")
                .end()
                .log("CRM sync: ${header.CamelFileName} done");

        // drops the bundled sample file into the inbox once at start-up (example.sample-csv=false to skip)
        from("timer:drop-sample-crm-file?repeatCount=1")
                .routeId("drop-sample-crm-file")
                .autoStartup("{{example.sample-csv}}")
                .setBody(simple("resource:classpath:crm/crm-contacts.csv"))
                .to("file:{{example.work-dir}}/crm-inbox?fileName=crm-contacts.csv&tempPrefix=.writing-")
                .log("CRM sync: dropped the sample crm-contacts.csv into {{example.work-dir}}/crm-inbox");
    }

    /** The rejected row as one CSV record: its values, then the reason. */
    private static void rejectedLine(Exchange exchange) {
        Map<?, ?> row = exchange.getProperty(CRM_ROW, Map.class);
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        List<Object> record = new ArrayList<>(row != null ? row.values() : List.of());
        record.add(cause != null ? cause.getMessage() : "unknown error");
        exchange.getMessage().setBody(List.of(record));
    }
}
