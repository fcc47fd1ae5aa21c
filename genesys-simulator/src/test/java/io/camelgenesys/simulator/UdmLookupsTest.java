package io.camelgenesys.simulator;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.MultiPartRequestContent;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.MultiPart;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.camelgenesys.simulator.TestHttp.body;
import static io.camelgenesys.simulator.UdmHttp.BASE;
import static io.camelgenesys.simulator.UdmHttp.error;
import static io.camelgenesys.simulator.UdmHttp.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** UDM v10 authentication, the certificate (cipher), the data lookups, labels and version over real HTTP. */
class UdmLookupsTest {

    @RegisterExtension
    static GenesysSimulatorExtension SIM = new GenesysSimulatorExtension();

    @RegisterExtension
    static final TestHttp http = new TestHttp(SIM);

    GenesysSimulator sim;
    UdmHttp api;
    String token;

    @BeforeEach
    void setUp() throws Exception {
        sim = SIM.simulator();
        token = http.multicloudToken();
        api = new UdmHttp(http);
    }

    private static byte[] resource(String name) throws Exception {
        try (InputStream in = UdmLookupsTest.class.getResourceAsStream("/udm/" + name)) {
            return in.readAllBytes();
        }
    }

    /** POST /cipher/{name} with a multipart body of one part. */
    private ContentResponse upload(String name, String field, byte[] content) throws Exception {
        MultiPartRequestContent multipart = new MultiPartRequestContent();
        multipart.addPart(new MultiPart.ByteBufferPart(field, name, HttpFields.build().put("Content-Type",
                "application/x-pem-file"), ByteBuffer.wrap(content)));
        multipart.close();
        return http.multicloud("POST", BASE + "/cipher/" + name, token).body(multipart).send();
    }

    @Test
    void everyOperationNeedsTheApiKeyAndABearerToken() throws Exception {
        for (String path : List.of("/cipher", "/data/attributes", "/data/job-statuses", "/data/sources",
                "/data/types", "/export/history", "/export/jobs", "/export/jobs/1", "/file-metadatas",
                "/files?filename=a", "/files/a", "/resources/labels")) {
            ContentResponse noKey = http.request("GET", BASE + path)
                    .headers(h -> h.put("Authorization", "Bearer " + token)).send();
            assertEquals(403, noKey.getStatus(), path);
            assertEquals("{\"message\":\"Forbidden\"}", noKey.getContentAsString(), path);
            ContentResponse noToken = http.request("GET", BASE + path)
                    .headers(h -> h.put("x-api-key", sim.multicloudApiKey())).send();
            error(noToken, 401, "No authentication bearer token");
        }
        // a Genesys Cloud token is not a Multicloud one
        error(http.multicloud("GET", BASE + "/export/jobs", http.cloudToken()).send(), 401, "Invalid login");
        sim.tokens().revokeAll();
        error(api.get("/export/jobs"), 401, "Invalid login");
    }

    @Test
    void versionNeedsOnlyTheApiKey() throws Exception {
        ContentResponse version = http.request("GET", BASE + "/version")
                .headers(h -> h.put("x-api-key", sim.multicloudApiKey())).send();
        JsonNode info = ok(version, 200);
        for (String field : List.of("version", "buildNumber", "changeset", "name")) {
            assertTrue(info.get(field).isTextual(), field + " in " + info);
        }
        assertEquals(403, http.request("GET", BASE + "/version").send().getStatus());
        assertEquals(403, http.request("GET", BASE + "/version").headers(h -> h.put("x-api-key", "wrong")).send()
                .getStatus());
        assertEquals(200, api.get("/version").getStatus(), "a bearer token does no harm");
    }

    @Test
    void certificateUploadAndInfo() throws Exception {
        error(api.get("/cipher"), 404, "No certificate has been uploaded");
        ContentResponse uploaded = upload("tenant.pem", "file", resource("rsa-certificate.pem"));
        assertEquals(201, uploaded.getStatus(), uploaded.getContentAsString());
        assertEquals("\"tenant.pem\"", uploaded.getContentAsString(), "201 with a JSON string");

        JsonNode info = ok(api.get("/cipher"), 200);
        assertEquals("simulator-ccid", info.get("ccid").asText());
        assertEquals("tenant.pem", info.get("name").asText());
        assertEquals(resource("rsa-certificate.pem").length, info.get("size").asInt());
        assertTrue(info.get("lastModified").asText().endsWith("Z"), info.toString());

        // replaced by the next upload
        assertEquals(201, upload("next.pem", "file", resource("rsa-certificate.pem")).getStatus());
        assertEquals("next.pem", ok(api.get("/cipher"), 200).get("name").asText());
    }

