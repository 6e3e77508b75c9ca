package dev.junction.hub.connection;

import dev.junction.api.ConnectionContext;
import dev.junction.api.http.RemoteHttp;
import dev.junction.api.mapping.MappingTables;
import dev.junction.api.service.ConnectionState;
import dev.junction.api.service.IdLink;
import dev.junction.api.service.IdLinks;
import dev.junction.api.service.Metrics;
import dev.junction.hub.store.SyncStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/** The services the hub hands one connection, each scoped to it and backed by the hub's store. */
public final class HubConnectionContext implements ConnectionContext {
    private final String connectionId;
    private final JsonObject config;
    private final Vertx vertx;
    private final RemoteHttp http;
    private final SyncStore store;
    private final Supplier<? extends MappingTables> mappings;
    private final Clock clock;
    private final Metrics metrics;
    private final String webhookUrl;
    private final Logger logger;

    public HubConnectionContext(String connectionId, JsonObject config, Vertx vertx, RemoteHttp http, SyncStore store,
                                Supplier<? extends MappingTables> mappings, Clock clock, Metrics metrics,
                                String webhookBaseUrl) {
        this.connectionId = connectionId;
        this.config = config.copy();
        this.vertx = vertx;
        this.http = http;
        this.store = store;
        this.mappings = mappings;
        this.clock = clock;
        this.metrics = metrics;
        this.webhookUrl = webhookBaseUrl + "/webhooks/" + connectionId;
        this.logger = LoggerFactory.getLogger("junction.connection." + connectionId);
    }

    @Override
    public String connectionId() {
        return connectionId;
    }

    @Override
    public JsonObject config() {
        return config.copy();
    }

    @Override
    public Vertx vertx() {
        return vertx;
    }

    @Override
    public RemoteHttp http() {
        return http;
    }

    @Override
    public IdLinks links() {
        return new IdLinks() {
            @Override
            public Future<Optional<String>> find(String entity, String fromConnection, String id, String toConnection) {
                return store.findLink(entity, fromConnection, id, toConnection);
            }

            @Override
            public Future<Void> put(IdLink link) {
                return store.putLink(link);
            }
        };
    }

    @Override
    public MappingTables mappings() {
        return mappings.get();
    }

    @Override
    public ConnectionState state() {
        return new ConnectionState() {
            @Override
            public Future<Optional<String>> get(String key) {
                return store.connectionState(connectionId, key);
            }

            @Override
            public Future<Void> put(String key, String value) {
                return store.putConnectionState(connectionId, key, value);
            }

            @Override
            public Future<Void> remove(String key) {
                return store.removeConnectionState(connectionId, key);
            }
        };
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public Logger logger() {
        return logger;
    }

    @Override
    public Metrics metrics() {
        return metrics;
    }

    @Override
    public String webhookUrl() {
        return webhookUrl;
    }

    /** Settings with the schema's defaults applied for absent keys. */
    public static JsonObject withDefaults(JsonObject config, dev.junction.api.ConfigSchema schema) {
        JsonObject out = config.copy();
        schema.fields().forEach(f -> {
            if (!out.containsKey(f.name()) && f.defaultValue() != null) {
                out.put(f.name(), f.defaultValue());
            }
        });
        return out;
    }

}
