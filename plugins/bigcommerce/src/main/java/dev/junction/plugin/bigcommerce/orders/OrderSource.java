package dev.junction.plugin.bigcommerce.orders;

import dev.junction.api.error.SkipException;
import dev.junction.api.source.PollRequest;
import dev.junction.api.source.SourceHandler;
import dev.junction.api.source.SourcePage;
import dev.junction.api.source.SourceRecord;
import dev.junction.plugin.bigcommerce.client.BcDates;
import dev.junction.plugin.bigcommerce.client.BigCommerceClient;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * BigCommerce v2 orders changed in a window, oldest modification first. Serves two streams: {@code orders}
 * (each order with its products, shipping addresses and coupons embedded, so the mapper needs no I/O) and
 * {@code order-status-changes} (the order alone, for its status).
 *
 * <p>A record's version is BigCommerce's {@code date_modified}, so one unchanged order seen by a webhook,
 * the hourly sweep and the nightly reconciliation is one sync record, and any change makes a new one. On
 * {@code order-status-changes} it is {@code date_modified} plus the status, because {@code date_modified}
 * has whole seconds and two status changes within one second are still two changes.
 */
public final class OrderSource implements SourceHandler {

    private final BigCommerceClient client;
    private final boolean embedSubResources;

    private OrderSource(BigCommerceClient client, boolean embedSubResources) {
        this.client = client;
        this.embedSubResources = embedSubResources;
    }

    public static OrderSource orders(BigCommerceClient client) {
        return new OrderSource(client, true);
    }

    public static OrderSource statusChanges(BigCommerceClient client) {
        return new OrderSource(client, false);
    }

    @Override
    public Future<SourcePage> poll(PollRequest request) {
        StatusFilter filter;
        PollCursor cursor;
        try {
            filter = StatusFilter.from(request.options());
            cursor = request.pageToken() == null ? PollCursor.start(request.since()) : PollCursor.decode(request.pageToken());
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
        int limit = BigCommerceClient.V2_MAX_LIMIT;
        Map<String, String> query = new LinkedHashMap<>();
        cursor.minFilter().ifPresent(min -> query.put("min_date_modified", min));
        if (request.until() != null) {
            query.put("max_date_modified", BcDates.filter(request.until()));
        }
        filter.single().ifPresent(status -> query.put("status_id", Integer.toString(status)));
        // Ascending is the default direction; the official spec's enum has no ":asc" form, so none is sent.
        query.put("sort", "date_modified");
        query.put("page", Integer.toString(cursor.page()));
        query.put("limit", Integer.toString(limit));
        int maxRecords = Math.max(1, request.pageSize());
        return client.getList("/v2/orders", query).compose(raw -> {
            List<JsonObject> orders = new ArrayList<>();
            raw.forEach(o -> orders.add((JsonObject) o));
            PollCursor.Step step = cursor.step(orders, limit, maxRecords, request.until());
            List<Future<SourceRecord>> records = new ArrayList<>();
            for (JsonObject order : step.orders()) {
                if (filter.matches(order)) {
                    records.add(toRecord(order));
                }
            }
            return Future.all(records).map(all -> new SourcePage(all.<SourceRecord>list(), step.next().map(PollCursor::encode)));
        });
    }

    @Override
    public Future<Optional<SourceRecord>> fetch(String id, JsonObject options) {
        if (id == null || !id.trim().matches("\\d+")) {
            return Future.succeededFuture(Optional.empty());
        }
        StatusFilter filter;
        try {
            filter = StatusFilter.from(options == null ? new JsonObject() : options);
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
        return client.getObject("/v2/orders/" + id.trim(), Map.of()).compose(found -> {
            if (found.isEmpty() || Boolean.TRUE.equals(found.get().getValue("is_deleted"))) {
                return Future.succeededFuture(Optional.empty());
            }
            JsonObject order = found.get();
            if (!filter.matches(order)) {
                return Future.failedFuture(new SkipException("BigCommerce order " + id + " is " + order.getString("status")
                        + "; this flow imports " + filter.describe() + " (flow option 'statuses')"));
            }
            return toRecord(order).map(Optional::of);
        });
    }

    private Future<SourceRecord> toRecord(JsonObject order) {
        String id = String.valueOf(order.getValue("id"));
        String version = order.getString("date_modified");
        if (!embedSubResources) {
            // date_modified counts whole seconds: two status changes within one second (a merchant's quick
            // correction, an app's automation) would share it and the second would be dropped as a
            // duplicate, so the status is part of this stream's version.
            String statusVersion = version + "|status:" + order.getValue("status_id");
            JsonObject payload = order.copy();
            // The sub-resource links are noise to the status mapper and would only bloat stored payloads.
            payload.remove("products");
            payload.remove("shipping_addresses");
            payload.remove("coupons");
            return Future.succeededFuture(new SourceRecord(id, id, PollCursor.modified(order), statusVersion, payload));
        }
        String base = "/v2/orders/" + id;
        Future<io.vertx.core.json.JsonArray> products = client.getAllPages(base + "/products", Map.of());
        Future<io.vertx.core.json.JsonArray> addresses = client.getAllPages(base + "/shipping_addresses", Map.of());
        Future<io.vertx.core.json.JsonArray> coupons = client.getAllPages(base + "/coupons", Map.of());
        return Future.all(products, addresses, coupons).map(done -> {
            JsonObject payload = order.copy()
                    .put("products", products.result())
                    .put("shipping_addresses", addresses.result())
                    .put("coupons", coupons.result());
            return new SourceRecord(id, id, PollCursor.modified(order), version, payload);
        });
    }
}
