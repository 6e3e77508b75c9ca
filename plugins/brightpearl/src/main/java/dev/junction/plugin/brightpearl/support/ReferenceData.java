package dev.junction.plugin.brightpearl.support;

import dev.junction.api.error.PermanentException;
import dev.junction.api.mapping.Choice;
import dev.junction.plugin.brightpearl.client.BrightpearlClient;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Brightpearl's lists that change rarely (sales order statuses, shipping methods, warehouses, channels, price
 * lists), cached for a few minutes, with name-or-id resolution for flow options such as
 * {@code statuses: "Ready to ship;Awaiting stock"} or {@code status: 5}.
 */
public final class ReferenceData {
    public static final String STATUSES = "/order-service/order-status";
    public static final String SHIPPING_METHODS = "/warehouse-service/shipping-method";
    public static final String WAREHOUSES = "/warehouse-service/warehouse";
    public static final String CHANNELS = "/product-service/channel";
    public static final String PRICE_LISTS = "/product-service/price-list";

    private final BrightpearlClient client;
    private final TtlCache<String, List<Choice>> lists;

    public ReferenceData(BrightpearlClient client, Clock clock) {
        this.client = client;
        this.lists = new TtlCache<>(clock, Duration.ofMinutes(10));
    }

    /** Id and name of each entry of a reference list; sales order statuses only for the statuses list. */
    public Future<List<Choice>> choices(String path) {
        return lists.get(path, () -> client.get(path).map(v -> toChoices(path, v)));
    }

    static List<Choice> toChoices(String path, Object v) {
        List<Choice> out = new ArrayList<>();
        if (!(v instanceof JsonArray arr)) {
            return out;
        }
        for (Object o : arr) {
            JsonObject j = (JsonObject) o;
            if (path.equals(STATUSES) && j.getString("orderTypeCode") != null && !"SO".equals(j.getString("orderTypeCode"))) {
                continue;
            }
            Object id = j.getValue(path.equals(STATUSES) ? "statusId" : "id");
            Object name = j.getValue("name");
            if (name instanceof JsonObject n) {
                name = n.getString("text"); // price lists name themselves per language
            }
            out.add(new Choice(String.valueOf(id), name == null ? String.valueOf(id) : name.toString()));
        }
        return out;
    }

    /** Resolves one name or id (case-insensitive name) in a list; unknown → a message listing the known ones. */
    public Future<Long> resolve(String path, String what, String nameOrId) {
        return choices(path).map(list -> resolveIn(list, what, nameOrId));
    }

    /** Resolves a semicolon-separated list of names or ids. */
    public Future<Set<Long>> resolveAll(String path, String what, String namesOrIds) {
        return choices(path).map(list -> {
            Set<Long> ids = new LinkedHashSet<>();
            for (String part : namesOrIds.split(";")) {
                if (!part.isBlank()) {
                    ids.add(resolveIn(list, what, part));
                }
            }
            return ids;
        });
    }

    /** The name of an entry by id, if listed. */
    public Future<Optional<String>> name(String path, Object id) {
        if (id == null) {
            return Future.succeededFuture(Optional.empty());
        }
        return choices(path).map(list -> list.stream().filter(c -> c.id().equals(String.valueOf(id)))
                .map(Choice::label).findFirst());
    }

    /** An entry whose name equals {@code name} exactly (case-insensitive), if any. */
    public Future<Optional<Long>> exactName(String path, String name) {
        if (name == null || name.isBlank()) {
            return Future.succeededFuture(Optional.empty());
        }
        return choices(path).map(list -> list.stream().filter(c -> c.label().trim().equalsIgnoreCase(name.trim()))
                .map(c -> Long.parseLong(c.id())).findFirst());
    }

    static long resolveIn(List<Choice> list, String what, String nameOrId) {
        String wanted = nameOrId.trim();
        for (Choice c : list) {
            if (c.id().equals(wanted)) {
                return Long.parseLong(c.id());
            }
        }
        for (Choice c : list) {
            if (c.label().trim().toLowerCase(Locale.ROOT).equals(wanted.toLowerCase(Locale.ROOT))) {
                return Long.parseLong(c.id());
            }
        }
        throw new PermanentException("Brightpearl has no " + what + " '" + wanted + "'; known: "
                + list.stream().map(Choice::label).toList() + " (names are matched ignoring case, or give the id)");
    }
}
