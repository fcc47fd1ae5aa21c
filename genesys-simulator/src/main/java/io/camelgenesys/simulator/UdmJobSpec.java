package io.camelgenesys.simulator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A validated UDM {@code Job} (the body of {@code POST} and {@code PUT /udm/v10/export/jobs}, 002 L9505-9594):
 * {@code source}, {@code type}, {@code title}, {@code timeFrame}, {@code schedulerParam}, {@code jobParams} and
 * {@code suspended} are required, as the seed marks them; every failure is a 400 naming the field. Where the seed
 * gives no format (dates, {@code runs}, {@code fileSplitSize}) the accepted ones are documented in {@code UDM.md}.
 */
record UdmJobSpec(String source, String type, String title, String description, boolean all, String dateFrom,
        String dateTo, boolean immediately, String cron, Integer runs, Instant startDate, String dataType,
        List<String> media, String fileSplitSize, Long fileSplitBytes, boolean exportAttachments,
        boolean suspended) {

    /** {@code fileSplitSize}: a positive number, optionally with a unit; without one it is megabytes. */
    private static final Pattern SPLIT_SIZE = Pattern.compile("(?i)^\\s*(\\d{1,12})\\s*(B|KB|MB|GB)?\\s*$");

    /** How the job is scheduled: the {@code scheduleType} filter of {@code GET /export/jobs} matches these. */
    String scheduleType() {
        if (cron != null) {
            return "Recurring";
        }
        return immediately ? "Immediate" : "Scheduled";
    }

    /** @return whether the job runs again after a run (a {@code cron} job, until its {@code runs} are used) */
    boolean recurs(int runsStarted) {
        return cron != null && (runs == null || runsStarted < runs);
    }

    static UdmJobSpec parse(JsonNode json) {
        if (!(json instanceof ObjectNode body)) {
            throw ApiException.badRequest("The request body must be a Job JSON object");
        }
        String source = text(body, "", "source", true);
        if (!UdmCatalogue.SOURCE.equals(source)) {
            throw ApiException.badRequest("source must be one of the sources of /udm/v10/data/sources ["
                    + UdmCatalogue.SOURCE + "], got '" + source + "'");
        }
        String type = text(body, "", "type", true);
        if (!UdmCatalogue.JOB_TYPES.contains(type)) {
            throw ApiException.badRequest("type must be one of " + UdmCatalogue.JOB_TYPES + ", got '" + type + "'");
        }
        String title = text(body, "", "title", true);
        String description = text(body, "", "description", false);

        ObjectNode timeFrame = object(body, "timeFrame");
        boolean all = bool(timeFrame, "timeFrame.", "all", false);
        String dateFrom = text(timeFrame, "timeFrame.", "dateFrom", false);
        String dateTo = text(timeFrame, "timeFrame.", "dateTo", false);
        Instant from = dateFrom == null ? null : instant(dateFrom, "timeFrame.dateFrom", false);
        Instant to = dateTo == null ? null : instant(dateTo, "timeFrame.dateTo", true);
        if (!all && from == null) {
            throw ApiException.badRequest("timeFrame needs all=true or a dateFrom");
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw ApiException.badRequest("timeFrame.dateTo (" + dateTo + ") is before timeFrame.dateFrom ("
                    + dateFrom + ")");
        }

        ObjectNode scheduler = object(body, "schedulerParam");
        boolean immediately = bool(scheduler, "schedulerParam.", "immediately", false);
        String cron = text(scheduler, "schedulerParam.", "cron", false);
        String runsText = text(scheduler, "schedulerParam.", "runs", false);
        Integer runs = null;
        if (runsText != null) {
            try {
                runs = Integer.valueOf(runsText.strip());
            } catch (NumberFormatException e) {
                runs = -1;
            }
            if (runs < 1) {
                throw ApiException.badRequest("schedulerParam.runs must be a positive whole number of runs, got '"
                        + runsText + "'");
            }
        }
        String startText = text(scheduler, "schedulerParam.", "startDate", false);
        Instant startDate = startText == null ? null : instant(startText, "schedulerParam.startDate", false);
        if (!immediately && startDate == null && cron == null) {
            throw ApiException.badRequest("schedulerParam needs immediately=true, a startDate or a cron");
        }

        ObjectNode jobParams = object(body, "jobParams");
        String dataType = text(jobParams, "jobParams.", "type", true);
        if (!UdmCatalogue.DATA_TYPES.contains(dataType)) {
            throw ApiException.badRequest("jobParams.type must be one of the types of /udm/v10/data/types "
                    + UdmCatalogue.DATA_TYPES + ", got '" + dataType + "'");
        }
        JsonNode mediaNode = jobParams.get("media");
        if (mediaNode == null || mediaNode.isNull()) {
            throw ApiException.badRequest("jobParams.media is required (an array of sub-types of "
                    + "/udm/v10/data/sub-types)");
        }
        if (!mediaNode.isArray()) {
            throw ApiException.badRequest("jobParams.media must be an array of strings");
        }
        List<String> media = new ArrayList<>();
        for (int i = 0; i < mediaNode.size(); i++) {
            JsonNode item = mediaNode.get(i);
            if (!item.isTextual()) {
                throw ApiException.badRequest("jobParams.media[" + i + "] must be a string");
            }
            UdmCatalogue.SubType subType = UdmCatalogue.subType(dataType, item.asText());
            if (subType == null || !subType.enabled()) {
                throw ApiException.badRequest("jobParams.media[" + i + "] '" + item.asText()
                        + "' is not an enabled sub-type of " + dataType + " (see /udm/v10/data/sub-types?dataType="
                        + dataType + ")");
            }
            media.add(item.asText());
        }
        String fileSplitSize = text(jobParams, "jobParams.", "fileSplitSize", false);
        Long splitBytes = fileSplitSize == null ? null : splitBytes(fileSplitSize);
        boolean exportAttachments = bool(jobParams, "jobParams.", "exportAttachments", false);

        JsonNode suspendedNode = body.get("suspended");
        if (suspendedNode == null || suspendedNode.isNull()) {
            throw ApiException.badRequest("suspended is required (a boolean)");
        }
        if (!suspendedNode.isBoolean()) {
            throw ApiException.badRequest("suspended must be a boolean, got " + suspendedNode);
        }
        return new UdmJobSpec(source, type, title, description, all, dateFrom, dateTo, immediately, cron, runs,
                startDate, dataType, List.copyOf(media), fileSplitSize, splitBytes, exportAttachments,
                suspendedNode.asBoolean());
    }

    /**
     * Parses a date the way UDM requests and filters take them (the seed gives no format): an ISO-8601 instant or
     * offset date-time, a local date-time (UTC) or a date (its start, or with {@code endOfDay} its last millisecond).
     */
    static Instant instant(String value, String field, boolean endOfDay) {
        String text = value.strip();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException ignored) {
            // next format
        }
        try {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // next format
        }
        try {
            LocalDate date = LocalDate.parse(text);
            return endOfDay ? date.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusMillis(1)
                    : date.atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(field + " must be an ISO-8601 date-time (2024-03-01T10:00:00Z) or date "
                    + "(2024-03-01), got '" + value + "'");
        }
    }

    private static long splitBytes(String text) {
        Matcher m = SPLIT_SIZE.matcher(text);
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw ApiException.badRequest("jobParams.fileSplitSize must be a positive size in megabytes, optionally "
                    + "with a unit B, KB, MB or GB (\"100\", \"512KB\"), got '" + text + "'");
        }
        long number = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "MB" : m.group(2).toUpperCase(Locale.ROOT);
        return switch (unit) {
            case "B" -> number;
            case "KB" -> number * 1024;
            case "GB" -> number * 1024 * 1024 * 1024;
            default -> number * 1024 * 1024;
        };
    }

    private static ObjectNode object(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            throw ApiException.badRequest(field + " is required");
        }
        if (!value.isObject()) {
            throw ApiException.badRequest(field + " must be an object");
        }
        return (ObjectNode) value;
    }

    private static String text(ObjectNode node, String prefix, String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw ApiException.badRequest(prefix + field + " is required");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw ApiException.badRequest(prefix + field + " must be a string, got " + value);
        }
        if (required && value.asText().isBlank()) {
            throw ApiException.badRequest(prefix + field + " must not be blank");
        }
        return value.asText().isBlank() ? null : value.asText();
    }

    private static boolean bool(ObjectNode node, String prefix, String field, boolean defaultValue) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return defaultValue;
        }
        if (!value.isBoolean()) {
            throw ApiException.badRequest(prefix + field + " must be a boolean, got " + value);
        }
        return value.asBoolean();
    }
}
