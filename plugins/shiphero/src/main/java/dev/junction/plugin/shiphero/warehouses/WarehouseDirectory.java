package dev.junction.plugin.shiphero.warehouses;

import dev.junction.api.error.PermanentException;
import dev.junction.api.mapping.Choice;
import dev.junction.plugin.shiphero.client.Queries;
import dev.junction.plugin.shiphero.client.ShipHeroClient;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The account's warehouses ({@code account{data{warehouses}}}: ShipHero has no warehouses query), kept
 * for five minutes so each order does not cost a lookup. Resolves a mapping-table value to the warehouse.
 */
public final class WarehouseDirectory {
    private static final Duration TTL = Duration.ofMinutes(5);

    private final ShipHeroClient client;
    private final Clock clock;
    private List<JsonObject> cached;
    private long fetchedAt;

    public WarehouseDirectory(ShipHeroClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    public synchronized Future<List<JsonObject>> all() {
        if (cached != null && clock.millis() - fetchedAt < TTL.toMillis()) {
            return Future.succeededFuture(cached);
        }
        return client.call("account", Queries.ACCOUNT, null).map(a -> {
            JsonArray ws = a.getJsonObject("data", new JsonObject()).getJsonArray("warehouses", new JsonArray());
            List<JsonObject> list = new ArrayList<>();
            ws.forEach(w -> list.add((JsonObject) w));
            synchronized (this) {
                cached = List.copyOf(list);
                fetchedAt = clock.millis();
            }
            return list;
        });
    }

    /** The warehouse a table value names, or a failure listing the warehouses there are. */
    public Future<JsonObject> resolve(String value, String table) {
        return all().compose(list -> {
            Optional<JsonObject> hit = list.stream().filter(w -> WarehouseTable.names(value, w.getString("id"),
                    ShipHeroIds.legacy(w.getValue("legacy_id")), w.getString("identifier"))).findFirst();
            if (hit.isPresent()) {
                return Future.succeededFuture(hit.get());
            }
            List<String> known = list.stream().map(w -> w.getString("identifier") + " (" + w.getValue("legacy_id") + ")").toList();
            return Future.failedFuture(new PermanentException("table '" + table + "' maps to ShipHero warehouse '" + value
                    + "', which this ShipHero account does not have; its warehouses are " + known));
        });
    }

    public Future<List<Choice>> choices() {
        return all().map(list -> list.stream().map(w -> new Choice(w.getString("id"), w.getString("identifier")
                + (w.getString("company_name") == null ? "" : " (" + w.getString("company_name") + ")"))).toList());
    }
}
