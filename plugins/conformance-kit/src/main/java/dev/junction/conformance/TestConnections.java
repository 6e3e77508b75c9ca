package dev.junction.conformance;

import dev.junction.api.Connector;
import dev.junction.hub.connection.ConnectionHandlers;
import dev.junction.hub.connection.HubConnectionContext;
import dev.junction.hub.connection.MappingTablesService;
import dev.junction.hub.http.HubRemoteHttp;
import dev.junction.hub.metrics.HubMetrics;
import dev.junction.hub.secrets.SecretCipher;
import dev.junction.hub.store.MappingTable;
import dev.junction.hub.store.SyncStore;
import dev.junction.hub.store.hsqldb.HsqldbSyncStore;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The hub's real connection services for a connector's tests: the rate-limited HTTP client, an in-memory
 * HSQLDB store behind links, state and mapping tables, and metrics. Nothing is faked, so a connector
 * tested here behaves as it will inside the hub.
 */
public final class TestConnections implements AutoCloseable {
    private final Vertx vertx;
    private final SyncStore store;
    private final MappingTablesService mappings;
    private final HubMetrics metrics = new HubMetrics();
    private final HubRemoteHttp http;
    private final String webhookBaseUrl;

    private TestConnections(Vertx vertx, SyncStore store, long requestTimeoutMs, String webhookBaseUrl) {
        this.vertx = vertx;
        this.store = store;
        this.mappings = new MappingTablesService(store);
        this.http = new HubRemoteHttp(vertx, Clock.systemUTC(), metrics, requestTimeoutMs);
        this.webhookBaseUrl = webhookBaseUrl;
    }

    /** Services with a 30 s request timeout and webhook URLs under http://127.0.0.1:9 (nothing listens). */
    public static TestConnections create(Vertx vertx) throws Exception {
        return create(vertx, 30_000, "http://127.0.0.1:9");
    }

    public static TestConnections create(Vertx vertx, long requestTimeoutMs, String webhookBaseUrl) throws Exception {
        SyncStore store = HsqldbSyncStore.openInMemory(vertx, "kit-" + UUID.randomUUID(), SecretCipher.ephemeral())
                .await(30, TimeUnit.SECONDS);
        return new TestConnections(vertx, store, requestTimeoutMs, webhookBaseUrl);
    }

    /** A context for connection {@code id} of {@code connector}, with the schema's defaults applied. */
    public HubConnectionContext context(Connector connector, String id, JsonObject settings) {
        JsonObject config = HubConnectionContext.withDefaults(settings, connector.descriptor().config());
        return new HubConnectionContext(id, config, vertx, http, store, mappings::current, Clock.systemUTC(), metrics,
                webhookBaseUrl);
    }

    /** Lets the connector register its handlers for {@code context}, as the hub does on start. */
    public ConnectionHandlers register(Connector connector, HubConnectionContext context) {
        ConnectionHandlers handlers = new ConnectionHandlers(context.connectionId());
        connector.register(context, handlers);
        return handlers;
    }

    /** Saves a mapping table and makes it visible to every context's {@code mappings()}. */
    public void putMappingTable(String name, Map<String, String> entries, String defaultValue) throws Exception {
        mappings.put(new MappingTable(name, entries, defaultValue, List.of(), List.of())).await(10, TimeUnit.SECONDS);
    }

    public SyncStore store() {
        return store;
    }

    public MappingTablesService mappings() {
        return mappings;
    }

    public HubMetrics metrics() {
        return metrics;
    }

    public HubRemoteHttp http() {
        return http;
    }

    @Override
    public void close() throws Exception {
        http.close();
        store.close().await(10, TimeUnit.SECONDS);
    }
}
