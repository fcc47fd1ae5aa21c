package io.camelgenesys.core.test.docs;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.camelgenesys.core.json.GenesysJson;
import io.camelgenesys.core.json.GenesysModel;

/**
 * The models page of a component ({@code src/main/docs/<scheme>-models.adoc}), generated from the model classes: each
 * model's description (its class comment) and its fields as JSON names with their Java types, so that nobody needs
 * {@code javap} to learn that a contact's phone is a {@code PhoneNumber} with {@code e164}, or how a model carries a
 * field it does not declare. The page is checked (or rewritten) as a whole by {@link GeneratedDocs#file}.
 */
public final class ModelReference {

    private static final Pattern CLASS_COMMENT = Pattern.compile(
            "/\\*\\*(.*?)\\*/\\s*(?:@\\w+(?:\\([^)]*\\))?\\s*)*public\\s+(?:static\\s+)?(?:final\\s+)?(?:class|record)\\s+(\\w+)",
            Pattern.DOTALL);

    private ModelReference() {
    }

    /**
     * The page.
     *
     * @param scheme    the component's scheme, for the title
     * @param sourceDir the module's {@code src/main/java}, where the class comments are read
     * @param models    the model classes, in the order of the page
     */
    public static String page(String scheme, Path sourceDir, List<Class<? extends GenesysModel>> models) {
        StringBuilder sb = new StringBuilder();
        sb.append("= ").append(scheme).append(" models\n");
        sb.append("// Generated from the model classes by ComponentDocsTest: do not edit; run the test with")
                .append(" -D").append(GeneratedDocs.UPDATE).append("=true to rewrite it.\n\n");
        sb.append("The message bodies of ").append(scheme).append(" are these models (package `")
                .append(models.get(0).getPackageName()).append("`), or the same data as a `Map`, a Jackson `JsonNode`")
                .append(" or JSON text. Each field is listed with its JSON name, which is also the name of its getter")
                .append(" and setter (`workPhone`: `getWorkPhone()`, `setWorkPhone(PhoneNumber)`).\n\n");
        sb.append("* *Fields a model does not declare are kept*: what Genesys sends beyond this list is in")
                .append(" `getAdditionalProperties()` and sent back on a write; add one with")
                .append(" `setAdditionalProperty(\"name\", value)`.\n");
        sb.append("* *Unset fields are not sent* (`null` is left out), so a `patch` with a model changes only what is")
                .append(" set; to clear a field, send a `Map` with the key mapped to `null`.\n");
        sb.append("* *From a `Map` (a JDBC row, a CSV record) without mapping code*: `convertBodyTo(<Model>.class)`,")
                .append(" or `convertBodyTo(<Model>[].class)` for a `List` of rows, matches each key to a field")
                .append(" ignoring case, `_`, `-` and spaces (`FIRST_NAME`, `first_name` and `firstName` all set")
                .append(" `firstName`), maps a nested `Map` to a nested model, makes a model from text where the")
                .append(" model has a text form (below), treats blank text as no value and keeps any other key under")
                .append(" its own name as an additional field. Bulk operations do it to each `Map` item.\n\n");
        for (Class<? extends GenesysModel> model : models) {
            section(sb, model, sourceDir);
        }
        return sb.toString();
    }

    private static void section(StringBuilder sb, Class<?> model, Path sourceDir) {
        sb.append("[#").append(model.getSimpleName()).append("]\n");
        sb.append("== ").append(model.getSimpleName()).append("\n\n");
        String comment = classComment(model, sourceDir);
        if (!comment.isEmpty()) {
            sb.append(comment).append("\n\n");
        }
        Method valueOf = textForm(model);
        if (valueOf != null) {
            sb.append("Text form: `").append(model.getSimpleName()).append(".valueOf(String)`, also the `String` to `")
                    .append(model.getSimpleName()).append("` type converter and what a text value of a `")
                    .append(model.getSimpleName()).append("` field of a `Map` becomes.\n\n");
        }
        BeanDescription description = GenesysJson.MAPPER.getDeserializationConfig()
                .introspect(GenesysJson.MAPPER.constructType(model));
        List<BeanPropertyDefinition> fields = description.findProperties().stream()
                .filter(p -> p.hasSetter() || p.hasField())
                // the fields a model does not declare: described once above, not a JSON field
                .filter(p -> !p.getName().equals("additionalProperties"))
                .sorted(Comparator.comparing(BeanPropertyDefinition::getName))
                .toList();
        sb.append("[width=\"100%\",cols=\"1,2\",options=\"header\"]\n|===\n| Field | Type\n");
        for (BeanPropertyDefinition p : fields) {
            sb.append("| `").append(p.getName()).append("` | ").append(type(p.getPrimaryType())).append('\n');
        }
        sb.append("|===\n\n");
    }

    /** A type as the page shows it: short names, a model as a link to its section. */
    private static String type(JavaType type) {
        Class<?> raw = type.getRawClass();
        if (GenesysModel.class.isAssignableFrom(raw)) {
            return "<<" + raw.getSimpleName() + ">>";
        }
        if (type.containedTypeCount() == 0) {
            return "`" + raw.getSimpleName() + "`";
        }
        StringBuilder sb = new StringBuilder("`" + raw.getSimpleName() + "<`");
        for (int i = 0; i < type.containedTypeCount(); i++) {
            sb.append(i > 0 ? "`, `" : "").append(type(type.containedType(i)));
        }
        return sb.append("`>`").toString().replace("``", "");
    }

    private static Method textForm(Class<?> model) {
        try {
            Method m = model.getMethod("valueOf", String.class);
            return Modifier.isStatic(m.getModifiers()) && m.getReturnType() == model ? m : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    /** The class comment from the source, as AsciiDoc text: {@code {@code x}} becomes `x`, tags are dropped. */
    static String classComment(Class<?> model, Path sourceDir) {
        Class<?> top = model;
        while (top.getEnclosingClass() != null) {
            top = top.getEnclosingClass();
        }
        Path source = sourceDir.resolve(top.getName().replace('.', '/') + ".java");
        if (!Files.exists(source)) {
            return "";
        }
        Matcher m = CLASS_COMMENT.matcher(GeneratedDocs.read(source));
        while (m.find()) {
            if (m.group(2).equals(model.getSimpleName())) {
                String text = m.group(1).replaceAll("(?m)^\\s*\\*\\s?", "").replaceAll("\\s+", " ").trim();
                text = text.replaceAll("\\{@(?:code|literal) ([^}]*)}", "`$1`")
                        .replaceAll("\\{@link(?:plain)? (?:[\\w.]*#)?([^} ]*)[^}]*}", "`$1`")
                        .replaceAll("<[^>]+>", "");
                int tags = text.indexOf(" @");
                return tags >= 0 ? text.substring(0, tags).trim() : text;
            }
        }
        return "";
    }
}
