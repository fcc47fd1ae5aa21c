package io.camelgenesys.udm;

/** The genesys-udm routes in the YAML DSL: the YAML examples of genesys-udm-component.adoc. */
class YamlRouteTest extends UdmDslRoutesTestSupport {

    @Override
    String routes() {
        return "routes/udm-exports.yaml";
    }
}
