package dev.junction.api;

import java.util.List;
import java.util.Objects;

/**
 * One field of a connection's configuration.
 *
 * @param name         key in the connection config, e.g. {@code accountToken}
 * @param type         value type, checked by {@link ConfigSchema#validate}
 * @param required     whether a connection is invalid without it
 * @param secret       secrets are encrypted at rest, never echoed by the admin API and never logged
 * @param description  what the field is and where a merchant finds its value
 * @param defaultValue value used when absent (may be null)
 * @param choices      allowed values for {@link Type#ENUM}
 */
public record ConfigField(String name, Type type, boolean required, boolean secret, String description,
                          String defaultValue, List<String> choices) {

    public enum Type { STRING, INTEGER, BOOLEAN, URL, ENUM, DATETIME }

    public ConfigField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        description = description == null ? "" : description;
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    public static ConfigField required(String name, Type type, String description) {
        return new ConfigField(name, type, true, false, description, null, List.of());
    }

    public static ConfigField optional(String name, Type type, String description, String defaultValue) {
        return new ConfigField(name, type, false, false, description, defaultValue, List.of());
    }

    public static ConfigField secret(String name, String description) {
        return new ConfigField(name, Type.STRING, true, true, description, null, List.of());
    }

    public static ConfigField optionalSecret(String name, String description) {
        return new ConfigField(name, Type.STRING, false, true, description, null, List.of());
    }

    public static ConfigField choice(String name, String description, String defaultValue, String... choices) {
        return new ConfigField(name, Type.ENUM, defaultValue == null, false, description, defaultValue, List.of(choices));
    }
}
