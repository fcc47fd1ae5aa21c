package io.camelgenesys.examples.springboot;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Java DSL: upserts a CRM contact into Genesys Cloud by its CRM id. {@code enrich} with {@code action=Upsert} and
 * {@code identifierType=ExternalId} updates the contact that holds the id, or creates one that claims it, so the
 * same CRM contact posted twice is one Genesys contact. The credentials come from application.properties.
 */
@Component
public class CrmUpsertRoute extends RouteBuilder {

    public static final String ENDPOINT = "direct:crm-upsert";

    @Override
    public void configure() {
        from(ENDPOINT).routeId("crm-upsert")
                .setHeader("CamelGenesysIdentifierValue", simple("${body.crmId}"))
                .process(e -> e.getMessage().setBody(e.getMessage().getBody(CrmContact.class).toGenesys()))
                .to("genesys-contacts:enrich?action=Upsert&identifierType=ExternalId")
                .log("CRM upsert: ${header.CamelGenesysIdentifierValue} is Genesys contact ${body.id}");
    }
}
