package dev.junction.plugin.bigcommerce.orders;

import dev.junction.api.error.PermanentException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The flow option {@code statuses}: which BigCommerce statuses to import, as ids or names, in a JSON array
 * or a comma-separated string (e.g. {@code [11]} for paid orders only, {@code "11,1"} to include pending).
 * Absent means all statuses except Incomplete (abandoned checkouts are never orders a merchant wants).
 */
public record StatusFilter(Set<Integer> ids) {

    public static final String OPTION = "statuses";
    private static final int INCOMPLETE = 0;

    public static StatusFilter from(JsonObject options) {
        Object value = options.getValue(OPTION);
        List<String> entries = new ArrayList<>();
        if (value instanceof JsonArray array) {
            array.forEach(v -> entries.add(String.valueOf(v)));
        } else if (value != null) {
            for (String s : String.valueOf(value).split(",")) {
                entries.add(s);
            }
        }
        Set<Integer> ids = new LinkedHashSet<>();
        for (String e : entries) {
            if (e.isBlank()) {
                continue;
            }
            ids.add(OrderStatuses.idOf(e).orElseThrow(() -> new PermanentException("Flow option 'statuses' names '"
                    + e.trim() + "', which is not a BigCommerce order status; use ids 0-14 or names such as "
                    + "'Awaiting Fulfillment' or 'Pending'")));
        }
        return new StatusFilter(Set.copyOf(ids));
    }

    public boolean matches(JsonObject order) {
        Integer status = order.getInteger("status_id");
        if (ids.isEmpty()) {
            return status == null || status != INCOMPLETE;
        }
        return status != null && ids.contains(status);
    }

    /** The one status to filter on server-side, when exactly one is wanted (v2 filters by a single id). */
    public Optional<Integer> single() {
        return ids.size() == 1 ? Optional.of(ids.iterator().next()) : Optional.empty();
    }

    public String describe() {
        return ids.isEmpty() ? "any status but Incomplete"
                : ids.stream().sorted().map(id -> OrderStatuses.all().get(id) + " (" + id + ")").toList().toString();
    }
}
