package io.camelgenesys.benchmarks.soak;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

import io.camelgenesys.contacts.BulkFailure;
import io.camelgenesys.contacts.ContactsConstants;
import io.camelgenesys.contacts.model.ExternalContact;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;

/**
 * The soak's contacts routes, each driven by a lane: one exchange in flight per lane, the next sent when it completes
 * (a closed loop), from the soak's driver threads. A lane counts what it starts and how each exchange ends, and
 * records what it did in the {@link ContactsLedger}.
 */
final class SoakLanes {

    private SoakLanes() {
    }

    /** Per route kind (and per operation): exchanges started, completed, failed (clear or not), hung. */
    static final class Tally {
        final String name;
        final LongAdder started = new LongAdder();
        final LongAdder completed = new LongAdder();
        final LongAdder failedClear = new LongAdder();
        final LongAdder failedUnclear = new LongAdder();
        final LongAdder hung = new LongAdder();
        final LongAdder completedAfterHung = new LongAdder();
        final LongAdder lost = new LongAdder();
        final LongAdder duplicated = new LongAdder();
        final LongAdder wrongAnswers = new LongAdder();
        final LongAdder records = new LongAdder();
        final LongAdder itemsFailedClear = new LongAdder();
        final LongAdder itemsFailedUnclear = new LongAdder();
        final Map<String, LongAdder[]> byOperation = new ConcurrentHashMap<>();

        Tally(String name) {
            this.name = name;
        }

        /** started, completed, failed of one operation. */
        LongAdder[] op(String operation) {
            return byOperation.computeIfAbsent(operation,
                    k -> new LongAdder[] { new LongAdder(), new LongAdder(), new LongAdder() });
        }

        Map<String, long[]> operations() {
            Map<String, long[]> m = new LinkedHashMap<>();
            byOperation.forEach((k, v) -> m.put(k, new long[] { v[0].sum(), v[1].sum(), v[2].sum() }));
            return m;
        }
    }

    /** What every lane shares. */
    record Shared(Executor driver, SoakFailures failures, ContactsLedger ledger, long requestTimeoutNanos,
                  Set<String> liveIds) {
    }

    /** One route and the loop that drives it. */
    abstract static class Lane {
        final int index;
        final String routeId;
        final Tally tally;
        final Shared shared;
        Endpoint direct;
        AsyncProducer producer;

        volatile boolean running;
        volatile boolean busy;
        volatile long sentAt;
        volatile long progressAt;
        volatile String operation;
        volatile boolean hungMarked;

        Lane(int index, String routeId, Tally tally, Shared shared) {
            this.index = index;
            this.routeId = routeId;
            this.tally = tally;
            this.shared = shared;
        }

        /** Sends the next exchange (on a driver thread). */
        abstract void next();

        /** Starts (or resumes) the loop. */
        void start() {
            running = true;
            busy = true;
            shared.driver().execute(this::next);
        }

        Exchange exchange() {
            return direct.createExchange(ExchangePattern.InOut);
        }

        /** Sends one exchange; {@code done} runs when it completes, then the loop goes on (unless stopped). */
        void send(String op, Exchange exchange, Consumer<Exchange> done) {
            long now = System.nanoTime();
            operation = op;
            sentAt = now;
            progressAt = now;
            hungMarked = false;
            tally.started.increment();
            tally.op(op)[0].increment();
            try {
                producer.process(exchange, doneSync -> completed(op, exchange, done));
            } catch (Throwable t) {
                exchange.setException(t);
                completed(op, exchange, done);
            }
        }

        private void completed(String op, Exchange exchange, Consumer<Exchange> done) {
            if (hungMarked) {
                tally.completedAfterHung.increment();
            }
            Exception e = exchange.getException();
            if (e == null) {
                tally.completed.increment();
                tally.op(op)[1].increment();
            } else {
                tally.op(op)[2].increment();
                if (shared.failures().record(tally.name + " " + op, e)) {
                    tally.failedClear.increment();
                } else {
                    tally.failedUnclear.increment();
                }
            }
            try {
                done.accept(exchange);
            } catch (RuntimeException bug) {
                shared.failures().record("soak " + tally.name, bug);
            }
            sentAt = 0;
            if (running) {
                shared.driver().execute(this::next);
            } else {
                busy = false;
            }
        }

        boolean slow(Exchange exchange) {
            return System.nanoTime() - sentAt >= shared.requestTimeoutNanos();
        }

