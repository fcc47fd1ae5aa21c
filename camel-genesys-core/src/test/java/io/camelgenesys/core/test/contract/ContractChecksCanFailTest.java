package io.camelgenesys.core.test.contract;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelgenesys.core.GenesysPlatform;
import io.camelgenesys.core.operation.BodyRules;
import io.camelgenesys.core.operation.GenesysOperation;
import io.camelgenesys.core.operation.OperationSpec;
import io.camelgenesys.core.operation.QueryRule;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static io.camelgenesys.core.operation.BodyRules.oneOf;
import static io.camelgenesys.core.operation.BodyRules.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract checks find what they are there to find: rows made wrong on purpose (a renamed model field, a query
 * parameter the SDK does not have, a path option under another name, an enum value refused, a field required that the
 * SDK leaves optional, a seed section without a parameter) are each reported under the key the component tests list,
 * and the correct rows beside them are not. Without this, a check that compares nothing would pass every component.
 */
class ContractChecksCanFailTest {

    /** An External Contacts contact as a component would model it, with one field renamed. */
    public static class RenamedContact {
        public String firstName;
        public String lastNam;
        public String title;
    }

    /** The same, correct. */
    public static class Contact {
        public String firstName;
        public String lastName;
        public String title;
    }

    /** UDM-style job, one field the seed does not have. */
    public static class Job {
        public String title;
        public String jobTittle;
    }

    enum Rows implements GenesysOperation {
        renamedField(OperationSpec.post("/api/v2/externalcontacts/contacts").body(RenamedContact.class)
                .returns(Contact.class)),
        correct(OperationSpec.post("/api/v2/externalcontacts/contacts").body(Contact.class).returns(Contact.class)
                .rules(BodyRules.typed(Contact.class, oneOf("type", false, "Ephemeral", "Identified", "Curated")))),
        unknownQuery(OperationSpec.get("/api/v2/externalcontacts/contacts").query("q", "sortOrdr")
                .returns(Contact.class)),
        pathOption(OperationSpec.get("/api/v2/externalcontacts/contacts/{id}").returns(Contact.class)),
        refusedValue(OperationSpec.post("/api/v2/externalcontacts/contacts").body(Contact.class)
                .rules(BodyRules.typed(Contact.class, oneOf("type", false, "Ephemeral", "Curated")))),
        requiredField(OperationSpec.post("/api/v2/externalcontacts/contacts").body(Contact.class)
                .rules(BodyRules.typed(Contact.class, text("title", 1, 10, true)))),
        refusedQueryValue(OperationSpec.post("/statistics/v3/subscriptions").optionalBody(Object.class).query("verbose")
                .queryRules(QueryRule.matches("verbose", "OFF", "OFF only")));

        private final OperationSpec spec;

        Rows(OperationSpec spec) {
            this.spec = spec;
        }

        @Override
        public OperationSpec spec() {
            return spec;
        }
    }

    private static ContractReport spec(String contract) {
        ContractReport report = new ContractReport("self-test");
        new SpecContractCheck(Contract.load(contract), report).check(Rows.class, GenesysPlatform.cloud);
        return report;
    }

    @Test
    void theStaticCheckReportsEachWrongRowAndNotTheCorrectOne() {
        Set<String> keys = spec("externalcontacts").mismatches().keySet();
        assertTrue(keys.contains("spec model RenamedContact as ExternalContact.lastNam: ours String, not a field of"
                                 + " ExternalContact"), keys.toString());
        assertTrue(keys.contains("spec unknownQuery: query parameter sortOrdr not in getExternalcontactsContacts"),
                keys.toString());
        assertTrue(keys.contains("spec pathOption: path variable 1 is the option id, getExternalcontactsContact names"
                                 + " it contactId"), keys.toString());
        assertTrue(keys.contains("spec refusedValue: refuses ExternalContact.type=Identified that"
                                 + " postExternalcontactsContacts takes"), keys.toString());
        assertTrue(keys.contains("spec requiredField: requires title, ExternalContact does not"
                                 + " (postExternalcontactsContacts)"), keys.toString());
        assertTrue(keys.stream().noneMatch(k -> k.startsWith("spec correct") || k.contains(" Contact as ")),
                keys.toString());
    }

    @Test
    void theStaticCheckReportsARefusedQueryValue() {
        Set<String> keys = spec("statistics").mismatches().keySet();
        assertTrue(keys.contains("spec refusedQueryValue: refuses query verbose=INFO that createSubscription takes"),
                keys.toString());
    }

