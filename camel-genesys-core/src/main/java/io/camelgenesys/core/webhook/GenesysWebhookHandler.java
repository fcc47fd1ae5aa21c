package io.camelgenesys.core.webhook;

import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;

/**
 * What a component says about its webhook's payloads: how the verified bytes become the exchanges a route gets, how
 * each is recognized when Genesys delivers it again, and what Genesys is answered when they were processed. The rest
 * (size limit, signature, redelivery detection, threads, the answer's status) is {@link GenesysWebhookProcessor}'s.
 */
@FunctionalInterface
public interface GenesysWebhookHandler {

    /**
     * One exchange's worth of a payload.
     *
     * @param key     what identifies it across redeliveries (e.g. {@code channel.messageId}); {@code null} when nothing
     *                does, and then it is never recognized as a redelivery
     * @param body    the exchange's body
     * @param headers the exchange's headers ({@code null}: none)
     */
    record Event(String key, Object body, Map<String, Object> headers) {
        public Event {
            headers = headers == null ? Map.of() : headers;
        }
    }

    /**
     * A parsed request.
     *
     * @param events what the route gets, one exchange each, in order
     * @param answer the body of the 200 answer once they are processed ({@code application/json}); {@code null} to
     *               answer what the route left in the body of the (single) exchange
     */
    record Payload(List<Event> events, String answer) {
    }

    /**
     * A verified payload that is not what this webhook carries (e.g. no {@code channel} object). Its message goes back
     * to the caller in the 400 answer and into the log, so it is a fixed text written by the handler, never content of
     * the request.
     */
    final class InvalidPayload extends Exception {
        private static final long serialVersionUID = 1L;

        public InvalidPayload(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * Parses the verified request body. Called after the signature was checked over these exact bytes.
     *
     * @param  body      the raw body, exactly as received
     * @param  request   the HTTP exchange (its headers), not the exchange the route gets
     * @throws Exception when the payload cannot be used: Genesys is answered 400 (redelivering it would not help) and
     *                   the route is not called. The answer names the problem: the message of an {@link InvalidPayload},
     *                   where a Jackson parser stopped (line and column) or which field did not fit (its JSON path);
     *                   nothing else of an exception's message, which may quote the input. The same holds for an
     *                   exception the returned payload's events list throws. An {@code Error} is the handler's failure,
     *                   not the payload's: 500 "The webhook handler failed", and Genesys delivers it again
     */
    Payload parse(byte[] body, Exchange request) throws Exception;

    /** The raw bytes as the body, no redelivery detection, the route's body as the answer. */
    GenesysWebhookHandler RAW = (body, request) -> new Payload(List.of(new Event(null, body, Map.of())), null);
}
