package io.camelgenesys.core.operation;

/**
 * Implemented by each component's operation {@code enum}: every constant carries its {@link OperationSpec}, so the
 * one generic producer needs no {@code switch}. Adding an operation is one line in the enum plus a test.
 */
public interface GenesysOperation {

    /** The camelCase operation name as in the URI ({@code genesys-contacts:create}). */
    String name();

    OperationSpec spec();
}
