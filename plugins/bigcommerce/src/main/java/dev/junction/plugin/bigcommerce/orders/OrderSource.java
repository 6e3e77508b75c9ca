package dev.junction.plugin.bigcommerce.orders;

import dev.junction.api.error.SkipException;
import dev.junction.api.source.PollRequest;
import dev.junction.api.source.SourceHandler;
import dev.junction.api.source.SourcePage;
import dev.junction.api.source.SourceRecord;
import dev.junction.plugin.bigcommerce.client.BcDates;
import dev.junction.plugin.bigcommerce.client.BigCommerceClient;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
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
 *
 * <p>Calls per order on {@code orders}: the order is read with
 * {@code include=consignments.line_items&consignment_structure=object}, which embeds its products and shipping
 * addresses ({@link Consignments}), plus {@code /coupons} (see {@link #coupons}): two calls by
 * {@link #fetch} (webhooks, and the hub's fetch of each new order a sweep listed), where it used to be four. A
 * {@link PollRequest#listOnly()} poll answers the list call's orders as they are, with no call per order; a
 * full poll reads the list with the same include and asks only {@code /coupons} per order. A sub-resource is
 * still asked when the consignments do not account for all of the order's items or addresses.
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

    /**
     * Embeds the products (consignment line items are the {@code /products} objects) and the shipping
     * consignments (the {@code /shipping_addresses} fields) in the order: one call instead of three.
     */
    private static final Map<String, String> INCLUDE = Map.of("include", "consignments.line_items",
            "consignment_structure", "object");

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
        // Listed without sub-resources only where the hub asked for it and fetches new records itself; the
        // status stream never embeds anything, so its pages are complete records either way.
        boolean listed = embedSubResources && request.listOnly();
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
        if (embedSubResources && !listed) {
            query.putAll(INCLUDE);
        }
        int maxRecords = Math.max(1, request.pageSize());
        return client.getList("/v2/orders", query).compose(raw -> {
            List<JsonObject> orders = new ArrayList<>();
            raw.forEach(o -> orders.add((JsonObject) o));
            PollCursor.Step step = cursor.step(orders, limit, maxRecords, request.until());
            List<Future<SourceRecord>> records = new ArrayList<>();
            for (JsonObject order : step.orders()) {
                if (filter.matches(order)) {
                    records.add(listed ? Future.succeededFuture(listedRecord(order)) : toRecord(order));
                }
            }
            return Future.all(records).map(all -> new SourcePage(all.<SourceRecord>list(),
                    step.next().map(PollCursor::encode), listed));
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
        // The coupons are asked for alongside the order, not after it: one round trip less per order's latency
        // (wasted only for an order that turns out to be gone or filtered out).
        Future<JsonArray> coupons = embedSubResources ? coupons("/v2/orders/" + id.trim()) : null;
        return client.getObject("/v2/orders/" + id.trim(), embedSubResources ? INCLUDE : Map.of()).compose(found -> {
            if (found.isEmpty() || Boolean.TRUE.equals(found.get().getValue("is_deleted"))) {
                return Future.succeededFuture(Optional.empty());
            }
            JsonObject order = found.get();
            if (!filter.matches(order)) {
                return Future.failedFuture(new SkipException("BigCommerce order " + id + " is " + order.getString("status")
                        + "; this flow imports " + filter.describe() + " (flow option 'statuses')"));
            }
            return toRecord(order, coupons).map(Optional::of);
        });
    }

    /**
     * A listed order as the list answered it: id, modification time and version are the order's own, so the
     * hub can dedupe it; a new one is read in full by {@link #fetch} when processed.
     */
    private static SourceRecord listedRecord(JsonObject order) {
        String id = String.valueOf(order.getValue("id"));
        // Not copied: the page was decoded for this call alone, and a listed record is stored thin (by id).
        return new SourceRecord(id, id, PollCursor.modified(order), order.getString("date_modified"), order);
    }

    private Future<SourceRecord> toRecord(JsonObject order) {
        return toRecord(order, null);
    }

    /** @param couponsAsked the order's coupons when already requested, else null (asked here) */
    private Future<SourceRecord> toRecord(JsonObject order, Future<JsonArray> couponsAsked) {
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
        Optional<JsonObject> consignments = Consignments.of(order);
        Future<JsonArray> products = consignments.flatMap(c -> Consignments.products(order, c))
                .map(Future::succeededFuture).orElseGet(() -> client.getAllPages(base + "/products", Map.of()));
        Future<JsonArray> addresses = consignments.flatMap(c -> Consignments.shippingAddresses(order, c))
                .map(Future::succeededFuture).orElseGet(() -> client.getAllPages(base + "/shipping_addresses", Map.of()));
        Future<JsonArray> coupons = couponsAsked != null ? couponsAsked : coupons(base);
        return Future.all(products, addresses, coupons).map(done -> {
            // The order itself becomes the payload, not a deep copy of it: it was decoded for this call alone
            // (a copy of every order was ~2.5% of the hub's CPU at hundreds of orders a second).
            JsonObject payload = order;
            // Its contents are now products and shipping_addresses, as the mapper and stored payloads have them.
            payload.remove("consignments");
            payload.put("products", products.result())
                    .put("shipping_addresses", addresses.result())
                    .put("coupons", coupons.result());
            return new SourceRecord(id, id, PollCursor.modified(order), version, payload);
        });
    }

    /**
     * Coupons are asked for every order, not only for orders whose {@code coupon_discount} is non-zero, because
     * nothing in the contract lets the order tell that it has no coupons, and the mapper's output depends on
     * them whatever their amount:
     * <ul>
     * <li>each coupon becomes a zero-value COUPON line with its code, so the back office sees which code was
     * used, whatever it took off;</li>
     * <li>the mapper does not read a zero {@code coupon_discount} as "no coupons": it then sums the coupons' own
     * {@code discount}, and takes shipping-type coupons (3 shipping_discount, 4 free_shipping) off the shipping
     * line. An order whose free-shipping coupon is not counted in {@code coupon_discount} would, without
     * {@code /coupons}, keep its full shipping line and need a reconciliation line for the difference (the
     * sandbox test {@code couponsAreReadEvenWhenTheOrderReportsNoCouponDiscount} shows it).</li>
     * </ul>
     * The official spec describes {@code coupon_discount} only as "a read-only value": not what it sums, nor
     * whether a free-shipping coupon counts in it (one may instead zero the shipping cost, and a free-shipping
     * coupon on an order that already shipped free is worth 0). The order's {@code coupons} field is a bare link
     * with no count, and the consignment include does not cover coupons. The simulator's generator, whose
     * free-shipping coupons do count in {@code coupon_discount}, is the simulator's own assumption (its
     * {@code OrderFactory}), not evidence about BigCommerce. So skipping {@code /coupons} on a zero
     * {@code coupon_discount} could drop coupon lines or move a shipping discount, and the call is kept.
     */
    private Future<JsonArray> coupons(String base) {
        return client.getAllPages(base + "/coupons", Map.of());
    }
}
