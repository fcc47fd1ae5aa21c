package io.camelgenesys.springboot.generator;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.camel.tooling.model.ComponentModel;
import org.apache.camel.tooling.model.ComponentModel.ComponentOptionModel;

/**
 * What a starter is made of, derived from one component descriptor: names of the generated classes, the property
 * prefix, and one {@link Option} per component option.
 */
final class StarterModel {

    /** Properties of Camel Spring Boot's {@code ComponentConfigurationPropertiesCommon}, which every starter has. */
    private static final Set<String> RESERVED = Set.of("enabled", "customizer");

    private final ComponentModel component;
    private final List<Option> options;

    StarterModel(ComponentModel component) {
        this.component = component;
        this.options = component.getComponentOptions().stream().map(o -> new Option(this, o)).toList();
        for (Option option : options) {
            if (RESERVED.contains(option.name())) {
                throw new IllegalStateException(component.getScheme() + ": the component option '" + option.name()
                                                + "' has the name of a property every Camel starter has"
                                                + " (camel.component." + component.getScheme() + "." + option.name()
                                                + "): rename the option");
            }
        }
    }

    String scheme() {
        return component.getScheme();
    }

    String title() {
        return component.getTitle();
    }

    String componentClass() {
        return component.getJavaType();
    }

    /** The component's package plus {@code .springboot}, as Camel's starters do (no package split with the component). */
    String packageName() {
        String type = component.getJavaType();
        return type.substring(0, type.lastIndexOf('.')) + ".springboot";
    }

    private String simpleName() {
        String type = component.getJavaType();
        return type.substring(type.lastIndexOf('.') + 1);
    }

    String configurationClass() {
        return simpleName() + "Configuration";
    }

    String autoConfigurationClass() {
        return simpleName() + "AutoConfiguration";
    }

    String prefix() {
        return "camel.component." + component.getScheme();
    }

    List<Option> options() {
        return options;
    }

    /** The options given as a bean reference ({@code #bean:name}), which need a converter. */
    List<Option> referenceOptions() {
        return options.stream().filter(o -> o.referenceType() != null).toList();
    }

    /** One component option as a Spring Boot property. */
    record Option(StarterModel starter, ComponentOptionModel model) {

        String name() {
            return model.getName();
        }

        /** The property name in the kebab case Spring Boot's metadata uses (its own rule, so that they match). */
        String propertyName() {
            return starter.prefix() + "." + dashed(model.getName());
        }

        /**
         * The field type. Primitives are boxed so that an unset property stays null and the component keeps its own
         * default (genesys-stats defaults platform to multicloud, which its descriptor cannot say). Options with a
         * list of values are Strings: Camel converts them exactly as in an endpoint URI, and the metadata hints list
         * the documented values. So are the {@code long} options: each is milliseconds, which Camel Main, Quarkus and a
         * URI also take as a duration ({@code 30s}, {@code 1m30s}), checked and converted by the component's
         * configurer; a {@code Long} property refused {@code retry-initial-delay=2s}, which the component page shows,
         * and stopped the application.
         */
        String fieldType() {
            String javaType = model.getJavaType().replace('$', '.');
            if (javaType.equals("long") || javaType.equals("java.lang.Long")) {
                return "String";
            }
            switch (javaType) {
                case "boolean":
                    return "Boolean";
                case "int":
                    return "Integer";
                case "long":
                    return "Long";
                case "double":
                    return "Double";
                case "float":
                    return "Float";
                case "short":
                    return "Short";
                case "byte":
                    return "Byte";
                case "char":
                    return "Character";
                default:
                    break;
            }
            if (hasEnums() || "duration".equals(model.getType())) {
                return "String";   // a duration is also written "30s"; Camel converts it
            }
            if (javaType.startsWith("java.lang.") && javaType.indexOf('.', "java.lang.".length()) < 0) {
                return javaType.substring("java.lang.".length());
            }
            return javaType;
        }

        /**
         * The type a {@code #bean:name} reference resolves to, or null when the option is a value. A JDK type is a
         * reference too unless Spring Boot binds it from text itself ({@code java.lang}, {@code java.time},
         * {@code java.math}, the {@code java.util} collections): {@code workerPool} is a
         * {@code java.util.concurrent.ExecutorService}, which Spring has no converter for.
         */
        String referenceType() {
            if (!"object".equals(model.getType()) || hasEnums()) {
                return null;
            }
            String raw = fieldType();
            int generic = raw.indexOf('<');
            raw = generic < 0 ? raw : raw.substring(0, generic);
            boolean value = raw.startsWith("java.lang.") || raw.startsWith("java.time.") || raw.startsWith("java.math.")
                            || raw.startsWith("java.util.") && !raw.startsWith("java.util.concurrent.");
            return value ? null : raw;
        }

        boolean hasEnums() {
            return model.getEnums() != null && !model.getEnums().isEmpty();
        }

        List<String> enums() {
            return hasEnums() ? model.getEnums() : List.of();
        }

        /** The description, with the type for a reference, as Camel's starters write it. */
        String description() {
            String description = model.getDescription() == null ? "" : model.getDescription().trim();
            String reference = referenceType();
            if (reference != null) {
                description += " The option is a " + model.getJavaType().replace('$', '.') + " type.";
            }
            return description;
        }

        Object defaultValue() {
            Object value = model.getDefaultValue();
            if (value == null || value.toString().isEmpty()) {
                return null;
            }
            String text = value.toString();
            switch (fieldType()) {
                case "Boolean":
                    return Boolean.parseBoolean(text);
                case "Integer":
                case "Long":
                case "Short":
                case "Byte":
                    return Long.parseLong(text);
                case "Double":
                case "Float":
                    return Double.parseDouble(text);
                default:
                    return text;
            }
        }

        boolean deprecated() {
            return model.isDeprecated();
        }

        String deprecationNote() {
            return model.getDeprecationNote();
        }

        /** Spring Boot's rule (its processor's ConventionUtils.toDashedCase), so that the names match its metadata. */
        static String dashed(String name) {
            StringBuilder dashed = new StringBuilder();
            char previous = 0;
            for (char c : name.toCharArray()) {
                boolean separator = c == '-' || c == '_';
                if (separator) {
                    dashed.append('-');
                } else if (Character.isUpperCase(c) && previous != 0 && previous != '-' && previous != '_') {
                    dashed.append('-').append(c);
                } else {
                    dashed.append(c);
                }
                previous = c;
            }
            return dashed.toString().toLowerCase(Locale.ENGLISH);
        }
    }
}
