package dev.junction.hub.admin;

import dev.junction.api.ConfigSchema;
import dev.junction.hub.Hub;
import dev.junction.hub.connection.ConnectionRuntime;
import dev.junction.hub.store.StoredConnection;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.junction.hub.admin.JsonResponses.endpoint;

/**
 * Connections CRUD. A PUT validates against the connector's schema (every problem listed), stores the
 * settings with the schema's secrets encrypted at rest, registers those secrets with the log masker and
 * (re)starts the connection.
 */
final class ConnectionRoutes {
    private static final String ID_PATTERN = "[a-z0-9][a-z0-9_-]{0,63}";
    private static final String EXAMPLE = "{\"connector\": \"brightpearl\", \"settings\": {...}}";

    private final Hub hub;
    private final ConnectorCatalog catalog;
    private final ConnectionViews views;

    ConnectionRoutes(Hub hub, ConnectorCatalog catalog, ConnectionViews views) {
        this.hub = hub;
        this.catalog = catalog;
        this.views = views;
    }

    void mount(Router router) {
        String base = AdminApi.BASE + "/connections";
        router.get(base).handler(endpoint(this::list));
        router.get(base + "/:id").handler(endpoint(this::get));
        router.put(base + "/:id").handler(endpoint(this::put));
        router.delete(base + "/:id").handler(endpoint(this::delete));
    }

    private Future<JsonObject> list(RoutingContext ctx) {
        return Ready.of(hub.store()).connections().map(all -> {
            JsonArray out = new JsonArray();
            all.stream().sorted(java.util.Comparator.comparing(StoredConnection::id)).forEach(c -> out.add(views.view(c)));
            return new JsonObject().put("connections", out);
        });
    }

    private Future<JsonObject> get(RoutingContext ctx) {
        return views.require(ctx.pathParam("id")).map(views::view);
    }

    private Future<JsonResponses.Reply> put(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        if (!id.matches(ID_PATTERN)) {
            throw ApiException.badRequest("connection id must be 1-64 lower-case letters, digits, '-' or '_' (it is part"
                    + " of the webhook URL), got '" + id + "'");
        }
        JsonObject body = Requests.body(ctx, EXAMPLE);
        if (body.getValue("id") != null && !id.equals(body.getValue("id"))) {
            throw ApiException.badRequest("the body's 'id' (" + body.getValue("id") + ") differs from the URL's (" + id
                    + "); a connection cannot be renamed, create the new id and delete the old one");
        }
        if (!(body.getValue("connector") instanceof String connectorId) || connectorId.isBlank()) {
            throw ApiException.badRequest("'connector' is required: the id of an installed connector, one of "
                    + catalog.installedIds() + "; send " + EXAMPLE);
        }
        Object rawSettings = body.getValue("settings");
        if (rawSettings != null && !(rawSettings instanceof JsonObject)) {
            throw ApiException.badRequest("'settings' must be an object of the connection's settings; send " + EXAMPLE);
        }
        JsonObject settings = rawSettings == null ? new JsonObject() : (JsonObject) rawSettings;
        ConnectorCatalog.Installed connector = catalog.require(connectorId);
        ConfigSchema schema = connector.descriptor().config();
        return Ready.of(hub.store()).connection(id).compose(existing -> {
            // a stored secret is only kept for the same connector: another connector's 'token' is another secret
            JsonObject stored = existing.filter(e -> e.connector().equals(connectorId))
                    .map(StoredConnection::config).orElseGet(JsonObject::new);
            SecretRedaction.Restored restored = SecretRedaction.restore(settings, stored, schema.secretNames());
            List<String> problems = new ArrayList<>(restored.problems());
            problems.addAll(schema.validate(restored.settings()));
            if (!problems.isEmpty()) {
                throw ApiException.invalid("the settings of connection '" + id + "' are not valid for connector '"
                        + connectorId + "'", problems);
            }
            StoredConnection toStore = new StoredConnection(id, connectorId, restored.settings(), schema.secretNames());
            SecretRedaction.registerWithLogMasker(toStore.config(), schema.secretNames());
            return hub.store().putConnection(toStore).compose(v -> {
                ConnectionRuntime rt = Ready.of(hub.connections()).start(toStore);
                // flows bound to the old handlers restart on the new ones (a failed start leaves them reporting why)
                return Ready.of(hub.engine()).rebindConnection(id).map(restarted -> {
                    JsonObject view = views.view(toStore);
                    if (!restarted.isEmpty()) {
                        view.put("restartedFlows", new io.vertx.core.json.JsonArray(restarted));
                    }
                    if (!rt.running()) {
                        view.put("error", rt.error());
                    }
                    return view;
                });
            }).map(view -> {
                if (views.declaredInConfig(id)) {
                    view.put("warning", "connection '" + id + "' is declared in the hub config file, which is applied"
                            + " again on the next start; change it there to make this permanent");
                }
                return new JsonResponses.Reply(existing.isPresent() ? 200 : 201, view);
            });
        });
    }

    private Future<Void> delete(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        return views.require(id).compose(c -> {
            List<String> flows = views.usedBy(id);
            if (!flows.isEmpty()) {
                throw ApiException.conflict("connection '" + id + "' is used by flows " + flows
                        + "; remove those flows from the configuration first");
            }
            if (views.declaredInConfig(id)) {
                throw ApiException.conflict("connection '" + id + "' is declared in the hub config file and would"
                        + " return on the next start; remove it from the file instead");
            }
            return hub.store().deleteConnection(id);
        }).map(deleted -> {
            Optional.ofNullable(hub.connections()).ifPresent(r -> r.remove(id));
            return null;
        });
    }
}
