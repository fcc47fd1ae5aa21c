package io.camelgenesys.core.json;

import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelgenesys.core.test.PlatformHttpRouteTestSupport;
import io.camelgenesys.core.test.TestItem;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * A model body goes on as its JSON ({@link GenesysModelConverters}): a platform-http route that answers with the model
 * a Genesys call returned writes the model's JSON (without the converters the answer fails with 500 after Genesys
 * applied the call, so a retrying client would apply it twice), and {@code convertBodyTo} gives the same JSON as text,
 * bytes or a stream, fields Genesys added that the model does not declare included.
 */
class GenesysModelConvertersRouteTest extends PlatformHttpRouteTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // the body Genesys answers (a TestItem) is the HTTP answer, as in the messaging and securemail examples
                from("platform-http:/items?httpMethodRestrict=POST")
                        .convertBodyTo(String.class) // the JSON text the client posted, sent as it is
                        .to(cloud("createItem", ""));
            }
        };
    }

    @Test
    void aPlatformHttpRouteAnswersTheModelAsItsJson() throws Exception {
        // more requests at once than the worker pool has threads
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            HttpRequest request = HttpRequest.newBuilder(uri("/items"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"item-" + i + "\"}")).build();
            answers.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        for (int i = 0; i < answers.size(); i++) {
            HttpResponse<String> answer = answers.get(i).get();
            assertEquals(200, answer.statusCode(), answer.body());
            JsonNode json = GenesysJson.parse(answer.body().getBytes());
            assertEquals("item-" + i, json.path("name").asText(), answer.body());
            assertEquals(false, json.path("id").asText().isEmpty(), "the id Genesys gave: " + answer.body());
        }
    }

    @Test
    void convertBodyToGivesTheModelsJsonAsTextBytesOrStream() throws Exception {
        String r = route(cloud("createItem", ""));
        TestItem item = template.requestBody(r, Map.of("name", "converted"), TestItem.class);
        item.setAdditionalProperty("addedByGenesys", 7);

        String text = context.getTypeConverter().mandatoryConvertTo(String.class, item);
        JsonNode json = GenesysJson.parse(text.getBytes());
        assertEquals(item.getId(), json.path("id").asText());
        assertEquals("converted", json.path("name").asText());
        assertEquals(7, json.path("addedByGenesys").asInt(), "an undeclared field is written back: " + text);

        byte[] bytes = context.getTypeConverter().mandatoryConvertTo(byte[].class, item);
        assertArrayEquals(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), bytes);
        InputStream in = assertInstanceOf(InputStream.class,
                context.getTypeConverter().mandatoryConvertTo(InputStream.class, item));
        assertArrayEquals(bytes, in.readAllBytes());
    }
}
