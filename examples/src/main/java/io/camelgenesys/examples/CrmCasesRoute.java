package io.camelgenesys.examples;

import org.apache.camel.builder.RouteBuilder;

/**
 * CRM cases to Genesys workitems (Java DSL): every case the CRM exports as a JSON file into
 * {@code {{example.work-dir}}/crm-cases} becomes a Genesys Multicloud CX Open Media workitem, routed to an agent like an
 * interaction. The case number (the file name) is the workitem's {@code externalId}, and {@code idempotentCreate} makes
 * a case exported twice one workitem: Genesys answers 409 and the existing workitem is returned instead. The case's
 * fields become the workitem's user data.
 */
public class CrmCasesRoute extends RouteBuilder {

    @Override
    public void configure() {
        if (!Boolean.parseBoolean(getContext().resolvePropertyPlaceholders("{{example.crm-cases:true}}"))) {
            return;
        }
        from("file:{{example.work-dir}}/crm-cases?include=.*\\.json&move=.done&moveFailed=.failed")
                .routeId("crm-cases")
                .convertBodyTo(String.class)
                .setHeader("CamelGenesysExternalId", simple("${file:onlyname.noext}"))
                .to("genesys-openmedia:create?idempotentCreate=true")
                .log("Open media: case ${header.CamelGenesysExternalId} is workitem ${body.id} (${body.state}; existed"
                     + " already: ${header.CamelGenesysInteractionExisted})");

        // drops the bundled sample case into the queue once at start-up (example.sample-case=false to skip)
        from("timer:sample-case?repeatCount=1&delay=1000")
                .routeId("crm-cases-sample")
                .filter(simple("{{example.sample-case:true}}"))
                .setBody(method(CrmCasesRoute.class, "sample"))
                .to("file:{{example.work-dir}}/crm-cases?fileName=CASE-00042.json&tempPrefix=.tmp-");
    }

    /** The bundled sample case. */
    public static String sample() throws java.io.IOException {
        try (java.io.InputStream in = CrmCasesRoute.class.getResourceAsStream("/crm/cases/CASE-00042.json")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