    @Test
    void certificateUploadErrors() throws Exception {
        error(upload("c.pem", "certificate", resource("rsa-certificate.pem")), 400, "the field name must be 'file'");
        error(upload("c.pem", "file", "not a certificate".getBytes()), 400, "not an X.509 certificate");
        error(upload("c.pem", "file", new byte[0]), 400, "empty");
        error(upload("c.pem", "file", resource("ec-certificate.pem")), 400, "RSA");
        // the seed's curl sends Content-Type: application/json; a JSON body is not a file upload
        ContentResponse json = http.multicloud("POST", BASE + "/cipher/c.pem", token)
                .body(new StringRequestContent("application/json", "{\"file\":\"...\"}")).send();
        error(json, 400, "multipart/form-data with the field name 'file'");
        error(api.get("/cipher"), 404, "No certificate");
        ContentResponse wrongMethod = api.delete("/cipher");
        assertEquals(405, wrongMethod.getStatus());
        assertEquals("GET", wrongMethod.getHeaders().get("Allow"));
    }

    @Test
    void dataLookups() throws Exception {
        JsonNode sources = ok(api.get("/data/sources"), 200);
        assertEquals("[{\"label\":\"Contact History\",\"value\":\"UCS\"}]", sources.toString());

        JsonNode types = ok(api.get("/data/types"), 200);
        assertEquals(List.of("Interaction", "Contact"), values(types, "name"));
        assertEquals("UCS", types.get(0).get("source").asText());
        assertEquals(2, ok(api.get("/data/types?source=UCS"), 200).size());
        assertEquals(204, api.get("/data/types?source=InfoMart").getStatus());

        JsonNode subTypes = ok(api.get("/data/sub-types?dataType=Interaction&source=UCS"), 200);
        assertEquals(List.of("chat", "email", "voice", "sms", "workitem"), values(subTypes, "name"));
        JsonNode chat = subTypes.get(0);
        assertEquals("Chat", chat.get("displayName").asText());
        assertEquals("Interaction", chat.get("dataType").asText());
        assertEquals("UCS", chat.get("source").asText());
        assertTrue(chat.get("enabled").asBoolean());
        assertEquals(false, subTypes.get(4).get("enabled").asBoolean());
        assertEquals(204, api.get("/data/sub-types?dataType=Contact").getStatus());
        error(api.get("/data/sub-types"), 400, "dataType is required");

        JsonNode attributes = ok(api.get("/data/attributes?entities=Contact"), 200);
        assertEquals(List.of("Contact"), fieldNames(attributes));
        assertTrue(attributes.get("Contact").toString().contains("EmailAddress"));
        assertEquals(List.of("Interaction", "Contact"), fieldNames(ok(api.get("/data/attributes"), 200)));
        error(api.get("/data/attributes?entities=Contact,Agent"), 400, "unknown entity 'Agent'");

        JsonNode statuses = ok(api.get("/data/job-statuses"), 200);
        assertEquals(6, statuses.size());
        assertEquals(statuses.get(0).get("label"), statuses.get(0).get("value"));

        JsonNode labels = ok(api.get("/resources/labels"), 200);
        assertEquals("Contact History", labels.get("UCS").asText());
        assertEquals("Chat", labels.get("chat").asText());
    }

    @Test
    void rateLimitAndFaultsApplyAsOnEveryMulticloudApi() throws Exception {
        sim.faults().on("GET", "/udm/v10/data/**").status(429).header("Retry-After", "2").times(1);
        ContentResponse limited = api.get("/data/sources");
        assertEquals(429, limited.getStatus());
        assertEquals("2", limited.getHeaders().get("Retry-After"));
        assertEquals(429, body(limited).path("status").path("code").asInt(), "Multicloud error shape");
        sim.faults().on("GET", "/udm/v10/data/**").body("{not json").times(1);
        assertEquals("{not json", api.get("/data/sources").getContentAsString());
        assertEquals(200, api.get("/data/sources").getStatus());

        ContentResponse counted = api.get("/data/types");
        assertTrue(Integer.parseInt(counted.getHeaders().get("X-Rate-Limit-Remaining")) > 0);
    }

    private static List<String> values(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.get(field).asText()));
        return values;
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
