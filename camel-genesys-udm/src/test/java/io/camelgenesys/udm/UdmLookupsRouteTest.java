package io.camelgenesys.udm;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.camelgenesys.core.GenesysApiException;
import io.camelgenesys.core.GenesysAuthException;
import io.camelgenesys.core.GenesysConstants;
import io.camelgenesys.udm.model.CertificateInfo;
import io.camelgenesys.udm.model.DataType;
import io.camelgenesys.udm.model.KeyValueItem;
import io.camelgenesys.udm.model.SubType;
import io.camelgenesys.udm.model.VersionInfo;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The certificate, the data lookups, labels and the version through routes. */
class UdmLookupsRouteTest extends UdmTestSupport {

    @TempDir
    Path dir;

    private static byte[] resource(String name) throws Exception {
        try (InputStream in = UdmLookupsRouteTest.class.getResourceAsStream("/udm/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void getCertificateIs404BeforeAnUploadAndTheUploadIsMultipartWithTheFieldFile() throws Exception {
        String get = route(udm("getCertificate", ""));
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.requestBody(get, (Object) null));
        assertEquals(404, assertInstanceOf(GenesysApiException.class, e.getCause()).getHttpStatus());

        Exchange uploaded = template.request(route(udm("uploadCertificate", "certificateFileName=tenant.pem")),
                x -> x.getMessage().setBody(resource("rsa-certificate.pem")));
        assertNull(uploaded.getException());
        assertEquals(201, uploaded.getMessage().getHeader(GenesysConstants.HTTP_STATUS));
        assertEquals("tenant.pem", uploaded.getMessage().getBody());
        assertTrue(sim().requests().lastHeader("/udm/v10/cipher/*", "Content-Type").startsWith("multipart/form-data;"));

        CertificateInfo info = template.requestBody(get, null, CertificateInfo.class);
        assertEquals("tenant.pem", info.getName());
        assertEquals(resource("rsa-certificate.pem").length, info.getSize());
        assertEquals("simulator-ccid", info.getCcid());
    }

    @Test
    void aCertificateFromAFileRouteIsUploadedAsItIsAndABadOneIs400() throws Exception {
        Files.write(dir.resolve("cert.pem"), resource("rsa-certificate.pem"));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("file:" + dir + "?noop=true&include=cert.pem").setHeader(UdmConstants.CERTIFICATE_FILE_NAME,
                        header(Exchange.FILE_NAME)).to(udm("uploadCertificate", "")).to("mock:uploaded");
            }
        });
        MockEndpoint uploaded = getMockEndpoint("mock:uploaded");
        uploaded.expectedBodiesReceived("cert.pem");
        uploaded.assertIsSatisfied(10_000);
        assertEquals(resource("rsa-certificate.pem").length, udm().certificate().orElseThrow().get("size").asInt());

        // an EC certificate: UDM encrypts for RSA keys only
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.requestBody(route(udm("uploadCertificate", "certificateFileName=ec.pem")),
                        resource("ec-certificate.pem")));
        GenesysApiException refused = assertInstanceOf(GenesysApiException.class, e.getCause());
        assertEquals(400, refused.getHttpStatus());
        assertTrue(refused.getMessage().contains("RSA"), refused.getMessage());

        // no body: refused before anything is sent
        int before = sim().requests().count("POST", "/udm/v10/cipher/*");
        e = assertThrows(CamelExecutionException.class,
                () -> template.requestBody(route(udm("uploadCertificate", "certificateFileName=none.pem")),
                        (Object) null));
        assertTrue(e.getCause().getMessage().contains("uploadCertificate needs a message body"),
                e.getCause().getMessage());
        assertEquals(before, sim().requests().count("POST", "/udm/v10/cipher/*"));
    }

    @Test
    void lookupsAnswerTheirTypedListsAnd204IsNoBody() throws Exception {
        List<?> statuses = template.requestBody(route(udm("listJobStatuses", "")), null, List.class);
        KeyValueItem first = assertInstanceOf(KeyValueItem.class, statuses.get(0));
        assertEquals(6, statuses.size());
        assertEquals(first.getLabel(), first.getValue());

        List<?> sources = template.requestBody(route(udm("listSources", "")), null, List.class);
        assertEquals("UCS", ((KeyValueItem) sources.get(0)).getValue());

        List<?> types = template.requestBody(route(udm("listDataTypes", "source=UCS")), null, List.class);
        assertTrue(types.stream().map(t -> ((DataType) t).getName()).toList().contains("Interaction"));

        List<?> media = template.requestBody(route(udm("listSubTypes", "dataType=Interaction")), null, List.class);
        assertTrue(media.stream().anyMatch(m -> "chat".equals(((SubType) m).getName())));

        Exchange none = template.request(route(udm("listSubTypes", "dataType=Contact")), x -> {
        });
        assertEquals(204, none.getMessage().getHeader(GenesysConstants.HTTP_STATUS));
        assertNull(none.getMessage().getBody());

        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.requestBody(route(udm("listSubTypes", "")), (Object) null));
        assertEquals(400, assertInstanceOf(GenesysApiException.class, e.getCause()).getHttpStatus());
    }

    @Test
    void attributesLabelsAndVersion() throws Exception {
        Map<?, ?> attributes = template.requestBody(route(udm("listAttributes", "")), null, Map.class);
        assertTrue(!attributes.isEmpty());
        String entity = attributes.keySet().iterator().next().toString();
        Map<?, ?> one = template.requestBodyAndHeader(route(udm("listAttributes", "")), null, "CamelGenesysEntities", entity,
                Map.class);
        assertEquals(List.of(entity), List.copyOf(one.keySet()));
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.requestBody(route(udm("listAttributes", "entities=unknown")), (Object) null));
        assertEquals(400, assertInstanceOf(GenesysApiException.class, e.getCause()).getHttpStatus());

        Map<?, ?> labels = template.requestBody(route(udm("listLabels", "")), null, Map.class);
        assertEquals("chat", String.valueOf(labels.get("chat")).toLowerCase());

        VersionInfo version = template.requestBody(route(udm("getVersion", "")), null, VersionInfo.class);
        assertEquals("10.0.0", version.getVersion());
    }

    @Test
    void aWrongApiKeyIs403NamingTheOption() throws Exception {
        String uri = udm("getVersion", "").replace("apiKey=RAW(mc-api-key)", "apiKey=RAW(wrong-key)");
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.requestBody(route(uri), (Object) null));
        GenesysAuthException refused = assertInstanceOf(GenesysAuthException.class, e.getCause());
        assertEquals(403, refused.getHttpStatus());
        assertTrue(refused.getMessage().contains("apiKey"), refused.getMessage());
        assertTrue(!refused.getMessage().contains("wrong-key"), refused.getMessage());
    }
}
