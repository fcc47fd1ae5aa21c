package io.camelgenesys.examples;

import java.util.List;

import io.camelgenesys.contacts.model.ExternalContact;
import io.camelgenesys.contacts.model.PhoneNumber;
import io.camelgenesys.contacts.model.ReverseLookupResult;
import io.camelgenesys.messaging.MessagingConstants;
import org.apache.camel.Header;
import org.apache.camel.builder.RouteBuilder;

/**
 * SMS bridge (Java DSL): the part of an SMS gateway that talks to Genesys Multicloud CX Third-Party Messaging. Genesys
 * calls the webhook with each SMS an agent writes; the route looks up who it is for in Genesys Cloud external contacts
 * ({@code genesys-contacts:reverseLookup} by phone number), hands the SMS to the gateway (here: a file in
 * {@code sms-outbox/}), tells Genesys it was delivered ({@code sendReceipt}) and passes the consumer's answer into the
 * conversation ({@code sendMessage}).
 */
public class SmsBridgeRoute extends RouteBuilder {

    static final String AGENT_MESSAGE = "agentMessage";
    static final String CONTACT_NAME = "contactName";

    @Override
    public void configure() {
        // left out rather than not started: its producers need their credentials even in a stopped route
        if (!Boolean.parseBoolean(getContext().resolvePropertyPlaceholders("{{example.sms-bridge:true}}"))) {
            return;
        }
        // Genesys answers 200 {"messageId"} once this route finished; a failure answers 500 and Genesys delivers the
        // SMS again (redeliveries of a processed SMS are recognized and not sent twice)
        from("genesys-messaging:webhook?webhookPath={{example.sms.webhook-path}}")
                .routeId("sms-bridge")
                .log("SMS bridge: agent SMS ${header.CamelGenesysWebhookMessageId} to ${header.CamelGenesysWebhookTo}: ${body.text}")
                .setProperty(AGENT_MESSAGE, body())
                // who is it for?
                // Genesys looks phone numbers up in E.164 ("+15550100"), as the CRM sync stores them
                .setHeader("CamelGenesysLookupVal", method(SmsBridgeRoute.class, "lookupValue"))
                .to("genesys-contacts:reverseLookup")
                .setProperty(CONTACT_NAME, method(SmsBridgeRoute.class, "contactName"))
                // the SMS gateway stand-in: one file per SMS
                .setBody(simple("To ${header.CamelGenesysWebhookTo} (${exchangeProperty." + CONTACT_NAME + "}): "
                                + "${exchangeProperty." + AGENT_MESSAGE + ".text}"))
                .to("file:{{example.work-dir}}/sms-outbox?fileName=${header.CamelGenesysWebhookMessageId}.txt")
                // the webhook's headers never drive a producer by themselves: the channel is copied on purpose
                .setHeader(MessagingConstants.CHANNEL_ID, header(MessagingConstants.WEBHOOK_CHANNEL_ID))
                // Delivered: with the webhook message as the body, the receipt takes its messageId, from and to
                .setBody(exchangeProperty(AGENT_MESSAGE))
                .to("genesys-messaging:sendReceipt?receiptStatus=Delivered")
                // the consumer's answer, from the consumer's phone into the conversation
                .setHeader(MessagingConstants.FROM, header(MessagingConstants.WEBHOOK_TO))
                .setBody(simple("Thanks, this is ${exchangeProperty." + CONTACT_NAME + "}: message received"))
                .to("genesys-messaging:sendMessage")
                .log("SMS bridge: ${header.CamelGenesysWebhookMessageId} delivered to ${exchangeProperty." + CONTACT_NAME
                     + "}, who answered (Genesys id ${header.CamelGenesysAcceptedMessageId})");
    }

    /** The number the SMS is for, in E.164 when it is a phone number written with spaces or punctuation. */
    public static String lookupValue(@Header(MessagingConstants.WEBHOOK_TO) String to) {
        if (to == null) {
            return null;
        }
        String e164 = PhoneNumber.valueOf(to).getE164();
        return e164 != null ? e164 : to;
    }

    /** The first contact's name, or "an unknown number". */
    public static String contactName(ReverseLookupResult found) {
        List<ExternalContact> contacts = found == null ? null : found.getContacts();
        if (contacts == null || contacts.isEmpty()) {
            return "an unknown number";
        }
        ExternalContact c = contacts.get(0);
        return (c.getFirstName() + " " + c.getLastName()).strip();
    }
}