        /** How long the exchange in flight has made no progress, 0 when none is in flight. */
        long stalledNanos(long now) {
            return sentAt == 0 ? 0 : now - progressAt;
        }
    }

    /** create, get, update (PUT), patch, get, and delete of the oldest contact once the lane holds more than {@code keep}. */
    static final class CrudLane extends Lane {
        private enum Phase { CREATE, GET, UPDATE, PATCH, VERIFY, DELETE }

        private record Live(int n, String id) {
        }

        private final ContactsLedger.CrudBook book;
        private final int keep;
        private final ArrayDeque<Live> live = new ArrayDeque<>();
        private Phase phase = Phase.CREATE;
        private Live current;

        CrudLane(int index, Tally tally, Shared shared, int keep) {
            super(index, String.format("crud-%02d", index), tally, shared);
            this.book = shared.ledger().crud(index);
            this.keep = keep;
        }

        @Override
        void next() {
            switch (phase) {
                case CREATE -> create();
                case GET -> get(false);
                case UPDATE -> write(1, "update", contact(current.n(), 1));
                case PATCH -> write(2, "patch", Map.of("title", "v2"));
                case VERIFY -> get(true);
                case DELETE -> delete();
            }
        }

        private Map<String, Object> contact(int n, int version) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("firstName", "Soak");
            c.put("lastName", ContactsLedger.crudTag(index, n));
            c.put("title", "v" + version);
            return c;
        }

        private void create() {
            int n = book.next();
            Exchange ex = exchange();
            ex.getMessage().setHeader(ContactsConstants.OPERATION, "create");
            ex.getMessage().setBody(contact(n, 0));
            send("create", ex, done -> {
                ExternalContact c = done.getException() == null ? done.getMessage().getBody(ExternalContact.class) : null;
                if (c != null && c.getId() != null) {
                    if (!ContactsLedger.crudTag(index, n).equals(c.getLastName())) {
                        wrong("create answered " + c.getLastName() + " for " + ContactsLedger.crudTag(index, n));
                    }
                    book.state(n, ContactsLedger.CREATED);
                    current = new Live(n, c.getId());
                    live.addLast(current);
                    shared.liveIds().add(c.getId());
                    phase = Phase.GET;
                } else {
                    if (done.getException() == null) {
                        wrong("create answered no contact");
                    }
                    book.state(n, ContactsLedger.CREATE_FAILED);
                    phase = Phase.CREATE;
                }
            });
        }

        private void get(boolean verify) {
            Live target = current;
            Exchange ex = exchange();
            ex.getMessage().setHeader(ContactsConstants.OPERATION, "get");
            ex.getMessage().setHeader(ContactsConstants.CONTACT_ID, target.id());
            boolean settled = verify && book.settled(target.n());
            int expected = book.ackedVersion(target.n());
            send("get", ex, done -> {
                if (done.getException() == null) {
                    ExternalContact c = done.getMessage().getBody(ExternalContact.class);
                    String tag = ContactsLedger.crudTag(index, target.n());
                    if (c == null || !target.id().equals(c.getId()) || !tag.equals(c.getLastName())) {
                        wrong("get " + tag + " answered " + (c == null ? "nothing" : c.getId() + " " + c.getLastName()));
                    } else if (settled && !("v" + expected).equals(c.getTitle())) {
                        wrong("get " + tag + " answered title " + c.getTitle() + " after v" + expected + " was acknowledged");
                    }
                }
                phase = verify ? (live.size() > keep ? Phase.DELETE : Phase.CREATE) : Phase.UPDATE;
            });
        }

        private void write(int version, String op, Map<String, Object> body) {
            Live target = current;
            book.attempt(target.n(), version);
            Exchange ex = exchange();
            ex.getMessage().setHeader(ContactsConstants.OPERATION, op);
            ex.getMessage().setHeader(ContactsConstants.CONTACT_ID, target.id());
            ex.getMessage().setBody(body);
            send(op, ex, done -> {
                if (slow(done)) {
                    book.slow(target.n(), version);
                }
                if (done.getException() == null) {
                    book.ack(target.n(), version);
                }
                phase = version == 1 ? Phase.PATCH : Phase.VERIFY;
            });
        }

