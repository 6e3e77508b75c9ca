package dev.junction.plugin.brightpearl.goodsout;

import dev.junction.api.source.PollRequest;
import dev.junction.api.source.SourceHandler;
import dev.junction.api.source.SourcePage;
import dev.junction.api.source.SourceRecord;
import dev.junction.plugin.brightpearl.BrightpearlConnection;
import dev.junction.plugin.brightpearl.client.SearchPage;
import dev.junction.plugin.brightpearl.mapping.BpJson;
import dev.junction.plugin.brightpearl.mapping.Payloads;
import dev.junction.plugin.brightpearl.support.Windows;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code goods-out-notes} (created in the window, never before option {@code goLive}) and
 * {@code shipped-goods-out-notes} (shipped in the window), optionally only for the warehouses in option
 * {@code warehouses} (ids, semicolon-separated). A note outside that scope is, for this flow, absent: fetch
 * answers empty for it too, so a webhook about another warehouse's note syncs nothing.
 */
public final class GoodsOutNotesSource implements SourceHandler {
    static final String SEARCH = "/warehouse-service/goods-note/goods-out-search";

    private final BrightpearlConnection bp;
    private final GonLoader loader;
    private final boolean shipped;

    private GoodsOutNotesSource(BrightpearlConnection bp, boolean shipped) {
        this.bp = bp;
        this.loader = new GonLoader(bp);
        this.shipped = shipped;
    }

    public static GoodsOutNotesSource created(BrightpearlConnection bp) {
        return new GoodsOutNotesSource(bp, false);
    }

    public static GoodsOutNotesSource shipped(BrightpearlConnection bp) {
        return new GoodsOutNotesSource(bp, true);
    }

    @Override
    public Future<SourcePage> poll(PollRequest req) {
        Instant goLive = Windows.instantOption("goLive", req.options().getString("goLive"));
        Instant from = goLive != null && goLive.isAfter(req.since()) ? goLive : req.since();
        if (req.until() != null && !from.isBefore(req.until())) {
            return Future.succeededFuture(SourcePage.last(List.of()));
        }
        Map<String, String> filters = new LinkedHashMap<>();
        String timeColumn = shipped ? "shippedOn" : "createdOn";
        if (shipped) {
            filters.put("shipped", "true");
        }
        filters.put(timeColumn, Windows.period(from, req.until()));
        filters.put("sort", timeColumn + "|ASC");
        Set<String> warehouses = warehouses(req.options());
        return bp.client().search(SEARCH, filters, Windows.firstResult(req), Windows.pageSize(req))
                .compose(page -> load(page, warehouses, timeColumn, req.until()));
    }

    private Future<SourcePage> load(SearchPage page, Set<String> warehouses, String timeColumn, Instant until) {
        List<Long> ids = page.rows().stream()
                .filter(r -> warehouses.isEmpty() || warehouses.contains(String.valueOf(r.getValue("warehouseId"))))
                .filter(r -> Windows.before(BpJson.instant(r.getValue(timeColumn)), until))
                .map(r -> BpJson.longId(r.getValue("goodsOutNoteId"))).toList();
        return loader.payloads(ids).map(payloads -> new SourcePage(payloads.stream().map(this::record).toList(),
                page.morePagesAvailable() ? Optional.of(String.valueOf(page.nextFirstResult())) : Optional.empty()));
    }

    @Override
    public Future<Optional<SourceRecord>> fetch(String id, JsonObject options) {
        Set<String> warehouses = warehouses(options);
        Instant goLive = Windows.instantOption("goLive", options.getString("goLive"));
        return loader.payloads(List.of(Long.parseLong(id.trim()))).map(list -> list.stream().findFirst()
                .filter(p -> inScope(p.getJsonObject(Payloads.GON), warehouses, goLive))
                .map(this::record));
    }

    private boolean inScope(JsonObject gon, Set<String> warehouses, Instant goLive) {
        if (!warehouses.isEmpty() && !warehouses.contains(String.valueOf(gon.getValue("warehouseId")))) {
            return false;
        }
        if (shipped && !Boolean.TRUE.equals(gon.getJsonObject("status", new JsonObject()).getBoolean("shipped"))) {
            return false;
        }
        Instant created = BpJson.instant(gon.getValue("createdOn"));
        return goLive == null || created == null || !created.isBefore(goLive);
    }

    private SourceRecord record(JsonObject payload) {
        JsonObject gon = payload.getJsonObject(Payloads.GON);
        String id = payload.getString(Payloads.GON_ID);
        Instant at = BpJson.instant(shipped ? gon.getJsonObject("status", new JsonObject()).getValue("shippedOn")
                : gon.getValue("createdOn"));
        // A note goes to a warehouse once when created and back to the store once when shipped; its print,
        // pick and pack events must not re-enter those flows, so the version is the stage, not the event
        // counter. The order id keys it so notes of one order sync in turn.
        return new SourceRecord(id, String.valueOf(gon.getValue("orderId")), at != null ? at : Instant.EPOCH,
                shipped ? "shipped" : "created", payload);
    }

    static Set<String> warehouses(JsonObject options) {
        Set<String> out = new LinkedHashSet<>();
        Object v = options.getValue("warehouses");
        if (v != null) {
            for (String part : String.valueOf(v).split(";")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }
}
