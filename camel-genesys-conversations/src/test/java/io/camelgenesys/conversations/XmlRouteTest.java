package io.camelgenesys.conversations;

/** The genesys-conversations and genesys-users routes in the XML DSL (camel-xml-io-dsl): the pages' XML examples. */
class XmlRouteTest extends ConversationsDslRoutesTestSupport {

    @Override
    String routes() {
        return "routes/conversations.xml";
    }
}
