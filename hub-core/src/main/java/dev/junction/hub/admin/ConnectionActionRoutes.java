package dev.junction.hub.admin;

import dev.junction.api.CheckResult;
import dev.junction.api.ConfigSchema;
import dev.junction.api.ConnectionContext;
import dev.junction.api.mapping.Choice;
import dev.junction.api.mapping.ReferenceDataSource;
import dev.junction.hub.Hub;
import dev.junction.hub.connection.ConnectionRuntime;
import dev.junction.hub.connection.HubConnectionContext;
import dev.junction.hub.plugin.PluginHost;
import dev.junction.hub.store.MappingTable;
import dev.junction.hub.store.StoredConnection;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static dev.junction.hub.admin.JsonResponses.endpoint;

/**
 * What a connection can do on request: check its settings against the remote (saved ones, or a form not
 * saved yet), and read reference data (shipping methods, warehouses ...) into a mapping table's choices.
 */
final class ConnectionActionRoutes {
    /** A check that hangs is an answer too: the remote is not reachable in a useful time. */
    private static final long CHECK_TIMEOUT_S = 30;

    private final Hub hub;
    private final ConnectorCatalog catalog;
    private final ConnectionViews views;

    ConnectionActionRoutes(Hub hub, ConnectorCatalog catalog, ConnectionViews views) {
        this.hub = hub;
        this.catalog = catalog;
        this.views = views;
    }

    void mount(Router router) {
        String base = AdminApi.BASE + "/connections/:id";
        router.post(base + "/check").handler(endpoint(this::check));
        router.get(base + "/reference-data").handler(endpoint(this::referenceNames));
        router.get(base + "/reference-data/:name").handler(endpoint(this::referencePreview));
        router.post(base + "/reference-data/:name").handler(endpoint(this::referenceRefresh));
    }

    // ---- check ----

    private Future<JsonObject> check(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        Optional<JsonObject> body = Requests.optionalBody(ctx);
        return Ready.of(hub.store()).connection(id).compose(stored -> {
            if (body.isPresent() && body.get().getValue("settings") != null) {
                return checkUnsaved(id, body.get(), stored);
            }
            StoredConnection c = stored.orElseThrow(() -> ApiException.notFound("no connection '" + id
                    + "'; to check settings before saving them, send {\"connector\": ..., \"settings\": {...}}"));
            return checkSaved(c);
        }).map(r -> new JsonObject().put("ok", r.ok()).put("reason", SecretRedaction.mask(r.reason())));
    }

    private Future<CheckResult> checkUnsaved(String id, JsonObject body, Optional<StoredConnection> stored) {
        if (!(body.getValue("settings") instanceof JsonObject settings)) {
            throw ApiException.badRequest("'settings' must be an object of the connection's settings");
        }
        String connectorId = body.getValue("connector") instanceof String s ? s
                : stored.map(StoredConnection::connector).orElseThrow(() -> ApiException.badRequest(
                        "'connector' is required to check settings of a connection not saved yet; installed: "
                                + catalog.installedIds()));
        ConnectorCatalog.Installed connector = catalog.require(connectorId);
        ConfigSchema schema = connector.descriptor().config();
        JsonObject kept = stored.filter(c -> c.connector().equals(connectorId)).map(StoredConnection::config)
                .orElseGet(JsonObject::new);
        SecretRedaction.Restored restored = SecretRedaction.restore(settings, kept, schema.secretNames());
        List<String> problems = new ArrayList<>(restored.problems());
        problems.addAll(schema.validate(restored.settings()));
        if (!problems.isEmpty()) {
            throw ApiException.invalid("the settings are not valid for connector '" + connectorId + "'", problems);
        }
        // unsaved secrets are masked too: the connector may log them while checking
        SecretRedaction.registerWithLogMasker(restored.settings(), schema.secretNames());
        HubConnectionContext context = Ready.of(hub.connections()).transientContext(id,
                HubConnectionContext.withDefaults(restored.settings(), schema));
        return runCheck(connector, context);
    }

