package dev.junction.plugin.dropstream.shipments;

import dev.junction.api.source.PollRequest;
import dev.junction.api.source.SourceHandler;
import dev.junction.api.source.SourcePage;
import dev.junction.api.source.SourceRecord;
import dev.junction.plugin.dropstream.api.DropStreamApi;
import dev.junction.plugin.dropstream.files.FileReader;
import dev.junction.plugin.dropstream.files.OutFolder;
import dev.junction.plugin.dropstream.files.Pager;
import dev.junction.plugin.dropstream.files.Problem;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code shipments}: what the warehouse shipped, from both of DropStream's outlets — {@code GET /shipments}
 * by {@code shipped_at} in the hub's poll window (overlap included), and the {@code shp_*.csv} files in
 * {@code /out}, which are read once and then moved to {@code /out/processed} (unreadable ones to
 * {@code /out/rejected}). A shipment seen both ways is one record. Each record also carries what its
 * DropStream order says ({@code customer_reference}: the Brightpearl order id the order file gave it, and
 * whether this shipment completed the order), so the mapper needs no lookups.
 */
public final class ShipmentsSource implements SourceHandler {
    /** Shipped orders remembered; a poll re-reads its whole overlap window, and each look-up is an API call. */
    private static final int ORDER_CACHE_SIZE = 10_000;

