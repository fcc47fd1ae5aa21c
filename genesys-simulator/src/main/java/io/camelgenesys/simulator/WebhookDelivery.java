package io.camelgenesys.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One webhook message the {@link WebhookDispatcher} delivers, with every attempt and what the integrator answered to
 * it: Genesys' side of the conversation. Every attempt sends the same bytes with the same signature and trace id
 * (so a redelivery carries the same {@code channel.messageId} or {@code operationId}). Thread-safe.
 */
public final class WebhookDelivery {

    /** Which webhook: they differ in what counts as processed. */
    public enum Kind {
        /**
         * Third-Party Messaging webhook: any 2XX is processed; 5XX, a timeout or a connection failure is redelivered;
         * anything else is a refusal that is not redelivered (the seed leaves it open; see MESSAGING.md).
         */
        MESSAGE,
        /** Interactions webhook: only 200 is processed; anything else, or no answer, is redelivered (L3118-3121). */
        INTERACTION_EVENTS
    }

    /** Where a delivery stands. */
    public enum State {
        /** An attempt is in flight or a redelivery is scheduled. */
        PENDING,
        /** An attempt was processed. */
        DELIVERED,
        /** The integrator refused the message with an answer that is not redelivered. */
        REJECTED,
        /** Every attempt of the retry schedule failed. */
        EXHAUSTED,
        /** Cancelled by {@link GenesysSimulator#reset()} or {@link GenesysSimulator#stop()}. */
        CANCELLED
    }

    /** How one attempt ended. */
    public enum Outcome {
        /** Processed (2XX for messages, 200 for interaction events). */
        ACCEPTED,
        /** An answer that asks for a redelivery (5XX; for interaction events anything but 200). */
        RETRY,
        /** No answer within the response timeout (10 s by default); the request was aborted. */
        TIMEOUT,
        /** The connection could not be made or broke before an answer. */
        CONNECTION_FAILED,
        /** An answer that is neither processed nor to be redelivered (messages: 1XX, 3XX, 4XX). */
        REFUSED
    }

    /**
     * One attempt.
     *
     * @param number  1 for the first delivery, 2 for the first redelivery, ...
     * @param sentAt  when it was sent
     * @param status  the integrator's HTTP status, 0 without an answer
     * @param body    the integrator's answer body (UTF-8, at most {@link WebhookDispatcher#MAX_ANSWER_BYTES}), "" without
     * @param latency from sending to the answer (or to the failure)
     * @param error   why there was no answer, else {@code null}
     * @param outcome how it ended
     */
    public record Attempt(int number, Instant sentAt, int status, String body, Duration latency, String error,
            Outcome outcome) {
    }

    private final String id;
    private final Kind kind;
    private final String url;
    private final byte[] body;
    private final String signature;
    private final String traceId;
    private final String messageId;
    private final Instant createdAt = Instant.now();
    private final List<Attempt> attempts = new ArrayList<>();
    private final CompletableFuture<WebhookDelivery> completion = new CompletableFuture<>();
    private State state = State.PENDING;
    private String answeredMessageId;
    /** The request in flight or the scheduled redelivery, so that a cancel can stop it. */
    private Future<?> pending;
    private org.eclipse.jetty.client.Request inFlight;

    WebhookDelivery(String id, Kind kind, String url, byte[] body, String signature, String traceId, String messageId) {
        this.id = id;
        this.kind = kind;
        this.url = url;
        this.body = body;
        this.signature = signature;
        this.traceId = traceId;
        this.messageId = messageId;
    }

    public String id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    public String url() {
        return url;
    }

