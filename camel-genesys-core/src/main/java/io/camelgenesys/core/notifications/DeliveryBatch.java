package io.camelgenesys.core.notifications;

import java.util.ArrayList;
import java.util.List;

import org.cometd.bayeux.Message;
import org.cometd.client.transport.TransportListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The messages of one Bayeux response, delivered to the listeners one after the other on the thread that read it:
 * work a listener wants done once per response (waking the thread it hands messages to) is put off until the last
 * message was delivered ({@link GenesysNotifications#afterDelivery}). Per thread; no allocation per message.
 */
final class DeliveryBatch {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryBatch.class);
    private static final ThreadLocal<DeliveryBatch> CURRENT = ThreadLocal.withInitial(DeliveryBatch::new);

    private int depth;
    private final List<Runnable> after = new ArrayList<>(4);

    private DeliveryBatch() {
    }

    /** Delivers a response's messages through {@code listener}, then runs what was put off meanwhile. */
    static void deliver(TransportListener listener, List<Message.Mutable> messages) {
        DeliveryBatch batch = CURRENT.get();
        batch.depth++;
        try {
            listener.onMessages(messages);
        } finally {
            if (--batch.depth == 0) {
                batch.runAfter();
            }
        }
    }

    /** Runs {@code task} after the batch this thread is delivering, or now when it is delivering none. */
    static void afterDelivery(Runnable task) {
        DeliveryBatch batch = CURRENT.get();
        if (batch.depth == 0) {
            task.run();
        } else {
            batch.after.add(task);
        }
    }

    private void runAfter() {
        // a task may start another batch on this thread (it runs nothing of the kind today): index, not iterator
        try {
            for (int i = 0; i < after.size(); i++) {
                try {
                    after.get(i).run();
                } catch (RuntimeException e) {
                    LOG.warn("A task put off until the CometD messages were delivered failed: {}", e.toString());
                }
            }
        } finally {
            after.clear();
        }
    }
}
