package dev.junction.hub.admin;

import dev.junction.hub.Hub;
import dev.junction.hub.plugin.PluginStatus;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import static dev.junction.hub.admin.JsonResponses.endpoint;

/** {@code GET /api/v1/plugins}: what loaded, what did not and why, and each connector's settings schema. */
final class PluginRoutes {
    private final ConnectorCatalog catalog;

    PluginRoutes(Hub hub) {
        this.catalog = new ConnectorCatalog(hub);
    }

    void mount(Router router) {
        router.get(AdminApi.BASE + "/plugins").handler(endpoint(this::list));
    }

    private Future<JsonObject> list(RoutingContext ctx) {
        JsonArray out = new JsonArray();
        for (PluginStatus s : catalog.plugins().statuses()) {
            JsonArray connectors = new JsonArray();
            for (String id : s.connectors()) {
                connectors.add(connector(id));
            }
            out.add(new JsonObject().put("id", s.id()).put("version", s.version()).put("requires", s.requires())
                    .put("state", s.state()).put("running", s.running()).put("error", SecretRedaction.mask(s.error()))
                    // the file name is enough to find it in the plugins folder; the full path says nothing more
                    .put("file", s.path() == null || s.path().getFileName() == null ? null : s.path().getFileName().toString())
                    .put("connectors", connectors));
        }
        return Future.succeededFuture(new JsonObject().put("plugins", out));
    }

    private JsonObject connector(String id) {
        JsonObject c = new JsonObject().put("id", id);
        try {
            catalog.find(id).ifPresent(i -> c.put("displayName", i.descriptor().displayName())
                    .put("version", i.descriptor().version())
                    .put("configSchema", i.descriptor().config().toJsonSchema()));
        } catch (RuntimeException | LinkageError e) {
            // one connector whose descriptor throws must not hide every other plugin from the list
            c.put("error", "its descriptor failed: " + SecretRedaction.mask(e.toString()));
        }
        return c;
    }
}
