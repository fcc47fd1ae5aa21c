package io.camelgenesys.contacts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.camelgenesys.contacts.model.Cluster;
import io.camelgenesys.contacts.model.ClusterScan;
import io.camelgenesys.contacts.model.ClusterScanStatistics;
import io.camelgenesys.contacts.model.ContactAddress;
import io.camelgenesys.contacts.model.ContactEnrichRequest;
import io.camelgenesys.contacts.model.ContactIdentifier;
import io.camelgenesys.contacts.model.ContactImportField;
import io.camelgenesys.contacts.model.ContactImportJob;
import io.camelgenesys.contacts.model.ContactImportJobMetadata;
import io.camelgenesys.contacts.model.ContactImportSettings;
import io.camelgenesys.contacts.model.CsvMappingEntry;
import io.camelgenesys.contacts.model.CsvSettings;
import io.camelgenesys.contacts.model.EntitiesExport;
import io.camelgenesys.contacts.model.ExportQueryConditions;
import io.camelgenesys.contacts.model.ContactPatchRequest;
import io.camelgenesys.contacts.model.ContactSearchRequest;
import io.camelgenesys.contacts.model.ContactsPatchChange;
import io.camelgenesys.contacts.model.ConversationAssociation;
import io.camelgenesys.contacts.model.Coretype;
import io.camelgenesys.contacts.model.DataSchema;
import io.camelgenesys.contacts.model.ExternalContact;
import io.camelgenesys.contacts.model.ExternalOrganization;
import io.camelgenesys.contacts.model.ExternalSource;
import io.camelgenesys.contacts.model.GraphSettings;
import io.camelgenesys.contacts.model.IdentifierClaimRequest;
import io.camelgenesys.contacts.model.JourneySegmentsRequest;
import io.camelgenesys.contacts.model.MergeRequest;
import io.camelgenesys.contacts.model.Note;
import io.camelgenesys.contacts.model.OrganizationEnrichRequest;
import io.camelgenesys.contacts.model.PhoneNumber;
import io.camelgenesys.contacts.model.Relationship;
import io.camelgenesys.contacts.model.ReverseLookupResult;
import io.camelgenesys.contacts.model.SchemaQuantityLimits;
import io.camelgenesys.contacts.model.WebServicesAvailability;
import io.camelgenesys.contacts.model.WebServicesContact;
import io.camelgenesys.contacts.model.WebServicesPhoneNumber;
import io.camelgenesys.core.json.GenesysModel;
import io.camelgenesys.core.test.docs.CatalogDocs;
import io.camelgenesys.core.test.docs.ComponentReference;
import io.camelgenesys.core.test.docs.DocExamples;
import io.camelgenesys.core.test.docs.GeneratedDocs;
import io.camelgenesys.core.test.docs.ModelReference;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The genesys-contacts page is kept true by the build: its options and headers tables are the component JSON's, its
 * models page is the model classes', every route example is code that {@link DocsExamplesRouteTest} runs (and the
 * repository README's too), and every endpoint URI and component property of the page passes Camel's catalog, loaded
 * the way tooling loads a component from its jar ({@code component.properties}). A stale page fails here; run this
 * test with {@code -Dgenesys.docs.update=true} to rewrite the generated parts.
 */
class ComponentDocsTest {

    private static final Path PAGE = Path.of("src/main/docs/genesys-contacts-component.adoc");
    private static final Path MODELS = Path.of("src/main/docs/genesys-contacts-models.adoc");
    private static final Path JSON = Path.of("src/generated/resources/META-INF/io/camelgenesys/contacts/genesys-contacts.json");

    static final List<Class<? extends GenesysModel>> MODEL_CLASSES = List.of(ExternalContact.class,
            PhoneNumber.class, ContactAddress.class, ContactIdentifier.class, ExternalOrganization.class, Note.class,
            Relationship.class, ExternalSource.class, ContactEnrichRequest.class, OrganizationEnrichRequest.class,
            MergeRequest.class, IdentifierClaimRequest.class, JourneySegmentsRequest.class,
            ConversationAssociation.class, ReverseLookupResult.class, WebServicesContact.class,
            WebServicesPhoneNumber.class, WebServicesAvailability.class, WebServicesAvailability.Channel.class,
            // schemas (custom fields)
            DataSchema.class, Coretype.class, SchemaQuantityLimits.class,
            // import and export
            ContactImportSettings.class, ContactImportField.class, CsvSettings.class, CsvMappingEntry.class,
            ContactImportJob.class, ContactImportJobMetadata.class, EntitiesExport.class, ExportQueryConditions.class,
            // issue 16: identity graphs, POST search, the PATCH body
            ClusterScan.class, ClusterScanStatistics.class, Cluster.class, GraphSettings.class,
            ContactSearchRequest.class, ContactPatchRequest.class, ContactsPatchChange.class);

    @Test
    void theOptionsAndHeadersTablesAreTheComponentJsons() throws Exception {
        ComponentReference.of(Files.readString(JSON)).check(PAGE);
    }

    @Test
    void theModelsPageListsEachModelsFields() {
        GeneratedDocs.file(MODELS, ModelReference.page("genesys-contacts", Path.of("src/main/java"), MODEL_CLASSES));
    }

    @Test
    void everyRouteExampleOfThePageAndTheReadmeIsCodeATestRuns() {
        List<String> problems = new ArrayList<>(DocExamples.check(PAGE));
        problems.addAll(DocExamples.check(GeneratedDocs.repositoryRoot().resolve("README.md")));
        assertEquals(List.of(), problems);
    }

    @Test
    void theCatalogFindsTheComponentInItsJarAndAcceptsEveryUriOfThePage() {
        CatalogDocs catalog = CatalogDocs.fromClasspath();
        assertTrue(catalog.schemes().contains("genesys-contacts"), "component.properties names genesys-contacts");
        assertTrue(catalog.component("genesys-contacts").getEndpointOptions().stream()
                .anyMatch(o -> o.getName().equals("identifierFieldMode")), "the catalog has the component's options");
        List<String> uris = catalog.uris(PAGE);
        // the URIs of the examples are found, Java string concatenations and XML's &amp; included
        assertTrue(uris.contains("genesys-contacts:bulkEnrich?action=Upsert&identifierType=ExternalId"
                                 + "&identifierField=crmId&bulkFailureMode=continue"), "the page's URIs: " + uris);
        assertTrue(uris.stream().filter(u -> u.startsWith("genesys-contacts:enrich?action=Upsert")).count() >= 2,
                "the Java and XML upserts: " + uris);
        List<String> problems = new ArrayList<>(catalog.validateUris(PAGE));
        problems.addAll(catalog.validateProperties(PAGE));
        assertEquals(List.of(), problems);
    }

    @Test
    void theCatalogReportsAWrongUri() {
        CatalogDocs catalog = CatalogDocs.fromClasspath();
        var result = catalog.catalog().validateEndpointProperties(
                "genesys-contacts:bulkEnrich?bulkBatchSize=ten&identifierFieldMode=sometimes&nope=1", true);
        assertTrue(!result.isSuccess(), "a wrong URI is reported");
        String summary = result.summaryErrorMessage(false);
        assertTrue(summary.contains("bulkBatchSize") && summary.contains("identifierFieldMode")
                   && summary.contains("nope"), summary);
    }
}
