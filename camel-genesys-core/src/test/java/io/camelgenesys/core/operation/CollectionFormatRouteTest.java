package io.camelgenesys.core.operation;

import java.util.List;
import java.util.Map;

import io.camelgenesys.core.test.GenesysRouteTestSupport;
import io.camelgenesys.core.test.contract.ContractRecorder;
import io.camelgenesys.simulator.GenesysSimulator;
import io.camelgenesys.simulator.GenesysSimulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A row declares each list query parameter's collection format ({@code TestOperation.findItems}: {@code tags} csv,
 * {@code labels} multi); what goes over the wire is read from a recording relay in front of the simulator.
 */
class CollectionFormatRouteTest extends GenesysRouteTestSupport {

    @RegisterExtension
    static final GenesysSimulatorExtension SIM = new GenesysSimulatorExtension();

    private ContractRecorder recorder;

    @Override
    protected GenesysSimulator sim() {
        return SIM.simulator();
    }

    @BeforeEach
    void startRecorder() throws Exception {
        recorder = new ContractRecorder(sim().baseUrl());
    }

    @AfterEach
    void stopRecorder() throws Exception {
        recorder.close();
    }

    private String findItems(String options) {
        return "genesys-test:findItems?baseUrl=" + recorder.baseUrl()
               + "&clientId=cloud-client&clientSecret=RAW(cloud-secret)" + (options.isEmpty() ? "" : "&" + options);
    }

    /** The raw query of the last request to the items path. */
    private String lastQuery() {
        List<ContractRecorder.Exchange> all = recorder.exchanges();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).path().equals("/api/v2/simulator/items")) {
                return all.get(i).rawQuery();
            }
        }
        throw new AssertionError("no request reached the items path: " + all);
    }

    @Test
    void aMultiParameterIsRepeatedOncePerValueAndACsvOneIsJoinedWithCommas() throws Exception {
        String from = route(findItems("tags=red,blue&labels=x,y"));
        template.requestBody(from, (Object) null);
        assertEquals("tags=red%2Cblue&labels=x&labels=y", lastQuery());
    }

    @Test
    void listHeadersAreSentInTheirRowsFormatAndASingleValueOnce() throws Exception {
        String from = route(findItems(""));
        template.requestBodyAndHeaders(from, null, Map.of("CamelGenesysTags", List.of("a", "b"),
                "CamelGenesysLabels", List.of("one", "two", "three")));
        assertEquals("tags=a%2Cb&labels=one&labels=two&labels=three", lastQuery());

        template.requestBodyAndHeaders(from, null, Map.of("CamelGenesysLabels", "solo"));
        assertEquals("labels=solo", lastQuery());

        // empty items of a comma-separated value are not sent as empty parameters
        template.requestBodyAndHeaders(from, null, Map.of("CamelGenesysLabels", "p,,q"));
        assertEquals("labels=p&labels=q", lastQuery());
    }

    @Test
    void theRowSaysWhichFormatEachParameterHas() {
        OperationSpec spec = io.camelgenesys.core.test.TestOperation.findItems.spec();
        assertEquals(CollectionFormat.csv, spec.collectionFormat("tags"));
        assertEquals(CollectionFormat.multi, spec.collectionFormat("labels"));
        assertEquals(CollectionFormat.multi, spec.parameter("labels").format());
    }
}
