package io.camelgenesys.core.operation;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelgenesys.core.GenesysApiException;
import io.camelgenesys.core.GenesysConstants;
import io.camelgenesys.core.test.GenesysRouteTestSupport;
import io.camelgenesys.core.test.TestItem;
import io.camelgenesys.simulator.GenesysSimulator;
import io.camelgenesys.simulator.GenesysSimulatorExtension;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The generic executor through routes: the three paging styles (with pageAll streaming into a splitter), the
 * 1,000-record cap, output types, the Multicloud envelope, and input errors raised before any request.
 */
class PagingRouteTest extends GenesysRouteTestSupport {

    @RegisterExtension
    static final GenesysSimulatorExtension SIM = new GenesysSimulatorExtension();

    @Override
    protected GenesysSimulator sim() {
        return SIM.simulator();
    }

    private List<Object> splitAll(String endpointUri) throws Exception {
        List<Object> seen = new ArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:split").to(endpointUri).split(body()).streaming().process(e -> seen.add(e.getMessage().getBody()));
            }
        });
        template.sendBody("direct:split", null);
        return seen;
    }

    @Test
    void pageNumberPagingReturnsOnePageWithHeaders() throws Exception {
        sim().items().seed(120);
        Exchange e = template.request(route(cloud("listItems", "pageSize=50&pageNumber=2")), x -> {
        });
        List<?> items = e.getMessage().getBody(List.class);
        assertEquals(50, items.size());
        assertInstanceOf(TestItem.class, items.get(0));
        assertEquals(120L, e.getMessage().getHeader(GenesysConstants.TOTAL, Long.class));
        assertEquals(2, e.getMessage().getHeader(GenesysConstants.RESPONSE_PAGE_NUMBER));
        assertEquals(3, e.getMessage().getHeader(GenesysConstants.PAGE_COUNT));
    }

    @Test
    void aPageWithoutPageNumberIsTakenAsThePageAskedFor() throws Exception {
        // The SDK declares pageNumber but does not require it (QueueMemberEntityListing has no total or pageCount
        // either); an answer without it was taken as page 1, so a full page 2 asked for page 2 again: duplicates, and
        // an endless scan if every page came back that way.
        sim().items().seed(5);
        sim().faults().on("GET", "/api/v2/simulator/items").status(200)
                .body("{\"entities\":[{\"name\":\"a\",\"index\":1},{\"name\":\"b\",\"index\":2}],\"pageSize\":2}")
                .times(2);
        List<Object> seen = splitAll(cloud("listItems", "pageSize=2&pageAll=true"));
        assertEquals(5, seen.size(), "pages 1 and 2 (answered without pageNumber), then page 3");
        assertEquals(3, sim().requests().count("GET", "/api/v2/simulator/items"));
    }

    @Test
    void pageAllStopsAtTheCapAndSaysSoBeforeIterating() throws Exception {
        sim().items().seed(1_050);
        Exchange e = template.request(route(cloud("listItems", "pageSize=100&pageAll=true")), x -> {
        });
        assertEquals(Boolean.TRUE, e.getMessage().getHeader(GenesysConstants.PAGING_TRUNCATED));
        Iterator<?> it = e.getMessage().getBody(Iterator.class);
        int n = 0;
        while (it.hasNext()) {
            it.next();
            n++;
        }
        assertEquals(1_000, n, "page-number paging never reads past Genesys' cap");
    }

    @Test
    void pageNumberTimesPageSizeOverTheCapIsRefusedBeforeAnyRequest() throws Exception {
        String r = route(cloud("listItems", "pageSize=100&pageNumber=11"));
        CamelExecutionException e = assertThrows(CamelExecutionException.class, () -> template.requestBody(r, (Object) null));
        assertTrue(e.getCause().getMessage().contains("pageNumber x pageSize must be <= 1,000"), e.getCause().getMessage());
        assertEquals(0, sim().requests().count("GET", "/api/v2/simulator/items"));
    }

    @Test
    void cursorScanStreamsEverythingThroughASplitter() throws Exception {
        sim().items().seed(1_234);
        List<Object> seen = splitAll(cloud("scanItems", "pageSize=200&pageAll=true"));
        assertEquals(1_234, seen.size());
        Set<String> ids = new HashSet<>();
        seen.forEach(o -> ids.add(((TestItem) o).getId()));
        assertEquals(1_234, ids.size(), "each item once");
    }

    @Test
    @Timeout(60) // without the hand-off this deadlocks: fail, do not hang the build
    void aSplitterFetchingPagesOnOneConnectionDoesNotStallTheHttpClient() throws Exception {
        // the iterator blocks while it fetches the next page: with a single pooled connection this only works if
        // the route runs on a worker thread, not inside the Jetty listener that holds the connection
        sim().items().seed(250);
        List<Object> seen = splitAll(cloud("scanItems", "pageSize=50&pageAll=true&maxConnectionsPerHost=1"));
        assertEquals(250, seen.size());
    }

    @Test
    @Timeout(60)
    void aPageThatFailsEndsTheSplitWithItsErrorAndIsNotFetchedAgain() throws Exception {
        // found by the fault soak: once the iterator had failed, Camel's splitter walks it again to release the
        // exchanges, and each hasNext() fetched the failed page anew (with its whole retry sequence); and the last
        // item of the page before the failure never reached the route, as the splitter asks hasNext() first
        sim().items().seed(100);
        String scan = "/api/v2/simulator/items/scan";
        List<Object> seen = new ArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:split").to(cloud("scanItems", "pageSize=20&pageAll=true"))
                        // the first page is in; every later one fails (a 500 is not retried)
                        .process(e -> sim().faults().on("GET", scan).status(500))
                        .split(body()).streaming().process(e -> seen.add(e.getMessage().getBody()));
            }
        });
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.sendBody("direct:split", null));
        Throwable cause = e.getCause();
        while (cause != null && !(cause instanceof GenesysApiException)) {
            cause = cause.getCause();
        }
        assertEquals(500, assertInstanceOf(GenesysApiException.class, cause, e.toString()).getHttpStatus());
        assertEquals(20, seen.size(), "the first page");
        assertEquals(2, sim().requests().count("GET", scan), "the first page, and the second once");
    }

    @Test
    void cursorPageGivesTheNextCursorHeader() throws Exception {
        sim().items().seed(30);
        String r = route(cloud("scanItems", "pageSize=10&outputType=map"));
        Exchange first = template.request(r, x -> {
        });
        String cursor = first.getMessage().getHeader(GenesysConstants.NEXT_CURSOR, String.class);
        assertTrue(cursor != null && !cursor.isEmpty());
        assertInstanceOf(Map.class, first.getMessage().getBody(List.class).get(0));
        Exchange second = template.request(r, x -> x.getMessage().setHeader(GenesysConstants.CURSOR, cursor));
        assertEquals(10, second.getMessage().getBody(List.class).size());
        assertTrue(!first.getMessage().getBody(List.class).get(0).equals(second.getMessage().getBody(List.class).get(0)));
    }

    @Test
    void offsetPagingStreamsEverything() throws Exception {
        sim().items().seed(75);
        List<Object> seen = splitAll(cloud("offsetItems", "pageSize=20&pageAll=true&outputType=json"));
        assertEquals(75, seen.size());
        assertInstanceOf(JsonNode.class, seen.get(0));
    }

    @Test
    void outputTypesAndUnknownFieldsAreKept() throws Exception {
        String create = route(cloud("createItem", ""));
        TestItem item = template.requestBody(create, Map.of("name", "n", "crmField", "kept"), TestItem.class);
        assertEquals("kept", item.getAdditionalProperties().get("crmField"));
        String asString = template.requestBody(route(cloud("getItem", "outputType=string&itemId=" + item.getId())), null,
                String.class);
        assertTrue(asString.contains("\"crmField\":\"kept\""), asString);
        // a model with unknown fields goes back out with them
        item.setName("renamed");
        TestItem updated = template.requestBody(route(cloud("updateItem", "itemId=" + item.getId())), item, TestItem.class);
        assertEquals("renamed", updated.getName());
        assertEquals("kept", updated.getAdditionalProperties().get("crmField"));
    }

    @Test
    void pathVariableFromHeaderOverridesTheOption() throws Exception {
        String create = route(cloud("createItem", ""));
        TestItem item = template.requestBody(create, Map.of("name", "h"), TestItem.class);
        String r = route(cloud("getItem", "itemId=does-not-exist"));
        TestItem got = template.requestBodyAndHeader(r, null, "CamelGenesysItemId", item.getId(), TestItem.class);
        assertEquals(item.getId(), got.getId());
    }

    @Test
    void missingPathVariableIsNamedBeforeAnyRequest() throws Exception {
        String r = route(cloud("getItem", ""));
        CamelExecutionException e = assertThrows(CamelExecutionException.class, () -> template.requestBody(r, (Object) null));
        assertTrue(e.getCause().getMessage().contains("itemId option or the CamelGenesysItemId header"), e.getCause().getMessage());
    }

    @Test
    void notFoundIsAnApiExceptionWithGenesysFields() throws Exception {
        String r = route(cloud("getItem", "itemId=nope"));
        CamelExecutionException e = assertThrows(CamelExecutionException.class, () -> template.requestBody(r, (Object) null));
        GenesysApiException api = assertInstanceOf(GenesysApiException.class, e.getCause());
        assertEquals(404, api.getHttpStatus());
        assertEquals("not.found", api.getErrorCode());
        assertTrue(api.getMessage().contains("GET /api/v2/simulator/items/nope"), api.getMessage());
    }

    @Test
    void multicloudStatusCodesOneAndTwoAreHeadersNotErrors() throws Exception {
        String path = "/test/v3/operations/op1";
        sim().faults().on("POST", path).status(200)
                .body("{\"status\":{\"code\":2,\"message\":\"partial\"},\"data\":{\"ok\":[1]},"
                      + "\"errors\":[{\"status\":{\"code\":404,\"message\":\"agent9 not found\"}}]}", "application/json")
                .times(1);
        sim().faults().on("POST", path).status(200).body("{\"status\":{\"code\":1}}", "application/json").times(1);
        sim().faults().on("POST", path).status(200)
                .body("{\"status\":{\"code\":500,\"message\":\"Resource not found\",\"detail\":{\"ConfCode\":12345}}}",
                        "application/json")
                .times(1);
        String r = route(multicloud("multicloudCall", "itemId=op1"));
        Exchange partial = template.request(r, x -> {
        });
        assertEquals(2, partial.getMessage().getHeader(GenesysConstants.STATUS_CODE));
        assertEquals(1, partial.getMessage().getHeader(GenesysConstants.ERRORS, List.class).size());
        assertEquals("[1]", partial.getMessage().getBody(JsonNode.class).get("ok").toString());
        Exchange accepted = template.request(r, x -> {
        });
        assertEquals(1, accepted.getMessage().getHeader(GenesysConstants.STATUS_CODE));
        assertNull(accepted.getException());
        Exchange failed = template.request(r, x -> {
        });
        GenesysApiException api = assertInstanceOf(GenesysApiException.class, failed.getException());
        assertEquals(500, api.getStatusCode());
        assertEquals(12345, api.getDetail().get("ConfCode").asInt());
        assertEquals("Resource not found", api.getErrorMessage());
    }

    @Test
    void mockEndpointSeesEveryPageItem() throws Exception {
        sim().items().seed(45);
        MockEndpoint mock = getMockEndpoint("mock:items");
        mock.expectedMessageCount(45);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:mock").to(cloud("listItems", "pageSize=10&pageAll=true")).split(body()).streaming()
                        .to("mock:items");
            }
        });
        template.sendBody("direct:mock", null);
        mock.assertIsSatisfied();
    }
}
