package io.camelgenesys.contacts;

import java.util.List;

import io.camelgenesys.contacts.model.ExternalContact;
import io.camelgenesys.core.GenesysConstants;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * What one endpoint reports never drives the next one: the page a search returned is reported as
 * CamelGenesysResponsePageNumber/CamelGenesysResponsePageSize, while the inputs CamelGenesysPageNumber/CamelGenesysPageSize are the
 * route's to set.
 */
class HeaderDirectionRouteTest extends ContactsTestSupport {

    @Test
    void theOutputPageOfOneSearchDoesNotChooseThePageOfTheNext() throws Exception {
        sim().externalContacts().seedContacts(40);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:two-searches")
                        .to(contacts("search", "pageSize=10&pageNumber=3"))
                        .setProperty("firstPage", header(GenesysConstants.RESPONSE_PAGE_NUMBER))
                        .setProperty("firstSize", header(GenesysConstants.RESPONSE_PAGE_SIZE))
                        .setProperty("firstIds", simple("${body}"))
                        .to(contacts("search", ""));
            }
        });
        Exchange e = template.request("direct:two-searches", x -> {
        });
        assertEquals(3, e.getProperty("firstPage"), "the first search reports its page");
        assertEquals(10, e.getProperty("firstSize"));
        assertNull(e.getMessage().getHeader(GenesysConstants.PAGE_NUMBER), "nothing set the input header");
        // the second search used its own options (Genesys' defaults), not the first one's page 3 of 10
        assertEquals(1, e.getMessage().getHeader(GenesysConstants.RESPONSE_PAGE_NUMBER));
        assertEquals(25, e.getMessage().getHeader(GenesysConstants.RESPONSE_PAGE_SIZE));
        List<?> second = e.getMessage().getBody(List.class);
        assertEquals(25, second.size());
        List<?> first = (List<?>) e.getProperty("firstIds");
        assertEquals(((ExternalContact) first.get(0)).getId().equals(((ExternalContact) second.get(0)).getId()), false,
                "page 3 and page 1 differ");

        // an input header still chooses the page, for one message
        Exchange chosen = template.request("direct:two-searches", x -> x.getMessage().setHeader(
                GenesysConstants.PAGE_NUMBER, 2));
        assertEquals(2, chosen.getMessage().getHeader(GenesysConstants.RESPONSE_PAGE_NUMBER));
    }
}
