package dev.junction.hub.admin;

import dev.junction.hub.Hub;
import dev.junction.hub.connection.ConnectionRuntime;
import dev.junction.hub.flow.FlowConfig;
import dev.junction.hub.flow.FlowRuntime;
import dev.junction.hub.store.StoredConnection;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A connection as the API shows it: settings with secrets redacted, run state, handlers, and who uses it. */
final class ConnectionViews {
    private final Hub hub;
    private final ConnectorCatalog catalog;

    ConnectionViews(Hub hub, ConnectorCatalog catalog) {
        this.hub = hub;
        this.catalog = catalog;
    }

    Future<StoredConnection> require(String id) {
        return Ready.of(hub.store()).connection(id).map(found -> found.orElseThrow(() -> ApiException.notFound(
                "no connection '" + id + "'; GET /api/v1/connections lists them")));
    }

    JsonObject view(StoredConnection c) {
        Set<String> secrets = catalog.secretNames(c.connector(), c.secretFields());
        JsonObject v = new JsonObject().put("id", c.id()).put("connector", c.connector())
                .put("connectorInstalled", catalog.find(c.connector()).isPresent())
                .put("settings", SecretRedaction.redact(c.config(), secrets))
                .put("secretSettings", new JsonArray(List.copyOf(secrets)))
                .put("declaredInConfig", declaredInConfig(c.id()))
                .put("usedBy", new JsonArray(usedBy(c.id())));
        Optional<ConnectionRuntime> rt = Ready.of(hub.connections()).get(c.id());
        if (rt.isEmpty()) {
            return v.put("status", "STOPPED");
        }
        ConnectionRuntime r = rt.get();
        v.put("status", r.status()).put("error", SecretRedaction.mask(r.error()));
        if (r.handlers() != null) {
            v.put("sources", new JsonArray(r.handlers().sourceStreams()))
                    .put("sinks", new JsonArray(r.handlers().sinkStreams()))
                    .put("webhooks", r.handlers().webhooks().isPresent())
                    .put("referenceData", new JsonArray(List.copyOf(r.handlers().referenceData().keySet())));
        }
        return v;
    }

    /** Ids of the flows whose source or sink is this connection. */
    List<String> usedBy(String connectionId) {
        if (hub.engine() == null) {
            return hub.config().flows().stream().filter(f -> uses(f, connectionId)).map(FlowConfig::id).toList();
        }
        return hub.engine().flows().stream().map(FlowRuntime::config).filter(f -> uses(f, connectionId))
                .map(FlowConfig::id).toList();
    }

    boolean declaredInConfig(String connectionId) {
        return hub.config().connections().stream().anyMatch(c -> c.id().equals(connectionId));
    }

    private static boolean uses(FlowConfig f, String connectionId) {
        return f.source().connection().equals(connectionId) || f.sink().connection().equals(connectionId);
    }
}
