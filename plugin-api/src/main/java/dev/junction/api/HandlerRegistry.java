package dev.junction.api;

import dev.junction.api.mapping.MappingHandler;
import dev.junction.api.mapping.ReferenceDataSource;
import dev.junction.api.sink.SinkHandler;
import dev.junction.api.source.SourceHandler;
import dev.junction.api.webhook.WebhookHandler;

/**
 * Where a connection registers its handlers. Stream names are lower-case nouns such as {@code orders},
 * {@code goods-out-notes}, {@code shipments}, {@code inventory}; flows refer to them as
 * {@code connection/stream}.
 */
public interface HandlerRegistry {

    /** A stream this connection can read. Its records carry the remote's native JSON. */
    void source(String stream, SourceHandler handler);

    /** A stream this connection can write; {@code accepts} is the canonical type it takes. */
    <T> void sink(String stream, Class<T> accepts, SinkHandler<T> handler);

    /**
     * A pure mapping between types, named so flows can pick it (e.g. {@code orders} maps native order JSON
     * from this connection's {@code orders} stream to {@link dev.junction.api.model.Order}). When a flow
     * names no mapper, the hub chains the source connection's mapper registered under the source stream's
     * name whose output type is what the sink accepts.
     */
    <I, O> void mapper(String name, Class<I> input, Class<O> output, MappingHandler<I, O> mapper);

    /** Receives this connection's webhooks at {@link ConnectionContext#webhookUrl()}. At most one. */
    void webhooks(WebhookHandler handler);

    /**
     * Reference data (statuses, shipping methods, warehouses, ...) that the admin API can refresh on demand
     * into a mapping table's choice list.
     */
    void referenceData(String name, ReferenceDataSource source);
}