        private void delete() {
            Live oldest = live.pollFirst();
            Exchange ex = exchange();
            ex.getMessage().setHeader(ContactsConstants.OPERATION, "delete");
            ex.getMessage().setHeader(ContactsConstants.CONTACT_ID, oldest.id());
            send("delete", ex, done -> {
                book.state(oldest.n(), done.getException() == null ? ContactsLedger.DELETED : ContactsLedger.DELETE_FAILED);
                shared.liveIds().remove(oldest.id());
                phase = Phase.CREATE;
            });
        }

        private void wrong(String what) {
            tally.wrongAnswers.increment();
            shared.failures().recordAnomaly(tally.name, what);
        }
    }

    /** {@code to("genesys-contacts:scan?pageAll=true").split(body()).streaming()}: every record counted per scan. */
    static final class ScanLane extends Lane {
        static final String LANE_PROPERTY = "soakLane";

        private final Set<String> stable;
        private Set<String> seen;
        private int duplicates;
        private int stableSeen;

        ScanLane(int index, Tally tally, Shared shared, Set<String> stable) {
            super(index, String.format("scan-%02d", index), tally, shared);
            this.stable = stable;
        }

        @Override
        void next() {
            synchronized (this) {
                seen = new HashSet<>();
                duplicates = 0;
                stableSeen = 0;
            }
            Exchange ex = exchange();
            ex.setProperty(LANE_PROPERTY, this);
            send("scan", ex, done -> {
                synchronized (this) {
                    tally.duplicated.add(duplicates);
                    if (done.getException() == null) {
                        // only a complete scan must have seen every stable contact
                        tally.lost.add(stable.size() - stableSeen);
                        if (stable.size() != stableSeen) {
                            shared.failures().recordAnomaly(tally.name, "a complete scan missed "
                                                                        + (stable.size() - stableSeen)
                                                                        + " stable contact(s)");
                        }
                    }
                    if (duplicates > 0) {
                        shared.failures().recordAnomaly(tally.name, "a scan returned " + duplicates + " record(s) twice");
                    }
                    seen = null;
                }
            });
        }

        /** Called by the route for every record of the split, on the splitter's thread. */
        synchronized void record(Object body) {
            progressAt = System.nanoTime();
            tally.records.increment();
            String id = body instanceof ExternalContact c ? c.getId() : null;
            if (id == null || seen == null) {
                tally.wrongAnswers.increment();
                return;
            }
            if (!seen.add(id)) {
                duplicates++;
            } else if (stable.contains(id)) {
                stableSeen++;
            }
        }
    }

    /** {@code to("genesys-contacts:bulkEnrich?bulkFailureMode=continue")} upserting the lane's keys each time. */
    static final class BulkLane extends Lane {
        private final ContactsLedger.BulkBook book;
        private final int keys;
        private int version;

        BulkLane(int index, Tally tally, Shared shared, int keys) {
            super(index, String.format("bulk-%02d", index), tally, shared);
            this.keys = keys;
            this.book = shared.ledger().bulk(index, keys);
        }

        @Override
        void next() {
            int v = ++version;
            List<Map<String, Object>> body = new ArrayList<>(keys);
            for (int k = 0; k < keys; k++) {
                Map<String, Object> contact = new LinkedHashMap<>();
                contact.put("firstName", "Bulk");
                contact.put("lastName", ContactsLedger.bulkTag(index, k));
                contact.put("title", "v" + v);
                Map<String, Object> request = new LinkedHashMap<>();
                request.put("action", "Upsert");
                request.put("matchingIdentifiers", List.of(Map.of("type", "ExternalId",
                        "value", ContactsLedger.bulkTag(index, k))));
                request.put("contact", contact);
                body.add(request);
            }
            book.attempt(v);
            Exchange ex = exchange();
            ex.getMessage().setBody(body);
            send("bulkEnrich", ex, done -> {
                if (slow(done)) {
                    book.slow(v);
                }
                if (done.getException() != null) {
                    return;
                }
                Set<Integer> failed = new HashSet<>();
                List<?> failures = done.getMessage().getHeader(ContactsConstants.BULK_FAILURES, List.class);
                if (failures != null) {
                    for (Object o : failures) {
                        BulkFailure f = (BulkFailure) o;
                        failed.add(f.index());
                        if (shared.failures().recordItem(tally.name + " item", f.error(), f.status())) {
                            tally.itemsFailedClear.increment();
                        } else {
                            tally.itemsFailedUnclear.increment();
                        }
                    }
                }
                for (int k = 0; k < keys; k++) {
                    if (!failed.contains(k)) {
                        book.ack(k, v);
                    }
                }
            });
        }
    }
}
