package dev.junction.api.service;

import java.util.Objects;

/**
 * One link: entity {@code entity} is {@code leftId} in {@code leftConnection} and {@code rightId} in
 * {@code rightConnection}.
 */
public record IdLink(String entity, String leftConnection, String leftId, String rightConnection, String rightId) {
    public IdLink {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(leftConnection, "leftConnection");
        Objects.requireNonNull(leftId, "leftId");
        Objects.requireNonNull(rightConnection, "rightConnection");
        Objects.requireNonNull(rightId, "rightId");
    }
}
