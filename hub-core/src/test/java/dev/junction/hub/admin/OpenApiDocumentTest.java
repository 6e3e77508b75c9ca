package dev.junction.hub.admin;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written OpenAPI document and the router must describe the same endpoints. */
class OpenApiDocumentTest extends AdminApiTestBase {
    private static final Set<String> OPERATIONS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedOperationIsRouted() throws Exception {
        JsonObject doc = json(get("/api/v1/openapi.json"));
        assertThat(doc.getJsonArray("servers").getJsonObject(0).getString("url")).isEqualTo(AdminApi.BASE);

        Set<String> documented = new TreeSet<>();
        JsonObject paths = doc.getJsonObject("paths");
        for (String path : paths.fieldNames()) {
            for (String op : paths.getJsonObject(path).fieldNames()) {
                if (OPERATIONS.contains(op)) {
                    documented.add(op.toUpperCase(Locale.ROOT) + " " + path);
                }
            }
        }

        Router router = Router.router(vertx);
        new AdminApi(hub).mount(router);
        Set<String> routed = new TreeSet<>();
        for (Route r : router.getRoutes()) {
            if (r.methods() == null || r.methods().isEmpty() || r.getPath() == null || !r.getPath().startsWith(AdminApi.BASE)) {
                continue; // authentication, the JSON 404 and the failure handler apply to every path
            }
            String path = r.getPath().substring(AdminApi.BASE.length()).replaceAll(":([A-Za-z0-9_]+)", "{$1}");
            for (HttpMethod m : r.methods()) {
                routed.add(m.name() + " " + path);
            }
        }
        assertThat(routed).as("routes under /api/v1").hasSizeGreaterThan(20);
        assertThat(documented).isEqualTo(routed);
    }

    @Test
    void everyReferenceInTheDocumentResolves() throws Exception {
        JsonObject doc = json(get("/api/v1/openapi.json"));
        Set<String> refs = new HashSet<>();
        collectRefs(doc, refs);
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            assertThat(ref).startsWith("#/");
            Object node = doc;
            for (String part : ref.substring(2).split("/")) {
                node = node instanceof JsonObject o ? o.getValue(part) : null;
            }
            assertThat(node).as(ref).isInstanceOf(JsonObject.class);
        }
    }

    private static void collectRefs(Object node, Set<String> out) {
        if (node instanceof JsonObject o) {
            o.forEach(e -> {
                if (e.getKey().equals("$ref")) {
                    out.add((String) e.getValue());
                } else {
                    collectRefs(e.getValue(), out);
                }
            });
        } else if (node instanceof JsonArray a) {
            a.forEach(v -> collectRefs(v, out));
        }
    }
}
