package io.camelgenesys.core.operation;

import io.camelgenesys.core.GenesysPlatform;

/**
 * Implemented by each component's operation {@code enum}: every constant carries its {@link OperationSpec}, so the
 * one generic producer and consumer need no {@code switch}. Adding an operation is one row in the enum plus a test.
 */
public interface GenesysOperation {

    /** The camelCase operation name as in the URI ({@code genesys-contacts:create}). */
    String name();

    /** The row's spec, as declared (its main platform). */
    OperationSpec spec();

    /**
     * The spec of this operation on a platform, {@code null} when the platform does not have it: the row's
     * {@link OperationSpec#forPlatform(GenesysPlatform)}, which reads what the row declared with
     * {@link OperationSpec#only} and {@link OperationSpec#on}.
     */
    default OperationSpec spec(GenesysPlatform platform) {
        return spec().forPlatform(platform);
    }
}
