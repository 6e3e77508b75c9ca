package dev.junction.api;

import java.util.Objects;

/**
 * What a connector says about itself.
 *
 * @param id          stable id used in connection configs, e.g. {@code brightpearl}
 * @param displayName name shown to a merchant
 * @param version     the connector's own version
 * @param config      the fields a connection of this connector takes, secrets marked
 */
public record ConnectorDescriptor(String id, String displayName, String version, ConfigSchema config) {
    public ConnectorDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(config, "config");
        if (!id.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("connector id must be lower-case letters, digits and '-': " + id);
        }
    }
}