    private Future<CheckResult> checkSaved(StoredConnection c) {
        Optional<ConnectorCatalog.Installed> connector = catalog.find(c.connector());
        if (connector.isEmpty()) {
            return Future.succeededFuture(CheckResult.failed("connector '" + c.connector() + "' is not installed; installed: "
                    + catalog.installedIds()));
        }
        Optional<ConnectionRuntime> rt = Ready.of(hub.connections()).get(c.id()).filter(r -> r.context() != null);
        if (rt.isPresent()) {
            return runCheck(connector.get(), rt.get().context());
        }
        ConfigSchema schema = connector.get().descriptor().config();
        List<String> problems = schema.validate(c.config());
        if (!problems.isEmpty()) {
            return Future.succeededFuture(CheckResult.failed("settings are not valid: " + String.join("; ", problems)));
        }
        return runCheck(connector.get(), hub.connections().transientContext(c.id(),
                HubConnectionContext.withDefaults(c.config(), schema)));
    }

    private static Future<CheckResult> runCheck(ConnectorCatalog.Installed connector, ConnectionContext context) {
        Future<CheckResult> result;
        try {
            result = PluginHost.withClassLoader(connector.loaded().classLoader(),
                    () -> connector.loaded().connector().check(context));
        } catch (RuntimeException | LinkageError e) {
            result = Future.failedFuture(e);
        }
        return result.timeout(CHECK_TIMEOUT_S, TimeUnit.SECONDS)
                .recover(e -> Future.succeededFuture(CheckResult.failed(
                        e instanceof java.util.concurrent.TimeoutException
                                ? "the connector's check did not answer within " + CHECK_TIMEOUT_S + " s"
                                : "the connector's check failed: " + e)));
    }

    // ---- reference data ----

    private Future<JsonObject> referenceNames(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        return running(id).map(rt -> new JsonObject().put("connection", id)
                .put("names", new JsonArray(List.copyOf(rt.handlers().referenceData().keySet()))));
    }

    private Future<JsonObject> referencePreview(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        return fetch(ctx.pathParam("id"), name)
                .map(choices -> new JsonObject().put("name", name).put("choices", MappingRoutes.choices(choices)));
    }

    /** Reads one reference list and stores it as a mapping table's choices (target side unless {@code side=source}). */
    private Future<JsonObject> referenceRefresh(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        String name = ctx.pathParam("name");
        String table = Requests.query(ctx, "table").orElseThrow(() -> ApiException.badRequest("query parameter 'table'"
                + " is required: the mapping table whose choices these are, e.g. ?table=shipping-methods"));
        MappingRoutes.requireValidName(table);
        String side = Requests.query(ctx, "side").orElse("target");
        if (!side.equals("target") && !side.equals("source")) {
            throw ApiException.badRequest("'side' must be 'target' or 'source', got '" + side + "'");
        }
        return fetch(id, name).compose(choices -> Ready.of(hub.store()).mappingTable(table).compose(existing -> {
            MappingTable t = existing.orElseGet(() -> new MappingTable(table, Map.of(), null, List.of(), List.of()));
            MappingTable updated = side.equals("target")
                    ? new MappingTable(table, t.entries(), t.defaultValue(), t.sourceChoices(), choices)
                    : new MappingTable(table, t.entries(), t.defaultValue(), choices, t.targetChoices());
            return Ready.of(hub.mappings()).put(updated).map(snapshot -> new JsonObject()
                    .put("connection", id).put("referenceData", name).put("side", side).put("count", choices.size())
                    .put("table", MappingRoutes.view(updated)).put("mappingVersion", snapshot.version()));
        }));
    }

    private Future<List<Choice>> fetch(String id, String name) {
        return running(id).compose(rt -> {
            ReferenceDataSource source = rt.handlers().referenceData().get(name);
            if (source == null) {
                throw ApiException.notFound("connection '" + id + "' has no reference data '" + name + "'; it offers "
                        + rt.handlers().referenceData().keySet());
            }
            return PluginHost.withClassLoader(rt.classLoader(), source::fetch).recover(e -> Future.failedFuture(
                    new ApiException(502, "reading reference data '" + name + "' from connection '" + id + "' failed: "
                            + SecretRedaction.mask(String.valueOf(e.getMessage())))));
        });
    }

    private Future<ConnectionRuntime> running(String id) {
        return views.require(id).map(c -> {
            ConnectionRuntime rt = Ready.of(hub.connections()).get(id).orElseThrow(() -> ApiException.conflict(
                    "connection '" + id + "' is not started"));
            if (!rt.running() || rt.handlers() == null) {
                throw ApiException.conflict("connection '" + id + "' is not running: " + SecretRedaction.mask(rt.error()));
            }
            return rt;
        });
    }
}
