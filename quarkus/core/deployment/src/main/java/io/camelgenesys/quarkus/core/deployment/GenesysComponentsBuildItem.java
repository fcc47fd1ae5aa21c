package io.camelgenesys.quarkus.core.deployment;

import java.util.List;

import io.quarkus.builder.item.SimpleBuildItem;

/**
 * The camel-genesys components of the application, found in the Jandex index (classes under {@code io.camelgenesys}
 * annotated with Camel's {@code @Component}), so that a module added later is covered without a change here.
 */
public final class GenesysComponentsBuildItem extends SimpleBuildItem {

    private final List<String> schemes;
    private final List<String> componentClasses;

    public GenesysComponentsBuildItem(List<String> schemes, List<String> componentClasses) {
        this.schemes = List.copyOf(schemes);
        this.componentClasses = List.copyOf(componentClasses);
    }

    /** The URI schemes, in name order ({@code genesys-contacts}, {@code genesys-stats}, ...). */
    public List<String> getSchemes() {
        return schemes;
    }

    public List<String> getComponentClasses() {
        return componentClasses;
    }
}
