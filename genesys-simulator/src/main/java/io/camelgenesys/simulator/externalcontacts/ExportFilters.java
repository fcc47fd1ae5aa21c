package io.camelgenesys.simulator.externalcontacts;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The filters of an export's {@code queryConditions} (ContactsExportFilter and its siblings of the SDK): {@code eq}
 * {field, value}, {@code in} {field, values}, {@code lte} / {@code gte} {field, value} (compared as numbers when both
 * are, else as text, so ISO dates compare by time), {@code and} / {@code or} lists and {@code not}; all given must
 * hold. A field is a path into the entity ({@code address.city}).
 */
final class ExportFilters {

    private ExportFilters() {
    }

    static boolean matches(JsonNode entity, JsonNode filter) {
        if (filter == null || filter.isMissingNode() || filter.isNull() || filter.isEmpty()) {
            return true;
        }
        JsonNode eq = filter.get("eq");
        if (eq != null && !ImportExportStore.text(entity, eq.path("field").asText()).equals(eq.path("value").asText())) {
            return false;
        }
        JsonNode in = filter.get("in");
        if (in != null) {
            String value = ImportExportStore.text(entity, in.path("field").asText());
            boolean found = false;
            for (JsonNode v : in.path("values")) {
                found |= v.asText().equals(value);
            }
            if (!found) {
                return false;
            }
        }
        if (!compare(entity, filter.get("lte"), true) || !compare(entity, filter.get("gte"), false)) {
            return false;
        }
        JsonNode and = filter.get("and");
        if (and != null) {
            for (JsonNode f : and) {
                if (!matches(entity, f)) {
                    return false;
                }
            }
        }
        JsonNode or = filter.get("or");
        if (or != null && or.size() > 0) {
            boolean any = false;
            for (JsonNode f : or) {
                any |= matches(entity, f);
            }
            if (!any) {
                return false;
            }
        }
        JsonNode not = filter.get("not");
        return not == null || !matches(entity, not);
    }

    private static boolean compare(JsonNode entity, JsonNode filter, boolean atMost) {
        if (filter == null) {
            return true;
        }
        String value = ImportExportStore.text(entity, filter.path("field").asText());
        if (value.isEmpty()) {
            return false;
        }
        String bound = filter.path("value").asText();
        int c;
        try {
            c = Double.compare(Double.parseDouble(value), Double.parseDouble(bound));
        } catch (NumberFormatException e) {
            c = value.compareTo(bound);
        }
        return atMost ? c <= 0 : c >= 0;
    }
}
