package io.camelgenesys.core;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.CamelException;
import org.apache.camel.spi.HttpResponseAware;

/**
 * A Genesys API call failed. Carries the HTTP status (0 when no response arrived, e.g. a dropped connection), the
 * Genesys error code and message, the correlation id to quote to Genesys support, the Multicloud
 * {@code status.code}/{@code detail}, and a short excerpt of the response body. Never carries credentials.
 */
public class GenesysApiException extends CamelException implements HttpResponseAware {

    private static final long serialVersionUID = 1L;

    private int httpStatus;
    private final String errorCode;
    private final String errorMessage;
    private final String correlationId;
    private final Integer statusCode;
    private final transient JsonNode detail;
    private final transient List<JsonNode> errors;
    private final String bodyExcerpt;
    private final String operation;

    public GenesysApiException(String message, Builder b, Throwable cause) {
        super(message, cause);
        this.httpStatus = b.httpStatus;
        this.errorCode = b.errorCode;
        this.errorMessage = b.errorMessage;
        this.correlationId = b.correlationId;
        this.statusCode = b.statusCode;
        this.detail = b.detail;
        this.errors = b.errors == null ? List.of() : List.copyOf(b.errors);
        this.bodyExcerpt = b.bodyExcerpt;
        this.operation = b.operation;
    }

    /** The HTTP status, 0 when the request got no response. */
    public int getHttpStatus() {
        return httpStatus;
    }

    /** Genesys Cloud's error {@code code} (e.g. {@code bad.request}) or the OAuth {@code error}. */
    public String getErrorCode() {
        return errorCode;
    }

    /** The message Genesys gave, as it gave it. */
    public String getErrorMessage() {
        return errorMessage;
    }

    /** The {@code ININ-Correlation-ID} response header: quote it to Genesys support. */
    public String getCorrelationId() {
        return correlationId;
    }

    /**
     * The Multicloud {@code status.code}, or the Engage Web Services {@code statusCode} (never 0 here: 0 is success),
     * when the body had one.
     */
    public Integer getStatusCode() {
        return statusCode;
    }

    /** The Multicloud {@code status.detail}, or Genesys Cloud's {@code details}. */
    public JsonNode getDetail() {
        return detail;
    }

    /** Item-level errors of the response ({@code errors}), empty when none. */
    public List<JsonNode> getErrors() {
        return errors;
    }

    /** The first few hundred characters of the response body. */
    public String getBodyExcerpt() {
        return bodyExcerpt;
    }

    /** {@code METHOD /path} of the failed request (the query string is left out). */
    public String getOperation() {
        return operation;
    }

    @Override
    public int getHttpResponseCode() {
        return httpStatus;
    }

    @Override
    public void setHttpResponseCode(int code) {
        this.httpStatus = code;
    }

    @Override
    public String getHttpResponseStatus() {
        return errorMessage;
    }

    @Override
    public void setHttpResponseStatus(String status) {
        // the status text comes from Genesys' body; nothing to set
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects what is known of a failure before the exception (or a subclass) is made. */
    public static final class Builder {
        int httpStatus;
        String errorCode;
        String errorMessage;
        String correlationId;
        Integer statusCode;
        JsonNode detail;
        List<JsonNode> errors;
        String bodyExcerpt;
        String operation;

        public Builder httpStatus(int v) {
            httpStatus = v;
            return this;
        }

        public Builder errorCode(String v) {
            errorCode = v;
            return this;
        }

        public Builder errorMessage(String v) {
            errorMessage = v;
            return this;
        }

        public Builder correlationId(String v) {
            correlationId = v;
            return this;
        }

        public Builder statusCode(Integer v) {
            statusCode = v;
            return this;
        }

        public Builder detail(JsonNode v) {
            detail = v;
            return this;
        }

        public Builder errors(List<JsonNode> v) {
            errors = v;
            return this;
        }

        public Builder bodyExcerpt(String v) {
            bodyExcerpt = v;
            return this;
        }

        public Builder operation(String v) {
            operation = v;
            return this;
        }

        public int httpStatus() {
            return httpStatus;
        }

        public String errorCode() {
            return errorCode;
        }

        public String errorMessage() {
            return errorMessage;
        }

        public String bodyExcerpt() {
            return bodyExcerpt;
        }

        public String operation() {
            return operation;
        }

        public String correlationId() {
            return correlationId;
        }
    }
}
