package dev.junction.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The configuration fields of a connector, with validation a merchant can act on. */
public record ConfigSchema(List<ConfigField> fields) {

    public ConfigSchema {
        fields = List.copyOf(fields);
        Map<String, ConfigField> seen = new LinkedHashMap<>();
        for (ConfigField f : fields) {
            if (seen.put(f.name(), f) != null) {
                throw new IllegalArgumentException("duplicate config field " + f.name());
            }
        }
    }

    public static ConfigSchema of(ConfigField... fields) {
        return new ConfigSchema(List.of(fields));
    }

    public Optional<ConfigField> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** Names of the fields marked secret. */
    public Set<String> secretNames() {
        return fields.stream().filter(ConfigField::secret).map(ConfigField::name).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Checks a connection config against this schema. Each problem is one sentence naming the field and
     * what to do about it; an empty list means valid. Unknown keys are reported too, since they are
     * almost always a typo of a real field.
     */
    public List<String> validate(JsonObject config) {
        List<String> problems = new ArrayList<>();
        for (ConfigField f : fields) {
            Object value = config.getValue(f.name());
            if (value == null || (value instanceof String s && s.isBlank())) {
                if (f.required() && f.defaultValue() == null) {
                    problems.add("'" + f.name() + "' is required: " + f.description());
                }
                continue;
            }
            String text = String.valueOf(value);
            switch (f.type()) {
                case INTEGER -> {
                    try {
                        Long.parseLong(text);
                    } catch (NumberFormatException e) {
                        problems.add("'" + f.name() + "' must be a whole number, got '" + display(f, text) + "'");
                    }
                }
                case BOOLEAN -> {
                    if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
                        problems.add("'" + f.name() + "' must be true or false, got '" + display(f, text) + "'");
                    }
                }
                case URL -> {
                    try {
                        URI uri = new URI(text);
                        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                                || uri.getHost() == null) {
                            problems.add("'" + f.name() + "' must be an http(s) URL with a host, got '" + display(f, text) + "'");
                        }
                    } catch (Exception e) {
                        problems.add("'" + f.name() + "' must be an http(s) URL, got '" + display(f, text) + "'");
                    }
                }
                case ENUM -> {
                    if (!f.choices().contains(text)) {
                        problems.add("'" + f.name() + "' must be one of " + f.choices() + ", got '" + display(f, text) + "'");
                    }
                }
                case DATETIME -> {
                    try {
                        OffsetDateTime.parse(text);
                    } catch (DateTimeParseException e) {
                        problems.add("'" + f.name() + "' must be an ISO-8601 date-time with offset such as "
                                + "2026-07-01T00:00:00Z, got '" + display(f, text) + "'");
                    }
                }
                case STRING -> { }
            }
        }
        for (String key : config.fieldNames()) {
            if (field(key).isEmpty()) {
                problems.add("'" + key + "' is not a setting of this connector; known settings: "
                        + fields.stream().map(ConfigField::name).toList());
            }
        }
        return problems;
    }

    private static String display(ConfigField f, String text) {
        return f.secret() ? "***" : text;
    }

    /** A JSON Schema (draft 2020-12) rendering, served by the admin API; secret fields carry {@code writeOnly}. */
    public JsonObject toJsonSchema() {
        JsonObject props = new JsonObject();
        JsonArray required = new JsonArray();
        for (ConfigField f : fields) {
            JsonObject p = new JsonObject().put("description", f.description());
            switch (f.type()) {
                case INTEGER -> p.put("type", "integer");
                case BOOLEAN -> p.put("type", "boolean");
                case URL -> p.put("type", "string").put("format", "uri");
                case DATETIME -> p.put("type", "string").put("format", "date-time");
                case ENUM -> p.put("type", "string").put("enum", new JsonArray(f.choices()));
                case STRING -> p.put("type", "string");
            }
            if (f.secret()) {
                p.put("writeOnly", true).put("x-secret", true);
            }
            if (f.defaultValue() != null) {
                p.put("default", f.defaultValue());
            }
            props.put(f.name(), p);
            if (f.required() && f.defaultValue() == null) {
                required.add(f.name());
            }
        }
        return new JsonObject().put("$schema", "https://json-schema.org/draft/2020-12/schema")
                .put("type", "object").put("properties", props).put("required", required)
                .put("additionalProperties", false);
    }
}
