package dev.junction.hub.admin;

import dev.junction.api.mapping.Choice;
import dev.junction.hub.Hub;
import dev.junction.hub.store.MappingTable;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static dev.junction.hub.admin.JsonResponses.endpoint;

/**
 * Mapping tables. A PUT replaces entries and default but keeps the choice lists that reference-data
 * refreshes filled, and goes through MappingTablesService so running flows take the new snapshot whole.
 */
final class MappingRoutes {
    private static final String NAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,99}";
    private static final String EXAMPLE = "{\"entries\": {\"Free Shipping\": \"7\"}, \"default\": \"3\"}";

    private final Hub hub;

    MappingRoutes(Hub hub) {
        this.hub = hub;
    }

    void mount(Router router) {
        String base = AdminApi.BASE + "/mappings";
        router.get(base).handler(endpoint(this::list));
        router.get(base + "/:name").handler(endpoint(this::get));
        router.put(base + "/:name").handler(endpoint(this::put));
    }

    private Future<JsonObject> list(RoutingContext ctx) {
        return Ready.of(hub.store()).mappingTables().map(all -> {
            JsonArray out = new JsonArray();
            all.stream().sorted(java.util.Comparator.comparing(MappingTable::name)).forEach(t -> out.add(view(t)));
            return new JsonObject().put("tables", out).put("mappingVersion", Ready.of(hub.mappings()).current().version());
        });
    }

    private Future<JsonObject> get(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        return Ready.of(hub.store()).mappingTable(name).map(t -> view(t.orElseThrow(() -> ApiException.notFound(
                "no mapping table '" + name + "'; GET /api/v1/mappings lists them, PUT creates one"))));
    }

    private Future<JsonResponses.Reply> put(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        requireValidName(name);
        JsonObject body = Requests.body(ctx, EXAMPLE);
        List<String> problems = new ArrayList<>();
        Map<String, String> entries = entries(body.getValue("entries"), problems);
        String dflt = scalar(body.getValue("default"), "'default'", problems);
        if (!problems.isEmpty()) {
            throw ApiException.invalid("mapping table '" + name + "' is not valid", problems);
        }
        return Ready.of(hub.store()).mappingTable(name).compose(existing -> {
            MappingTable table = new MappingTable(name, entries, dflt,
                    existing.map(MappingTable::sourceChoices).orElse(List.of()),
                    existing.map(MappingTable::targetChoices).orElse(List.of()));
            return Ready.of(hub.mappings()).put(table).map(snapshot -> {
                JsonObject v = view(table).put("mappingVersion", snapshot.version());
                List<String> unknown = unknownTargets(table);
                if (!unknown.isEmpty()) {
                    // saved anyway: the choice list may be stale; the merchant decides
                    v.put("warnings", new JsonArray(unknown));
                }
                return new JsonResponses.Reply(existing.isPresent() ? 200 : 201, v);
            });
        });
    }

    static void requireValidName(String name) {
        if (name == null || !name.matches(NAME_PATTERN)) {
            throw ApiException.badRequest("mapping table name must be 1-100 letters, digits, '.', '_' or '-', got '"
                    + name + "'");
        }
    }

    private static Map<String, String> entries(Object raw, List<String> problems) {
        if (!(raw instanceof JsonObject json)) {
            problems.add("'entries' is required: an object from source value to target value, such as " + EXAMPLE);
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String key : json.fieldNames()) {
            if (key.isBlank()) {
                problems.add("'entries' has a blank key; every entry maps a source value");
                continue;
            }
            Object value = json.getValue(key);
            if (value == null) {
                problems.add("entry '" + key + "' has no target value; remove it or give it one");
                continue;
            }
            String v = scalar(value, "entry '" + key + "'", problems);
            if (v != null) {
                out.put(key, v);
            }
        }
        return out;
    }

    /** A string, number or boolean as text (ids such as 7 are often sent as numbers); null stays null. */
    private static String scalar(Object v, String what, List<String> problems) {
        if (v == null) {
            return null;
        }
        if (v instanceof String || v instanceof Number || v instanceof Boolean) {
            return String.valueOf(v);
        }
        problems.add(what + " must be a text value, got " + (v instanceof JsonObject ? "an object" : "a list"));
        return null;
    }

    private static List<String> unknownTargets(MappingTable t) {
        if (t.targetChoices().isEmpty()) {
            return List.of();
        }
        Set<String> ids = t.targetChoices().stream().map(Choice::id).collect(Collectors.toSet());
        List<String> out = new ArrayList<>();
        new TreeMap<>(t.entries()).forEach((k, v) -> {
            if (!ids.contains(v)) {
                out.add("entry '" + k + "' maps to '" + v + "', which is not among the table's target choices");
            }
        });
        if (t.defaultValue() != null && !ids.contains(t.defaultValue())) {
            out.add("default '" + t.defaultValue() + "' is not among the table's target choices");
        }
        return out;
    }

    static JsonObject view(MappingTable t) {
        return new JsonObject().put("name", t.name()).put("entries", new JsonObject(new TreeMap<String, Object>(t.entries())))
                .put("default", t.defaultValue()).put("sourceChoices", choices(t.sourceChoices()))
                .put("targetChoices", choices(t.targetChoices()));
    }

    static JsonArray choices(List<Choice> choices) {
        JsonArray out = new JsonArray();
        choices.forEach(c -> out.add(new JsonObject().put("id", c.id()).put("label", c.label())));
        return out;
    }
}
