package io.camelgenesys.quarkus.udm.deployment;

import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.FeatureBuildItem;

/**
 * The genesys-udm extension. Its component, models and operation table are registered for native by
 * camel-genesys-quarkus-core-deployment, which discovers every camel-genesys component through Jandex; its Dev Service
 * is the shared genesys-simulator. This processor only names the feature.
 */
class UdmProcessor {

    private static final String FEATURE = "camel-genesys-udm";

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }
}
