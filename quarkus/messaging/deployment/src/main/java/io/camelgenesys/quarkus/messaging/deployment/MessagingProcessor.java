package io.camelgenesys.quarkus.messaging.deployment;

import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.FeatureBuildItem;

/**
 * The genesys-messaging, genesys-interactions, genesys-securemail and genesys-openmedia extension (one module, four
 * components). Their components, models and operation tables are registered for native by
 * camel-genesys-quarkus-core-deployment, which discovers every camel-genesys component through Jandex; their Dev
 * Service is the shared genesys-simulator; their webhook consumers run on camel-quarkus-platform-http, which this
 * extension brings. This processor only names the feature.
 */
class MessagingProcessor {

    private static final String FEATURE = "camel-genesys-messaging";

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }
}