    /** @return the exact bytes sent on every attempt (a copy) */
    public byte[] body() {
        return body.clone();
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** @return the body as JSON */
    public JsonNode payload() {
        return Json.parse(body);
    }

    /** @return the {@code X-Hub-Signature} sent, or {@code null} for an unsigned delivery */
    public String signature() {
        return signature;
    }

    /** @return the {@code X-B3-TraceId} sent */
    public String traceId() {
        return traceId;
    }

    /** @return {@code channel.messageId} of a message, {@code operationId} of interaction events */
    public String messageId() {
        return messageId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public synchronized List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    /** @return how many attempts were made after the first */
    public synchronized int redeliveries() {
        return Math.max(0, attempts.size() - 1);
    }

    /** @return how many attempts were processed: 0 or 1 */
    public synchronized int acceptedCount() {
        return (int) attempts.stream().filter(a -> a.outcome() == Outcome.ACCEPTED).count();
    }

    public synchronized State state() {
        return state;
    }

    public synchronized boolean isDone() {
        return state != State.PENDING;
    }

    /**
     * @return the {@code messageId} of the processed answer's JSON body, or {@code null} (no processed answer, or a
     * body without one). Digital Channels finds the message by it when a receipt comes in.
     */
    public synchronized String answeredMessageId() {
        return answeredMessageId;
    }

    /** @return completes with this delivery once it is no longer {@link State#PENDING} */
    public CompletableFuture<WebhookDelivery> completion() {
        return completion;
    }

    /**
     * Waits for the delivery to end (for tests).
     *
     * @return this delivery
     * @throws IllegalStateException when it is still pending after {@code timeout}
     */
    public WebhookDelivery await(Duration timeout) throws InterruptedException {
        try {
            return completion.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Delivery " + id + " still pending after " + timeout + ": " + attempts());
        } catch (ExecutionException e) {
            throw new IllegalStateException("Delivery " + id + " failed", e.getCause());
        }
    }

    // ---- driven by the dispatcher --------------------------------------------------------------------------------

    synchronized boolean sending(org.eclipse.jetty.client.Request request) {
        if (state != State.PENDING) {
            return false;
        }
        inFlight = request;
        return true;
    }

    synchronized int attemptCount() {
        return attempts.size();
    }

    /** Records an attempt; returns false when the delivery was cancelled meanwhile (the attempt is then dropped). */
    synchronized boolean record(Attempt attempt) {
        inFlight = null;
        if (state != State.PENDING) {
            return false;
        }
        attempts.add(attempt);
        if (attempt.outcome() == Outcome.ACCEPTED) {
            answeredMessageId = messageIdOf(attempt.body());
        }
        return true;
    }

    synchronized boolean scheduled(Future<?> redelivery) {
        if (state != State.PENDING) {
            redelivery.cancel(false);
            return false;
        }
        pending = redelivery;
        return true;
    }

    void finish(State end) {
        synchronized (this) {
            if (state != State.PENDING) {
                return;
            }
            state = end;
            if (pending != null) {
                pending.cancel(false);
            }
            if (inFlight != null) {
                inFlight.abort(new java.util.concurrent.CancellationException("Delivery " + id + " " + end));
            }
        }
        completion.complete(this);
    }

    private static String messageIdOf(String answer) {
        try {
            JsonNode node = Json.parse(answer);
            JsonNode id = node.get("messageId");
            return id != null && id.isTextual() ? id.asText() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The admin view: everything but the signature. */
    synchronized ObjectNode describe() {
        ObjectNode node = Json.object();
        node.put("id", id);
        node.put("kind", kind.name());
        node.put("url", url);
        node.put("messageId", messageId);
        node.put("traceId", traceId);
        node.put("signed", signature != null);
        node.put("state", state.name());
        node.put("createdAt", Json.timestamp(createdAt));
        if (answeredMessageId != null) {
            node.put("answeredMessageId", answeredMessageId);
        }
        node.set("payload", payloadOrText());
        ArrayNode list = node.putArray("attempts");
        for (Attempt attempt : attempts) {
            ObjectNode a = list.addObject();
            a.put("number", attempt.number());
            a.put("sentAt", Json.timestamp(attempt.sentAt()));
            a.put("status", attempt.status());
            a.put("body", attempt.body());
            a.put("latencyMs", attempt.latency().toMillis());
            if (attempt.error() != null) {
                a.put("error", attempt.error());
            }
            a.put("outcome", attempt.outcome().name());
        }
        return node;
    }

    private JsonNode payloadOrText() {
        try {
            return Json.parse(body);
        } catch (RuntimeException e) {
            return Json.mapper().getNodeFactory().textNode(bodyText());
        }
    }

    @Override
    public synchronized String toString() {
        return "WebhookDelivery[" + id + " " + kind + " " + messageId + " to " + url + ", " + state + ", attempts="
                + attempts + "]";
    }
}
