package io.camelgenesys.springboot.generator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.camelgenesys.springboot.generator.StarterModel.Option;

/**
 * {@code META-INF/additional-spring-configuration-metadata.json}: what spring-boot-configuration-processor cannot read
 * from the generated class. It merges this file into the {@code spring-configuration-metadata.json} it writes: the
 * descriptions exactly as in the component descriptor, the defaults (the fields stay unset so that the component keeps
 * its own), and the values of options that take one of a list, as hints an IDE completes.
 */
final class Metadata {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Metadata() {
    }

    static String additional(List<StarterModel> starters) {
        List<Map<String, Object>> properties = new ArrayList<>();
        List<Map<String, Object>> hints = new ArrayList<>();
        for (StarterModel m : starters) {
            String source = m.packageName() + "." + m.configurationClass();
            Map<String, Object> enabled = new LinkedHashMap<>();
            enabled.put("name", m.prefix() + ".enabled");
            enabled.put("type", "java.lang.Boolean");
            enabled.put("description", "Whether to enable auto configuration of the " + m.scheme()
                                       + " component. This is enabled by default.");
            enabled.put("sourceType", source);
            enabled.put("defaultValue", true);
            properties.add(enabled);
            for (Option o : m.options()) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("name", o.propertyName());
                String type = o.fieldType();
                p.put("type", type.contains(".") ? type : "java.lang." + type);
                p.put("description", o.description());
                p.put("sourceType", source);
                if (o.defaultValue() != null) {
                    p.put("defaultValue", o.defaultValue());
                }
                if (o.deprecated()) {
                    Map<String, Object> deprecation = new LinkedHashMap<>();
                    deprecation.put("level", "warning");
                    if (o.deprecationNote() != null && !o.deprecationNote().isBlank()) {
                        deprecation.put("reason", o.deprecationNote());
                    }
                    p.put("deprecation", deprecation);
                }
                properties.add(p);
                if (o.hasEnums()) {
                    Map<String, Object> hint = new LinkedHashMap<>();
                    hint.put("name", o.propertyName());
                    hint.put("values", o.enums().stream().map(v -> Map.of("value", v)).toList());
                    hints.add(hint);
                }
            }
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("properties", properties);
        root.put("hints", hints);
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
