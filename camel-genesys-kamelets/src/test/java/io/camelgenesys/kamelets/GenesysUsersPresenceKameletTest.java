package io.camelgenesys.kamelets;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelgenesys.simulator.GenesysSimulatorExtension;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A YAML route to kamelet:genesys-users-presence-sink against the simulator's Genesys Cloud users. */
class GenesysUsersPresenceKameletTest extends CamelTestSupport {

    @RegisterExtension
    static final GenesysSimulatorExtension SIM = new GenesysSimulatorExtension();

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void sinkRoute() throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("routes.yaml", """
                - route:
                    id: shift-start
                    from:
                      uri: direct:shift
                      steps:
                        - to:
                            uri: kamelet:genesys-users-presence-sink
                            parameters:
                              clientId: cloud-client
                              clientSecret: cloud-secret
                              baseUrl: "%s"
                """.formatted(SIM.simulator().baseUrl())));
    }

    @Test
    void thePresenceIsSetForTheUserOfTheHeaderAndAnsweredAsJson() throws Exception {
        List<String> agents = SIM.simulator().cloudConversations().seedUsers(2);
        String agent = agents.get(0);
        String other = agents.get(1);

        String answer = template.requestBodyAndHeader("direct:shift",
                "{\"presenceDefinition\": {\"id\": \"presence-on-queue\"}, \"message\": \"shift start\"}", "userId",
                agent, String.class);
        JsonNode presence = JSON.readTree(answer);
        assertEquals("On Queue", presence.path("presenceDefinition").path("systemPresence").asText());
        assertEquals("shift start", presence.path("message").asText());
        assertEquals("presence-on-queue", SIM.simulator().cloudConversations().store().presenceOf(agent).orElseThrow());

        // the CloudEvents form of the user id, a Map body
        template.requestBodyAndHeader("direct:shift", Map.of("presenceDefinition", Map.of("id", "presence-on-queue")),
                "ce-userid", other, String.class);
        assertEquals("presence-on-queue", SIM.simulator().cloudConversations().store().presenceOf(other).orElseThrow());
    }

    /** A body that is none of the SDK's three ways (presenceDefinition, message, primary) changes nothing. */
    @Test
    void aPresenceBodyWithNoneOfTheThreeWaysFailsSayingSoAndSendsNothing() throws Exception {
        String agent = SIM.simulator().cloudConversations().seedUsers(1).get(0);
        int before = SIM.simulator().requests().count("PATCH", "/api/v2/users/*/presences/purecloud");

        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.requestBodyAndHeader("direct:shift", "{\"messsage\": \"typo\"}", "userId", agent));

        String message = assertInstanceOf(IllegalArgumentException.class, e.getCause()).getMessage();
        assertTrue(message.contains("presenceDefinition") && message.contains("message") && message.contains("primary"),
                message);
        assertEquals(before, SIM.simulator().requests().count("PATCH", "/api/v2/users/*/presences/purecloud"),
                "no request to Genesys");
    }
}
