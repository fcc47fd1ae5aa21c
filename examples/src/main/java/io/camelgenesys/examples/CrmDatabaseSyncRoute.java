package io.camelgenesys.examples;

import org.apache.camel.builder.RouteBuilder;

/**
 * CRM database sync (Java DSL): the rows of the CRM table {@code crm_contact} ({@link CrmDatabase}: H2 by default,
 * PostgreSQL by a property) that changed since they were last synced go to Genesys Cloud with {@code bulkEnrich}
 * (an upsert by the CRM id, 10 rows a request, the rows as JDBC returns them: no mapping code). Exactly the rows
 * Genesys stored are marked synced; exactly the rows refused (by the component's checks or by Genesys) are written to
 * {@code crm_sync_error} and marked with the reason, so they are not sent again until the CRM changes them; a row that
 * failed for another reason (an outage, the credentials) stays for the next run. A run with nothing changed sends
 * nothing, and a run repeated after a crash sends the unmarked rows again, as upserts: nothing is duplicated.
 * <p>
 * A run is {@code direct:crm-db-sync}; a timer starts one every {@code example.crm-db.period} ms.
 */
public class CrmDatabaseSyncRoute extends RouteBuilder {

    @Override
    public void configure() {
        if (!Boolean.parseBoolean(getContext().resolvePropertyPlaceholders("{{" + CrmDatabase.PROPERTY + ":true}}"))) {
            return;
        }
        from("timer:crm-db-sync?delay={{example.crm-db.delay}}&period={{example.crm-db.period}}")
                .routeId("crm-db-sync-timer")
                .autoStartup("{{example.crm-db.timer}}")
                .to("direct:crm-db-sync");

        // tag::crm-db-sync[]
        from("direct:crm-db-sync").routeId("crm-db-sync")
                // the database's clock when the run starts: a row changed after it is sent again by the next run
                .to("sql:select localtimestamp?outputType=SelectOne&outputHeader=runStart")
                .to("sql:select crm_id, first_name, last_name, work_email, work_phone, title from crm_contact"
                    + " where synced_at is null or synced_at < updated_at order by crm_id")
                .choice()
                    .when(simple("${body.isEmpty()}"))
                        .log("CRM database sync: nothing changed")
                    .otherwise()
                        // each row is mapped to a contact (CRM_ID, FIRST_NAME, WORK_PHONE, ...) and upserted by its
                        // CRM id as an ExternalId identifier; crmId itself is no contact field, so it is not sent
                        .to("genesys-contacts:bulkEnrich?action=Upsert&identifierType=ExternalId&identifierField=crmId"
                            + "&bulkFailureMode=continue")
                        .log("CRM database sync: ${header.CamelGenesysBulkSuccessCount} rows stored,"
                             + " ${header.CamelGenesysBulkFailureCount} failed")
                        // exactly the rows Genesys stored: each success holds its input row and the stored contact
                        .split(header("CamelGenesysBulkSuccesses"))
                            .to("sql:update crm_contact set synced_at = :#${header.runStart},"
                                + " genesys_id = :#${body.entity.id}, sync_error = null where crm_id = :#${body.item[crm_id]}")
                        .end()
                        // exactly the rows refused, with the reason; another failure (refused = false) is left for
                        // the next run
                        .split(header("CamelGenesysBulkFailures"))
                            .filter(simple("${body.refused}"))
                                .to("sql:insert into crm_sync_error (crm_id, reason, status)"
                                    + " values (:#${body.item[crm_id]}, :#${body.error}, :#${body.status})")
                                .to("sql:update crm_contact set synced_at = :#${header.runStart},"
                                    + " sync_error = :#${body.error} where crm_id = :#${body.item[crm_id]}")
                            .end()
                        .end()
                .end();
        // end::crm-db-sync[]
    }
}
