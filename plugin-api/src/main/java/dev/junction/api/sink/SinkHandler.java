package dev.junction.api.sink;

import io.vertx.core.Future;

/**
 * Writes one canonical record to a connection's system, idempotently: it looks before it creates (the
 * id link the hub passes in, then the remote's own external reference), so a retry after a crash between
 * the remote create and the hub's commit finds what it made instead of making it twice.
 */
@FunctionalInterface
public interface SinkHandler<T> {
    Future<SinkResult> write(SinkRequest<T> request);
}
