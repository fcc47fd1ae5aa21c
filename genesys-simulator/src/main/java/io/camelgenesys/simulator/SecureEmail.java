package io.camelgenesys.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The Secure Email store of Digital Channels (seed 002, "Secure Email API", L3331-4727): secure emails between
 * consumers (by email address, optionally in a {@code securebox}) and the contact center, their read/unread status,
 * the inbound interaction each inbound email starts, and its userdata.
 * <p>
 * The seed does not give the fields of a secure email. The simulator keeps the fields of the posted {@code data}
 * object and reads these: {@code emailAddress} (the consumer, required), {@code firstName}, {@code lastName},
 * {@code subject}, {@code text} and {@code userData} (the names of Genesys' web-form email API, as the seed says a
 * secure email "is delivered to Genesys as a web form"). It adds {@code secureMailId}, {@code direction}
 * ({@code inbound}, or {@code outbound} for an agent's reply), {@code status} ({@code unread}/{@code read}),
 * {@code createdAt} and {@code securebox}. Emails keep their creation order. Thread-safe.
 */
public final class SecureEmail {

    public static final String UNREAD = "unread";
    public static final String READ = "read";
    public static final String INBOUND = "inbound";
    public static final String OUTBOUND = "outbound";

    /** What {@code DELETE ?remove=} does. */
    enum Removal {
        /** Mark it read ({@code read}, the deprecated {@code true} and empty value). */
        READ,
        /** Hide it from lists, keep it in the contact database (still readable by id). */
        DELETE,
        /** Delete it from the lists and the contact database. */
        PURGE
    }

    private static final class Mail {
        final String id;
        final String address;
        final String securebox;
        final String direction;
        final ObjectNode fields;
        final ObjectNode userData;
        final Instant createdAt = Instant.now();
        boolean read;
        boolean deleted;
        boolean routing;

        Mail(String id, String address, String securebox, String direction, ObjectNode fields, ObjectNode userData) {
            this.id = id;
            this.address = address;
            this.securebox = securebox;
            this.direction = direction;
            this.fields = fields;
            this.userData = userData;
        }

        boolean in(String wantedAddress, String wantedBox) {
            return address.equals(key(wantedAddress)) && java.util.Objects.equals(securebox, wantedBox);
        }

        boolean hasStatus(String status) {
            return status.equals("all") || status.equals(READ) == read;
        }

        ObjectNode toJson() {
            ObjectNode node = fields.deepCopy();
            node.remove("userData");
            node.put("secureMailId", id);
            node.put("direction", direction);
            node.put("status", read ? READ : UNREAD);
            node.put("createdAt", Json.timestamp(createdAt));
            if (securebox != null) {
                node.put("securebox", securebox);
            }
            if (deleted) {
                node.put("deleted", true);
            }
            return node;
        }
    }

    private final Object lock = new Object();
    private final Map<String, Mail> mails = new LinkedHashMap<>();
    /** The addresses the contact database knows (purging an email does not remove its contact). */
    private final Set<String> contacts = new HashSet<>();
    private final Consumer<String> onStarted;
    private final Consumer<String> onStopped;

    /**
     * @param onStarted told the id of each new inbound email (its interaction is submitted for routing)
     * @param onStopped told the id of an inbound email whose routing a {@code read=true} read stopped
     */
    SecureEmail(Consumer<String> onStarted, Consumer<String> onStopped) {
        this.onStarted = onStarted;
        this.onStopped = onStopped;
    }

    private static String key(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }

    // ---- written by the API --------------------------------------------------------------------------------------

    /** Stores an inbound secure email from {@code data.emailAddress}; its interaction starts routing. */
    ObjectNode receive(String securebox, ObjectNode data) {
        ObjectNode userData = data.get("userData") instanceof ObjectNode u ? u.deepCopy() : Json.object();
        Mail mail = new Mail(UUID.randomUUID().toString(), key(data.get("emailAddress").asText()), securebox, INBOUND,
                data.deepCopy(), userData);
        mail.routing = true;
        ObjectNode json;
        synchronized (lock) {
            mails.put(mail.id, mail);
            contacts.add(mail.address);
            json = mail.toJson();
        }
        onStarted.accept(mail.id);
        return json;
    }

    /** @return the page, or {@code null} when the contact database does not know the address */
    List<ObjectNode> list(String address, String securebox, String status, int index, int count) {
        synchronized (lock) {
            if (!contacts.contains(key(address))) {
                return null;
            }
            List<ObjectNode> page = new ArrayList<>();
            int position = 0;
            for (Mail mail : mails.values()) {
                if (mail.deleted || !mail.in(address, securebox) || !mail.hasStatus(status)) {
                    continue;
                }
                if (position++ >= index && page.size() < count) {
                    page.add(mail.toJson());
                }
            }
            return page;
        }
    }

    /** @return the count, or {@code null} when the contact database does not know the address */
    Integer count(String address, String securebox, String status) {
        synchronized (lock) {
            if (!contacts.contains(key(address))) {
                return null;
            }
            return (int) mails.values().stream()
                    .filter(m -> !m.deleted && m.in(address, securebox) && m.hasStatus(status))
                    .count();
        }
    }

    /**
     * @param markRead {@code read=true}: mark it read and, for an inbound email still routing, stop its routing
     * @return the email, or {@code null} when unknown or purged
     */
    ObjectNode read(String id, boolean markRead) {
        boolean stopped = false;
        ObjectNode json;
        synchronized (lock) {
            Mail mail = mails.get(id);
            if (mail == null) {
                return null;
            }
            if (markRead) {
                mail.read = true;
                stopped = mail.routing;
                mail.routing = false;
            }
            json = mail.toJson();
        }
        if (stopped) {
            onStopped.accept(id);
        }
        return json;
    }

    /** @return the email as it is after the removal (as it was, for a purge), or {@code null} when unknown */
    ObjectNode remove(String id, Removal removal) {
        synchronized (lock) {
            Mail mail = mails.get(id);
            if (mail == null) {
                return null;
            }
            switch (removal) {
                case READ -> mail.read = true;
                case DELETE -> mail.deleted = true;
                case PURGE -> mails.remove(id);
                default -> throw new IllegalStateException(removal.name());
            }
            return mail.toJson();
        }
    }

    /** @return the email's userdata, or {@code null} when unknown */
    ObjectNode userData(String id) {
        synchronized (lock) {
            Mail mail = mails.get(id);
            return mail == null ? null : mail.userData.deepCopy();
        }
    }

    // ---- Java API (tests, seeding) -------------------------------------------------------------------------------

    /**
     * Adds an agent's reply to a consumer, as Agent Desktop would (unread, no interaction to route).
     *
     * @param securebox {@code null} for the default box
     * @return the new email's {@code secureMailId}
     */
    public String addOutbound(String emailAddress, String securebox, String subject, String text) {
        ObjectNode fields = Json.object().put("emailAddress", emailAddress);
        if (subject != null) {
            fields.put("subject", subject);
        }
        if (text != null) {
            fields.put("text", text);
        }
        Mail mail = new Mail(UUID.randomUUID().toString(), key(emailAddress), securebox, OUTBOUND, fields,
                Json.object());
        synchronized (lock) {
            mails.put(mail.id, mail);
            contacts.add(mail.address);
        }
        return mail.id;
    }

    /** @return the email as the API shows it (also after {@code remove=delete}), unless unknown or purged */
    public Optional<ObjectNode> get(String secureMailId) {
        synchronized (lock) {
            Mail mail = mails.get(secureMailId);
            return Optional.ofNullable(mail == null ? null : mail.toJson());
        }
    }

    /** @return whether the inbound interaction of this email is still routing (a {@code read=true} read stops it) */
    public boolean isRouting(String secureMailId) {
        synchronized (lock) {
            Mail mail = mails.get(secureMailId);
            return mail != null && mail.routing;
        }
    }

    /** @return how many emails are stored (deleted ones included, purged ones not) */
    public int count() {
        synchronized (lock) {
            return mails.size();
        }
    }

    void clear() {
        synchronized (lock) {
            mails.clear();
            contacts.clear();
        }
    }
}
