package io.camelgenesys.conversations.springboot;

import java.io.InputStream;
import java.util.List;

import io.camelgenesys.conversations.ConversationsComponent;
import io.camelgenesys.conversations.ConversationsConstants;
import io.camelgenesys.conversations.UsersComponent;
import io.camelgenesys.conversations.UsersConstants;
import io.camelgenesys.conversations.model.User;
import io.camelgenesys.core.GenesysComponent;
import io.camelgenesys.core.GenesysPlatform;
import io.camelgenesys.simulator.GenesysSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * One starter, two components: camel.component.genesys-conversations.* and camel.component.genesys-users.* are bound
 * each to its own component, and routes with no option in their URIs read a user and download a recording from the
 * simulator with them.
 */
@CamelSpringBootTest
@SpringBootTest(classes = ConversationsStarterTest.App.class, properties = {
        "camel.component.genesys-conversations.client-id=cloud-client",
        "camel.component.genesys-conversations.client-secret=cloud-secret",
        "camel.component.genesys-conversations.request-timeout=20000",
        "camel.component.genesys-users.client-id=cloud-client",
        "camel.component.genesys-users.client-secret=cloud-secret",
        "camel.component.genesys-users.page-size=25" })
@DirtiesContext
class ConversationsStarterTest {

    static final GenesysSimulator SIM = GenesysSimulator.builder().build();

    @BeforeAll
    static void startSimulator() {
        SIM.start();
    }

    @DynamicPropertySource
    static void simulator(DynamicPropertyRegistry registry) {
        registry.add("camel.component.genesys-conversations.base-url", SIM::baseUrl);
        registry.add("camel.component.genesys-users.base-url", SIM::baseUrl);
    }

    @AfterAll
    static void stopCamelThenSimulator(@Autowired CamelContext camel) {
        try {
            camel.stop();
        } finally {
            SIM.stop();
        }
    }

    @Autowired
    CamelContext camelContext;

    @Autowired
    ProducerTemplate template;

    @Test
    void eachComponentGetsItsOwnProperties() {
        ConversationsComponent conversations = camelContext.getComponent("genesys-conversations",
                ConversationsComponent.class);
        assertEquals("cloud-client", option(conversations, "clientId"));
        assertEquals(20000L, option(conversations, "requestTimeout"));
        assertEquals(GenesysPlatform.cloud, option(conversations, "platform"));
        UsersComponent users = camelContext.getComponent("genesys-users", UsersComponent.class);
        assertEquals(25, option(users, "pageSize"));
        assertEquals(60000L, option(users, "requestTimeout"), "unset: the component's default");
    }

    @Test
    void routesUseTheBoundCredentials() throws Exception {
        List<String> agents = SIM.cloudConversations().seedUsers(1);
        User user = template.requestBodyAndHeader("direct:user", null, UsersConstants.USER_ID, agents.get(0),
                User.class);
        assertEquals(agents.get(0), user.getId());

        String conversation = SIM.cloudConversations().addConversation(agents.get(0), 70_001);
        String recording = SIM.cloudConversations().recordingIds(conversation).get(0);
        byte[] media = template.request("direct:media", e -> {
            e.getMessage().setHeader(ConversationsConstants.CONVERSATION_ID, conversation);
            e.getMessage().setHeader(ConversationsConstants.RECORDING_ID, recording);
        }).getMessage().getBody(byte[].class);
        assertEquals(70_001, media.length);
        assertNotNull(SIM.requests().lastHeader("/api/v2/conversations/**", "Authorization"), "Genesys got the token");
        assertNull(SIM.requests().lastHeader("/recordings-media/**", "Authorization"), "storage got no token");
    }

    private static Object option(GenesysComponent component, String name) {
        return ((PropertyConfigurerGetter) component.getComponentPropertyConfigurer()).getOptionValue(component, name,
                true);
    }

    @Configuration
    @EnableAutoConfiguration
    static class App {

        @Bean
        RouteBuilder conversationsRoutes() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:user").to("genesys-users:get");
                    // read within the route: the stream is closed when the exchange completes
                    from("direct:media").to("genesys-conversations:downloadRecording?formatId=WAV")
                            .process(e -> e.getMessage().setBody(
                                    e.getMessage().getBody(InputStream.class).readAllBytes()));
                }
            };
        }
    }
}
