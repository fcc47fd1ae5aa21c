package io.camelgenesys.udm;

/** The genesys-udm routes in the XML DSL (camel-xml-io-dsl): the XML examples of genesys-udm-component.adoc. */
class XmlRouteTest extends UdmDslRoutesTestSupport {

    @Override
    String routes() {
        return "routes/udm-exports.xml";
    }
}
