package dev.junction.hub.store;

import io.vertx.core.json.JsonObject;

/**
 * A connection as stored: {@code config} holds every setting in clear, secrets included, for the hub's
 * own use only. The store encrypts the fields named in {@code secretFields} at rest; the admin API must
 * never return them.
 */
public record StoredConnection(String id, String connector, JsonObject config, java.util.Set<String> secretFields) {
}