    @Test
    void aDifferenceNotListedFailsTheReportAndAListedOneThatIsGoneToo() {
        ContractReport report = spec("externalcontacts");
        assertThrows(AssertionError.class, () -> report.assertOnly(List.of(), "spec "));
        List<KnownMismatch> all = report.mismatches().keySet().stream().map(k -> KnownMismatch.known(k, "test")).toList();
        report.assertOnly(all, "spec ");
        List<KnownMismatch> stale = new java.util.ArrayList<>(all);
        stale.add(KnownMismatch.known("spec gone: fixed long ago", "test"));
        assertThrows(AssertionError.class, () -> report.assertOnly(stale, "spec "));
    }

    @Test
    void theWireCheckReportsARenamedFieldAndAWrongType() throws Exception {
        ContractReport report = new ContractReport("self-test wire");
        Contract contract = Contract.load("externalcontacts");
        try (ContractRecorder recorder = new ContractRecorder("http://127.0.0.1:9")) {
            WireContractCheck wire = new WireContractCheck(contract, report, recorder);
            JsonNode body = new ObjectMapper().readTree("{\"firstName\":\"Ada\",\"lastNam\":\"Lovelace\",\"title\":7}");
            wire.validate("create", "response", body, Contract.ref("ExternalContact"), "$", "create response");
        }
        Set<String> keys = report.mismatches().keySet();
        assertTrue(keys.contains("wire response ExternalContact.lastNam: not a field of ExternalContact"), keys.toString());
        assertTrue(keys.contains("wire response ExternalContact.title: a NUMBER, contract string"), keys.toString());
        assertEquals(2, keys.size(), keys.toString());
    }

    @Test
    void theObservedBodyCheckReportsAFieldTheClientDoesNotSendAndOneItSends() throws Exception {
        ContractReport report = new ContractReport("self-test observed");
        Contract contract = Contract.load("statistics");
        JsonNode observed = null;
        for (JsonNode o : contract.root().path("observed").path("rest")) {
            if ("/statistics/v3/operations/get-statistic-ex".equals(o.path("path").asText())) {
                observed = o.get("body");
            }
        }
        byte[] ours = "{\"data\":{\"statistics\":[{\"name\":\"S\",\"objectId\":\"a\",\"objectTyp\":\"Agent\"}]}}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (ContractRecorder recorder = new ContractRecorder("http://127.0.0.1:9")) {
            new WireContractCheck(contract, report, recorder).compareWithObserved("getStatValues",
                    new ContractRecorder.Exchange("POST", "/statistics/v3/operations/get-statistic-ex", "", java.util.Map.of(),
                            java.util.Map.of(), ours, 200, new byte[0]), observed);
        }
        assertEquals(Set.of("wire getStatValues: sends data.statistics[].objectTyp, the official client does not",
                "wire getStatValues: does not send data.statistics[].objectType, the official client does"),
                report.mismatches().keySet());
    }

    enum SeedRows implements GenesysOperation {
        listJobs(OperationSpec.get("/udm/v10/export/jobs").query("descAsc", "jobTitel").returns(Job.class)),
        getJob(OperationSpec.post("/udm/v10/export/jobs/{id}").returns(Job.class));

        private final OperationSpec spec;

        SeedRows(OperationSpec spec) {
            this.spec = spec;
        }

        @Override
        public OperationSpec spec() {
            return spec;
        }
    }

    @Test
    void theSeedSectionCheckReportsWhatTheSeedDoesNotHave() {
        ContractReport report = new ContractReport("self-test seed");
        SeedSectionCheck check = new SeedSectionCheck(report, "002_b62a95316013058d.txt", 8624, 10716);
        Assumptions.assumeTrue(check.seedsReachable(), "the seeds (shared/seeds) are beside the build in CI");
        check.check(SeedRows.class, GenesysPlatform.cloud, List.of(
                new SeedOnly("listJobs", "002_b62a95316013058d.txt", 9381, "GET /v10/export/jobs"),
                new SeedOnly("getJob", "002_b62a95316013058d.txt", 9994, "GET /v10/export/jobs/{id}")));
        Set<String> keys = report.mismatches().keySet();
        assertEquals(Set.of("seed listJobs: query parameter jobTitel is not in its seed section",
                "seed model Job.jobTittle: not in the seed",
                "seed getJob: method POST, the seed's GET"), keys);
    }
}
