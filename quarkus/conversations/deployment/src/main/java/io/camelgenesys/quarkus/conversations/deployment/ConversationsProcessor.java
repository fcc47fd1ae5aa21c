package io.camelgenesys.quarkus.conversations.deployment;

import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.FeatureBuildItem;

/**
 * The genesys-conversations and genesys-users extension (one module, two components). Their components, models and
 * operation tables are registered for native by camel-genesys-quarkus-core-deployment, which discovers every
 * camel-genesys component through Jandex; their Dev Service is the shared genesys-simulator. This processor only names
 * the feature.
 */
class ConversationsProcessor {

    private static final String FEATURE = "camel-genesys-conversations";

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }
}
