package io.camelgenesys.messaging;

/** The Digital Channels routes in the YAML DSL: the YAML examples of the four components' pages. */
class YamlRouteTest extends MessagingDslRoutesTestSupport {

    @Override
    String routes() {
        return "routes/messaging.yaml";
    }
}
