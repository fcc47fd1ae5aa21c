package io.camelgenesys.conversations;

/** The genesys-conversations and genesys-users routes in the YAML DSL: the pages' YAML examples. */
class YamlRouteTest extends ConversationsDslRoutesTestSupport {

    @Override
    String routes() {
        return "routes/conversations.yaml";
    }
}
