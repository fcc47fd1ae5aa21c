package io.camelgenesys.contacts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.camelgenesys.contacts.model.Cluster;
import io.camelgenesys.contacts.model.ExternalContact;
import io.camelgenesys.contacts.model.ExternalOrganization;
import io.camelgenesys.core.test.docs.DocExamples;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The route examples of the page's sections on identity graphs, division views, PATCH of organizations, bulk notes
 * and POST search (issue 16): tagged regions of this class and of {@code src/test/resources/docs/<example>.yaml},
 * each run in Java and YAML against the simulator. The credentials are set on the component, as the page says.
 */
class GraphsAndViewsDocsExamplesRouteTest extends ContactsTestSupport {

    @Override
    protected void doPostSetup() throws Exception {
        ContactsConfiguration c = context.getComponent("genesys-contacts", ContactsComponent.class).getConfiguration();
        c.setBaseUrl(sim().baseUrl());
        c.setClientId(sim().cloudClientId());
        c.setClientSecret(sim().cloudClientSecret());
    }

    private String contact(String first, String email, String division) throws Exception {
        Map<String, Object> c = new HashMap<>();
        c.put("firstName", first);
        c.put("workEmail", email);
        c.put("division", Map.of("id", division));
        return body("create", "", c, ExternalContact.class).getId();
    }

    // ---------------------------------------------------------------------------------------- identity graph

    static final class MergeClustersRoutes extends RouteBuilder {
        @Override
        public void configure() {
            // tag::merge-clusters[]
            from("direct:merge-clusters")
                .to("genesys-contacts:getLatestClusterScan")
                .setHeader("CamelGenesysScanId", simple("${body.id}"))
                .to("genesys-contacts:listClusters?divisionIds=div-1&pageAll=true")
                .split(body()).streaming()
                    .setHeader("CamelGenesysClusterId", simple("${body.id}"))
                    .to("genesys-contacts:mergeCluster");
            // end::merge-clusters[]
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "java", "yaml" })
    void theLatestScansClustersOfADivisionAreMerged(String dsl) throws Exception {
        String a = contact("A", "same@example.com", "div-1");
        String b = contact("B", "same@example.com", "div-1");
        String c = contact("C", "other@example.com", "div-2");
        String d = contact("D", "other@example.com", "div-2");
        String scanId = sim().externalContacts().runClusterScan();
        DocExamples.addRoutes(context, dsl, new MergeClustersRoutes(), "merge-clusters");
        template.sendBody("direct:merge-clusters", null);
        assertNotNull(sim().externalContacts().contact(a).orElseThrow().get("mergedTo"));
        assertNotNull(sim().externalContacts().contact(b).orElseThrow().get("mergedTo"));
        assertNull(sim().externalContacts().contact(c).orElseThrow().get("mergedTo"), "div-2 was left alone");
        assertNull(sim().externalContacts().contact(d).orElseThrow().get("mergedTo"));
        List<?> clusters = body("listClusters", "scanId=" + scanId + "&divisionIds=div-1", null, List.class);
        assertEquals("Merged", ((Cluster) clusters.get(0)).getMergeInfo().get("status"));
    }

    // ---------------------------------------------------------------------------------------- division views

    static final class AllDivisionsRoutes extends RouteBuilder {
        @Override
        public void configure() {
            // tag::all-divisions[]
            from("direct:all-divisions")
                .to("genesys-contacts:scanDivisionViews?pageAll=true&pageSize=200")
                .split(body()).streaming()
                    .setHeader("division", simple("${body.division[id]}"))
                    .to("direct:copy-contact");
            // end::all-divisions[]
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "java", "yaml" })
    void everyDivisionsContactsAreCopied(String dsl) throws Exception {
        List<String> divisions = new CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:copy-contact").process(e -> divisions.add(e.getMessage().getHeader("division",
                        String.class)));
            }
        });
        for (int i = 0; i < 250; i++) {
            contact("C" + i, "c" + i + "@example.com", i % 2 == 0 ? "div-1" : "div-2");
        }
        DocExamples.addRoutes(context, dsl, new AllDivisionsRoutes(), "all-divisions");
        template.sendBody("direct:all-divisions", null);
        assertEquals(250, divisions.size());
        assertEquals(125, divisions.stream().filter("div-2"::equals).count());
    }

    // ---------------------------------------------------------------------------------------- PATCH, bulk notes

    static final class PatchOrganizationRoutes extends RouteBuilder {
        @Override
        public void configure() {
            // tag::patch-organization[]
            from("direct:reclassify")
                .setBody(simple("{\"industry\": \"${header.industry}\"}"))
                .to("genesys-contacts:patchOrganization");
            // end::patch-organization[]
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "java", "yaml" })
    void anOrganizationsIndustryIsPatched(String dsl) throws Exception {
        ExternalOrganization acme = new ExternalOrganization();
        acme.setName("Acme");
        acme.setIndustry("Software");
        String id = body("createOrganization", "", acme, ExternalOrganization.class).getId();
        DocExamples.addRoutes(context, dsl, new PatchOrganizationRoutes(), "patch-organization");
        ExternalOrganization patched = template.requestBodyAndHeaders("direct:reclassify", null,
                Map.of("CamelGenesysExternalOrganizationId", id, "industry", "Retail"), ExternalOrganization.class);
        assertEquals("Retail", patched.getIndustry());
        assertEquals("Acme", patched.getName());
    }

    static final class BulkNotesRoutes extends RouteBuilder {
        @Override
        public void configure() {
            // tag::bulk-notes[]
            from("direct:crm-notes")
                .to("genesys-contacts:bulkAddNotes?bulkFailureMode=continue")
                .split(header("CamelGenesysBulkFailures"))
                    .setBody(simple("${body.item}"))
                    .to("direct:refused-note");
            // end::bulk-notes[]
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "java", "yaml" })
    void notesAreAddedAndEachRefusedOneIsDeadLettered(String dsl) throws Exception {
        List<Object> refused = new CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:refused-note").process(e -> refused.add(e.getMessage().getBody()));
            }
        });
        String contactId = contact("Noted", "noted@example.com", "div-1");
        List<Map<String, Object>> notes = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            notes.add(Map.of("noteText", "call " + i, "entityType", "contact",
                    "entityId", i == 4 ? "gone" : contactId));
        }
        DocExamples.addRoutes(context, dsl, new BulkNotesRoutes(), "bulk-notes");
        template.sendBody("direct:crm-notes", notes);
        assertEquals(List.of(notes.get(4)), refused);
        assertEquals(11, sim().externalContacts().noteCount(contactId));
    }

    // ---------------------------------------------------------------------------------------- POST search

    static final class SearchRoutes extends RouteBuilder {
        @Override
        public void configure() {
            // tag::search-contacts[]
            from("direct:find")
                .setBody(simple("{\"pageSize\": 25, \"divisionIds\": [\"div-1\"],"
                                + " \"operation\": {\"simpleSearch\": {\"query\": \"${header.q}\"}}}"))
                .to("genesys-contacts:searchContacts");
            // end::search-contacts[]
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "java", "yaml" })
    void aSearchInTheBodyFindsTheDivisionsContacts(String dsl) throws Exception {
        contact("Kim", "kim@example.com", "div-1");
        contact("Kim", "kim2@example.com", "div-2");
        DocExamples.addRoutes(context, dsl, new SearchRoutes(), "search-contacts");
        List<?> found = template.requestBodyAndHeader("direct:find", null, "q", "kim", List.class);
        assertEquals(1, found.size());
        assertEquals("kim@example.com", ((ExternalContact) found.get(0)).getWorkEmail());
    }
}
