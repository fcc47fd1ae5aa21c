package io.camelgenesys.conversations;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.camelgenesys.conversations.model.User;
import io.camelgenesys.core.GenesysConfiguration;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The same routes in a DSL file ({@code routes/conversations.xml} or {@code .yaml}), loaded as users deploy them,
 * with the credentials set once on each component as the pages say: every recording of a conversation listed and
 * streamed from the storage host into a folder, and an agent's presence set and read back.
 */
abstract class ConversationsDslRoutesTestSupport extends CloudTestSupport {

    @TempDir
    Path out;

    /** The classpath resource of the routes. */
    abstract String routes();

    @BeforeEach
    void loadRoutes() throws Exception {
        for (GenesysConfiguration c : List.of(
                context.getComponent("genesys-conversations", ConversationsComponent.class).getConfiguration(),
                context.getComponent("genesys-users", UsersComponent.class).getConfiguration())) {
            c.setBaseUrl(sim().baseUrl());
            c.setClientId(sim().cloudClientId());
            c.setClientSecret(sim().cloudClientSecret());
        }
        Properties props = new Properties();
        props.setProperty("recordings.dir", out.toString());
        context.getPropertiesComponent().setOverrideProperties(props);
        PluginHelper.getRoutesLoader(context)
                .loadRoutes(ResourceHelper.resolveMandatoryResource(context, "classpath:" + routes()));
    }

    @Test
    void everyRecordingOfAConversationStreamsIntoAFolder() throws Exception {
        String agent = cloud().seedUsers(1).get(0);
        String conversation = cloud().addConversation(agent, 40_000, 1_234_567);
        List<String> recordings = cloud().recordingIds(conversation);
        MockEndpoint done = getMockEndpoint("mock:recordings");
        done.expectedMessageCount(2);

        template.sendBodyAndHeader("direct:recordings", null, ConversationsConstants.CONVERSATION_ID, conversation);

        done.assertIsSatisfied();
        long[] sizes = { 40_000, 1_234_567 };
        for (int i = 0; i < 2; i++) {
            Path file = out.resolve(recordings.get(i) + ".wav");
            assertEquals(sizes[i], Files.size(file), file.toString());
            assertArrayEquals(cloud().mediaBytes(recordings.get(i), 64), Arrays.copyOf(Files.readAllBytes(file), 64),
                    "the recording's own bytes");
        }
        assertNull(sim().requests().lastHeader("/recordings-media/**", "Authorization"), "storage got no token");
    }

    @Test
    void anAgentIsPutOnQueueAndTheRouteReadsThePresenceBack() throws Exception {
        String agent = cloud().seedUsers(1).get(0);
        MockEndpoint presence = getMockEndpoint("mock:presence");
        presence.expectedMessageCount(1);

        template.sendBodyAndHeaders("direct:on-queue", null, Map.of(UsersConstants.USER_ID, agent,
                "presenceId", "presence-on-queue", "reason", "shift start"));

        presence.assertIsSatisfied();
        assertEquals("On Queue", presence.getReceivedExchanges().get(0).getMessage().getHeader("systemPresence"));
        assertEquals(agent, presence.getReceivedExchanges().get(0).getMessage().getBody(User.class).getId());
        assertEquals("presence-on-queue", cloud().store().presenceOf(agent).orElseThrow());
    }
}
