package dev.junction.api.service;

import io.vertx.core.Future;

import java.util.Optional;

/**
 * Small persistent state of one connection, encrypted at rest: OAuth and API tokens renewed at run time,
 * webhook signing secrets captured at registration. Not for bulk data.
 */
public interface ConnectionState {
    Future<Optional<String>> get(String key);

    Future<Void> put(String key, String value);

    Future<Void> remove(String key);
}
