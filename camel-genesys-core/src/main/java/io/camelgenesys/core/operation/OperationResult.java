package io.camelgenesys.core.operation;

import java.util.Map;

/**
 * What an operation produced: the body (a model, Map, JsonNode, String, List, or a streaming Iterator with
 * {@code pageAll}) and the response metadata as message headers.
 */
public record OperationResult(Object body, Map<String, Object> headers) {
}
