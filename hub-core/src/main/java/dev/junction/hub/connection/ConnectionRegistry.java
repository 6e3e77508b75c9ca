package dev.junction.hub.connection;

import dev.junction.api.ConfigSchema;
import dev.junction.api.ConnectorDescriptor;
import dev.junction.api.http.RemoteHttp;
import dev.junction.api.service.Metrics;
import dev.junction.hub.plugin.PluginHost;
import dev.junction.hub.plugin.PluginHost.LoadedConnector;
import dev.junction.hub.store.StoredConnection;
import dev.junction.hub.store.SyncStore;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Starts connections: finds each one's connector, validates its settings against the connector's schema,
 * builds its context and lets the connector register handlers. A connection that cannot start is kept
 * with status FAILED and a reason; the hub and every other connection keep running.
 */
public final class ConnectionRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionRegistry.class);

    private final Vertx vertx;
    private final PluginHost plugins;
    private final SyncStore store;
    private final RemoteHttp http;
    private final MappingTablesService mappings;
    private final Clock clock;
    private final Metrics metrics;
    private final String webhookBaseUrl;
    private final Map<String, ConnectionRuntime> runtimes = new ConcurrentHashMap<>();

    public ConnectionRegistry(Vertx vertx, PluginHost plugins, SyncStore store, RemoteHttp http,
                              MappingTablesService mappings, Clock clock, Metrics metrics, String webhookBaseUrl) {
        this.vertx = vertx;
        this.plugins = plugins;
        this.store = store;
        this.http = http;
        this.mappings = mappings;
        this.clock = clock;
        this.metrics = metrics;
        this.webhookBaseUrl = webhookBaseUrl;
    }

    /** Starts (or restarts) one connection from its stored settings. */
    public ConnectionRuntime start(StoredConnection stored) {
        Optional<LoadedConnector> loaded = plugins.connector(stored.connector());
        if (loaded.isEmpty()) {
            return failed(stored, null, "connector '" + stored.connector() + "' is not installed; installed: "
                    + plugins.connectors().keySet() + " (see /api/v1/plugins for plugins that failed to load)");
        }
        LoadedConnector lc = loaded.get();
        try {
            ConnectorDescriptor d = PluginHost.withClassLoader(lc.classLoader(), () -> lc.connector().descriptor());
            ConfigSchema schema = d.config();
            List<String> problems = schema.validate(stored.config());
            if (!problems.isEmpty()) {
                return failed(stored, lc, "settings are not valid: " + String.join("; ", problems));
            }
            JsonObject config = HubConnectionContext.withDefaults(stored.config(), schema);
            HubConnectionContext ctx = new HubConnectionContext(stored.id(), config, vertx, http, store,
                    mappings::current, clock, metrics, webhookBaseUrl);
            ConnectionHandlers handlers = new ConnectionHandlers(stored.id());
            PluginHost.withClassLoader(lc.classLoader(), () -> {
                lc.connector().register(ctx, handlers);
                return null;
            });
            ConnectionRuntime rt = new ConnectionRuntime(stored.id(), stored.connector(), lc, ctx, handlers, "RUNNING", null);
            runtimes.put(stored.id(), rt);
            LOG.info("Connection {} ({}) started: sources {}, sinks {}", stored.id(), stored.connector(),
                    handlers.sourceStreams(), handlers.sinkStreams());
            return rt;
        } catch (RuntimeException | LinkageError e) {
            return failed(stored, lc, "the connector failed while starting: " + PluginHostMessages.describe(e));
        }
    }

    private ConnectionRuntime failed(StoredConnection stored, LoadedConnector lc, String reason) {
        LOG.error("Connection {} ({}) not started: {}", stored.id(), stored.connector(), reason);
        ConnectionRuntime rt = new ConnectionRuntime(stored.id(), stored.connector(), lc, null, null, "FAILED", reason);
        runtimes.put(stored.id(), rt);
        return rt;
    }

    public Optional<ConnectionRuntime> get(String id) {
        return Optional.ofNullable(runtimes.get(id));
    }

    public Map<String, ConnectionRuntime> all() {
        return Map.copyOf(runtimes);
    }

    public void remove(String id) {
        runtimes.remove(id);
    }

    /** A context for a connection not (yet) saved, to check settings before storing them. */
    public HubConnectionContext transientContext(String id, JsonObject config) {
        return new HubConnectionContext(id, config, vertx, http, store, mappings::current, clock, metrics, webhookBaseUrl);
    }
}
