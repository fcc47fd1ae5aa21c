package io.camelgenesys.contacts;

import io.camelgenesys.contacts.model.ExternalContact;
import io.camelgenesys.contacts.model.ExternalOrganization;
import io.camelgenesys.contacts.model.PhoneNumber;
import io.camelgenesys.core.json.GenesysModels;
import org.apache.camel.Converter;
import org.apache.camel.Exchange;
import org.apache.camel.spi.TypeConverterRegistry;

/**
 * Camel type converters of genesys-contacts, loaded by the loader camel-component-maven-plugin generates
 * ({@code META-INF/services/org/apache/camel/TypeConverterLoader}): a {@code Map} (a JDBC row, a CSV record) to any
 * model of {@code io.camelgenesys.contacts.model} and a {@code List} of them to an array of a model
 * ({@link GenesysModels}: keys matched ignoring case and {@code _}), and a phone number's text to a
 * {@link PhoneNumber}. So {@code convertBodyTo(ExternalContact.class)} after {@code sql:} replaces the hand mapping.
 */
@Converter(generateLoader = true)
public final class ContactsTypeConverters {

    private static final String MODELS = ExternalContact.class.getPackageName();

    private ContactsTypeConverters() {
    }

    /** {@code +15551234567} to {@code e164}, other text to {@code display} ({@link PhoneNumber#valueOf}). */
    @Converter
    public static PhoneNumber toPhoneNumber(String text) {
        return PhoneNumber.valueOf(text);
    }

    /** A contact's custom fields, each as the Java type of its core type (typed by the field names). */
    @Converter
    public static CustomFieldValues toCustomFieldValues(ExternalContact contact) {
        return CustomFieldValues.of(contact);
    }

    /** An organization's custom fields, each as the Java type of its core type (typed by the field names). */
    @Converter
    public static CustomFieldValues toCustomFieldValues(ExternalOrganization organization) {
        return CustomFieldValues.of(organization);
    }

    /** A {@code Map} to a contacts model, a collection of maps to an array of one; {@code null} for anything else. */
    @Converter(fallback = true)
    public static Object toModel(Class<?> type, Exchange exchange, Object value, TypeConverterRegistry registry) {
        return GenesysModels.convert(type, value, MODELS);
    }
}