    private final DropStreamApi api;
    /**
     * DropStream orders already fully shipped, by order number. Their facts can no longer change, so a
     * shipment read again (every poll re-reads its window) needs no API call; at the API's 120 calls a
     * minute, looking them all up again made each poll slower than the poll interval, until polls starved.
     */
    private final Map<String, JsonObject> shippedOrders = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, JsonObject> eldest) {
                    return size() > ORDER_CACHE_SIZE;
                }
            });
    private final OutFolder out;
    private final Logger log;

    public ShipmentsSource(DropStreamApi api, OutFolder out, Logger log) {
        this.api = api;
        this.out = out;
        this.log = log;
    }

    @Override
    public Future<SourcePage> poll(PollRequest request) {
        Pager.Token token;
        try {
            token = Pager.Token.decode(request.pageToken());
        } catch (RuntimeException e) {
            return Future.failedFuture(new IllegalArgumentException("unreadable page token"));
        }
        Map<String, String> window = new LinkedHashMap<>();
        window.put("shipped_at_min", request.since().toString());
        if (request.until() != null) {
            window.put("shipped_at_max", request.until().toString());
        }
        // The API first: when DropStream is down the poll fails before any file is touched.
        return api.shipments(window).compose(fromApi -> out.read("shp_", token == null ? null : token.files()).compose(files -> {
            FileReader.Result<ShipmentPayload.Row> read = FileReader.read(files, ShipmentPayload.COLUMNS, ShipmentPayload::row, out, log);
            Map<String, Pager.Entry> entries = new LinkedHashMap<>();
            for (ShipmentPayload.Built b : ShipmentPayload.fromRows(read.values())) {
                merge(entries, b);
            }
            for (JsonObject s : fromApi) {
                ShipmentPayload.Built b = ShipmentPayload.fromApi(s);
                if (b != null && (request.until() == null || b.shippedAt().isBefore(request.until()))) {
                    merge(entries, b);
                }
            }
            Map<String, Instant> fileTimes = new HashMap<>();
            files.forEach(f -> fileTimes.put(f.file().name(), f.file().modifiedAt()));
            for (Problem p : read.problems()) {
                entries.put(p.recordId(), new Pager.Entry(p.recordId(), fileTimes.get(p.file()), p.toPayload(), Set.of(p.file())));
            }
            List<String> names = files.stream().map(f -> f.file().name()).toList();
            Pager.Page page = Pager.page(new ArrayList<>(entries.values()), token, request.pageSize(), names);
            return enrich(page.entries())
                    .compose(records -> out.settle(page.settle().stream().map(read.settlements()::get).toList())
                            .map(v -> new SourcePage(records, page.next())));
        }));
    }

    @Override
    public Future<Optional<SourceRecord>> fetch(String id, JsonObject options) {
        int bar = id.lastIndexOf('|');
        if (bar <= 0 || bar == id.length() - 1) {
            return Future.succeededFuture(Optional.empty());
        }
        String order = id.substring(0, bar);
        String rest = id.substring(bar + 1);
        Map<String, String> filter = new LinkedHashMap<>();
        try {
            Instant at = Instant.parse(rest);
            filter.put("shipped_at_min", at.toString());
            filter.put("shipped_at_max", at.toString());
        } catch (RuntimeException notATime) {
            filter.put("tracking_number", rest);
        }
        return api.shipments(filter).compose(list -> {
            Optional<ShipmentPayload.Built> hit = list.stream().map(ShipmentPayload::fromApi)
                    .filter(b -> b != null && b.id().equals(id)).findFirst();
            if (hit.isEmpty()) {
                return Future.succeededFuture(Optional.empty());
            }
            return enrich(List.of(new Pager.Entry(hit.get().id(), hit.get().shippedAt(), hit.get().payload(), Set.of())))
                    .map(records -> records.stream().findFirst());
        });
    }

    /** Same id from a file and the API: one entry, from both files; the API's lines unless it has none. */
    private static void merge(Map<String, Pager.Entry> entries, ShipmentPayload.Built b) {
        Pager.Entry old = entries.get(b.id());
        if (old == null) {
            entries.put(b.id(), new Pager.Entry(b.id(), b.shippedAt(), b.payload(), b.files()));
            return;
        }
        Set<String> files = new LinkedHashSet<>(old.files());
        files.addAll(b.files());
        boolean keepOld = b.payload().getJsonArray("lines").isEmpty() && !old.payload().getJsonArray("lines").isEmpty();
        JsonObject payload = keepOld ? old.payload() : b.payload();
        entries.put(b.id(), new Pager.Entry(b.id(), keepOld ? old.at() : b.shippedAt(), payload, files));
    }

    /** Adds the DropStream order's facts to each shipment of the page (one lookup per order). */
    private Future<List<SourceRecord>> enrich(List<Pager.Entry> page) {
        Map<String, Future<Optional<JsonObject>>> orders = new LinkedHashMap<>();
        for (Pager.Entry e : page) {
            String order = e.payload().getString("order_number");
            if (order != null && Problem.of(e.payload()) == null) {
                orders.computeIfAbsent(order, this::order);
            }
        }
        return Future.all(new ArrayList<>(orders.values())).map(done -> {
            List<SourceRecord> records = new ArrayList<>();
            for (Pager.Entry e : page) {
                JsonObject payload = e.payload().copy();
                Future<Optional<JsonObject>> order = orders.get(payload.getString("order_number"));
                if (order != null) {
                    order.result().ifPresent(o -> describeOrder(payload, o));
                }
                String key = payload.getString("order_number", e.id());
                records.add(new SourceRecord(e.id(), key, e.at(), null, payload));
            }
            return records;
        });
    }

    private Future<Optional<JsonObject>> order(String orderNumber) {
        JsonObject known = shippedOrders.get(orderNumber);
        if (known != null) {
            return Future.succeededFuture(Optional.of(known));
        }
        return api.orderByExternalId(orderNumber).map(found -> {
            found.filter(o -> "shipped".equals(o.getString("fulfillment_state")))
                    .ifPresent(o -> shippedOrders.put(orderNumber, o));
            return found;
        });
    }

    private static void describeOrder(JsonObject shipment, JsonObject order) {
        String ref = order.getString("external_display_id");
        if (ref != null && !ref.isBlank() && !ref.equals(order.getString("external_id"))) {
            shipment.put("customer_reference", ref);
        }
        // The order's state now; this shipment completed it when it is the one that moved it to shipped.
        String moved = order.getString("fulfillment_transitioned_at");
        boolean complete;
        try {
            complete = "shipped".equals(order.getString("fulfillment_state")) && moved != null
                    && !Instant.parse(shipment.getString("shipped_at")).isBefore(Instant.parse(moved));
        } catch (RuntimeException unreadableTime) {
            complete = "shipped".equals(order.getString("fulfillment_state"));
        }
        shipment.put("completes_order", complete);
    }
}
