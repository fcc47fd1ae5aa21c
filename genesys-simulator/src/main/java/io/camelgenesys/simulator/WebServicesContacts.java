package io.camelgenesys.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelgenesys.simulator.store.StoreLock;

/**
 * The Engage Web Services (on premises) contacts behind {@code /api/v2/contacts} (seeds 001 and 004): contacts of
 * type {@code Custom}, {@code Queue} and {@code User}, of which only Custom ones can be created, modified or deleted
 * over HTTP. The HTTP side is {@link WebServicesContactsApi}, whose routes hold this store's lock ({@link #lock()});
 * the public methods are for tests ({@code sim.webServicesContacts()}) and take it too. Thread-safe.
 */
public final class WebServicesContacts {

    static final List<String> TYPES = List.of("Custom", "Queue", "User");

    private final StoreLock lock = new StoreLock("web services contacts", 1);
    /** id → contact, in insertion order; stored without {@code uri}/{@code path}, which depend on the request. */
    private final Map<String, ObjectNode> contacts = new LinkedHashMap<>();

    WebServicesContacts() {
    }

    /**
     * Adds a contact of any type (seeding Queue and User contacts, which the API cannot create). Fields are taken
     * as given (seed 004's resource: {@code name}, {@code type}, {@code phoneNumber} or {@code phoneNumbers} with
     * {@code switchName}, {@code userName}, {@code firstName}, {@code lastName}, {@code employeeId},
     * {@code emailAddress}, {@code availability}, {@code roles}, {@code businessUnits}); {@code id} is generated
     * unless given.
     *
     * @return the contact's id
     * @throws IllegalArgumentException without a {@code name} or with a {@code type} other than Custom, Queue, User
     */
    public String add(Map<String, Object> contact) {
        Objects.requireNonNull(contact, "contact");
        return lock.writing(() -> addNode(contact));
    }

    private String addNode(Map<String, Object> contact) {
        ObjectNode node = Json.mapper().valueToTree(contact);
        if (!node.path("name").isTextual() || node.path("name").asText().isBlank()) {
            throw new IllegalArgumentException("A Web Services contact needs a name: " + contact);
        }
        String type = node.path("type").asText("Custom");
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("type must be one of " + TYPES + ": " + type);
        }
        node.put("type", type);
        String id = node.path("id").isTextual() ? node.get("id").asText() : newId();
        node.put("id", id);
        contacts.put(id, node);
        return id;
    }

    /**
     * Adds the five User contacts of seed 004's sample (JohnS, JoshW, WillardC, HannahJ, EmilyJ, with their
     * phone numbers on {@code SIP_Switch}, roles and availability), a Queue contact and a Custom contact.
     */
    public void seedDefaults() {
        lock.writing(this::seedUsersQueueAndCustom);
    }

    private void seedUsersQueueAndCustom() {
        user("538370e8c509495bb8e0868a1178c86e", "JohnS", "John", "Smith", "U4Nw6MUJSVu44IaKEXjIbg==.acme", null,
                false, "ROLE_ADMIN");
        user("754e11130cde4c51b8de389e3a615920", "JoshW", "Josh", "Williams", "dU4REwzeTFG43jie0mFZIA==.acme",
                "15002", false, "ROLE_AGENT");
        user("844b7a0e30ce46a5b364797a39f8a81f", "WillardC", "Willard", "Clinton", "hEt6DjD0RqWzZHL60fioHw==.acme",
                "15000", true, "ROLE_AGENT");
        user("2c2ba86206504bb99fef7fc60eb848f8", "HannahJ", "Hannah", "Jones", "LCuoYgZQS7mf73/GDrhI+A==.acme",
                "15005", false, "ROLE_AGENT", "ROLE_SUPERVISOR");
        user("916912be76d44c92ad95d402dacfed80", "EmilyJ", "Emily", "Johnson", "kKkSvnbUTJKtldQC2s/tgA==.acme",
                "15001", true, "ROLE_AGENT");
        ObjectNode queue = Json.object();
        queue.put("name", "Sales Queue");
        queue.put("type", "Queue");
        queue.putArray("phoneNumbers").addObject().put("phoneNumber", "16000").put("description", "")
                .put("switchName", "SIP_Switch");
        put(queue, "a1b2c3d4e5f60718293a4b5c6d7e8f90");
        ObjectNode custom = Json.object();
        custom.put("name", "Some Contact");
        custom.put("type", "Custom");
        custom.put("phoneNumber", "555-555-0100");
        put(custom, "c0ffee00c0ffee00c0ffee00c0ffee00");
    }

    private void user(String id, String userName, String first, String last, String employeeId, String phone,
            boolean available, String... roles) {
        ObjectNode user = Json.object();
        user.put("name", userName);
        user.put("type", "User");
        if (phone != null) {
            user.putArray("phoneNumbers").addObject().put("phoneNumber", phone).put("description", "")
                    .put("switchName", "SIP_Switch");
        }
        user.put("userName", userName);
        user.put("firstName", first);
        user.put("lastName", last);
        user.put("employeeId", employeeId);
        user.put("emailAddress", "");
        if (available) {
            ObjectNode channel = user.putObject("availability").putArray("channels").addObject();
            channel.put("channel", "voice");
            channel.put("available", true);
            channel.put("phoneNumber", phone);
            channel.put("userActivity", "Idle");
            channel.putObject("userState").put("id", "9430250E-0A1B-421F-B372-F29E69366DED")
                    .put("displayName", "Ready").put("state", "Ready");
        }
        user.putArray("businessUnits");
        ArrayNode roleList = user.putArray("roles");
        for (String role : roles) {
            roleList.add(role);
        }
        put(user, id);
    }

    private void put(ObjectNode contact, String id) {
        lock.checkWrite();
        ObjectNode ordered = Json.object();
        ordered.put("id", id);
        ordered.setAll(contact);
        contacts.put(id, ordered);
    }

    public int count() {
        return lock.reading(contacts::size);
    }

    /** @return the stored contact as maps, without {@code uri}/{@code path} */
    public Optional<Map<String, Object>> contact(String id) {
        return lock.reading(() -> {
            ObjectNode contact = contacts.get(id);
            return contact == null ? Optional.empty() : Optional.of(Json.toMap(contact));
        });
    }

    public void clear() {
        lock.writing(contacts::clear);
    }

    // ---- used by the HTTP side (callers hold the lock) -----------------------------------------------------------

    StoreLock lock() {
        return lock;
    }

    /** @return the stored contact (change it only under the write lock), or {@code null} */
    ObjectNode get(String id) {
        lock.checkRead();
        return contacts.get(id);
    }

    List<ObjectNode> all() {
        lock.checkRead();
        return new ArrayList<>(contacts.values());
    }

    String insert(ObjectNode contact) {
        String id = newId();
        put(contact, id);
        return id;
    }

    void remove(String id) {
        lock.checkWrite();
        contacts.remove(id);
    }

    /** Web Services ids are 32 hexadecimal digits (seed 004). */
    private static String newId() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
