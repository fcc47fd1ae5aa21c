package io.camelgenesys.core.operation;

/**
 * Implemented by each component's operation {@code enum}: every constant carries its {@link OperationSpec}, so the
 * one generic producer needs no {@code switch}. Adding an operation is one line in the enum plus a test.
 */
public interface GenesysOperation {

    /** The camelCase operation name as in the URI ({@code genesys-contacts:create}). */
    String name();

    OperationSpec spec();

    /**
     * The spec of this operation on a platform, {@code null} when the platform does not have it. The default is
     * {@link #spec()} on every platform; an operation that exists on several platforms with different paths or
     * models overrides this.
     */
    default OperationSpec spec(io.camelgenesys.core.GenesysPlatform platform) {
        return spec();
    }
}
