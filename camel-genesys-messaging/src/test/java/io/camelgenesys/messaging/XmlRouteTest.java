package io.camelgenesys.messaging;

/** The Digital Channels routes in the XML DSL (camel-xml-io-dsl): the XML examples of the four components' pages. */
class XmlRouteTest extends MessagingDslRoutesTestSupport {

    @Override
    String routes() {
        return "routes/messaging.xml";
    }
}
