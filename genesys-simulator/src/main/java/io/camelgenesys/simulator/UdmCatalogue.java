package io.camelgenesys.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the UDM data lookups serve ({@code /udm/v10/data/*}): sources, data types, sub-types (the media of a job) and
 * attributes. Seed 002 types the v10 answers as untyped {@code {}}; the shapes are v3's ({@code KeyValueItem},
 * {@code DataType}, {@code SubType}, 002 L11758-11925), the values those the Cloud Data Download Service guide
 * names (source "Contact History" of UCS, data type Interaction or Contact, media such as Chat). A job is checked
 * against them, so a client that reads the lookups builds a valid job.
 */
final class UdmCatalogue {

    /** A data sub-type: for interactions, a media type. */
    record SubType(String name, String displayName, String dataType, boolean enabled) {
    }

    /** The one source: UCS contact history ("UDM only supports ... data sourced from Universal Contact Server"). */
    static final String SOURCE = "UCS";
    static final String SOURCE_LABEL = "Contact History";
    /** Job {@code type}: "UCS or DataSync" (002 L9569). */
    static final List<String> JOB_TYPES = List.of("UCS", "DataSync");
    static final List<String> DATA_TYPES = List.of("Interaction", "Contact");
    /** workitem is disabled, so that a client sees that {@code enabled} matters. */
    static final List<SubType> SUB_TYPES = List.of(
            new SubType("chat", "Chat", "Interaction", true),
            new SubType("email", "Email", "Interaction", true),
            new SubType("voice", "Voice", "Interaction", true),
            new SubType("sms", "SMS", "Interaction", true),
            new SubType("workitem", "Workitem", "Interaction", false));
    static final Map<String, List<String>> ATTRIBUTES = attributes();

    private UdmCatalogue() {
    }

    private static Map<String, List<String>> attributes() {
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        attributes.put("Interaction", List.of("Id", "MediaTypeId", "TypeId", "Status", "StartDate", "EndDate",
                "Subject", "ContactId", "OwnerId", "ThreadId"));
        attributes.put("Contact", List.of("Id", "FirstName", "LastName", "EmailAddress", "PhoneNumber",
                "CreatedDate", "ModifiedDate"));
        return attributes;
    }

    static ArrayNode sources() {
        ArrayNode array = Json.array();
        array.addObject().put("label", SOURCE_LABEL).put("value", SOURCE);
        return array;
    }

    /** @param source a source filter, or {@code null} */
    static ArrayNode types(String source) {
        ArrayNode array = Json.array();
        if (source == null || SOURCE.equals(source)) {
            DATA_TYPES.forEach(type -> array.addObject().put("name", type).put("source", SOURCE));
        }
        return array;
    }

    static ArrayNode subTypes(String dataType, String source) {
        ArrayNode array = Json.array();
        if (source != null && !SOURCE.equals(source)) {
            return array;
        }
        for (SubType subType : SUB_TYPES) {
            if (subType.dataType().equals(dataType)) {
                ObjectNode node = array.addObject();
                node.put("name", subType.name());
                node.put("displayName", subType.displayName());
                node.put("source", SOURCE);
                node.put("dataType", subType.dataType());
                node.put("enabled", subType.enabled());
            }
        }
        return array;
    }

    static SubType subType(String dataType, String name) {
        for (SubType subType : SUB_TYPES) {
            if (subType.dataType().equals(dataType) && subType.name().equals(name)) {
                return subType;
            }
        }
        return null;
    }
}
