package dev.junction.plugin.brightpearl.orders;

import dev.junction.api.source.PollRequest;
import dev.junction.api.source.SourceHandler;
import dev.junction.api.source.SourcePage;
import dev.junction.api.source.SourceRecord;
import dev.junction.plugin.brightpearl.BrightpearlConnection;
import dev.junction.plugin.brightpearl.client.SearchPage;
import dev.junction.plugin.brightpearl.mapping.BpJson;
import dev.junction.plugin.brightpearl.mapping.Payloads;
import dev.junction.plugin.brightpearl.support.ReferenceData;
import dev.junction.plugin.brightpearl.support.Windows;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code orders}: sales orders modified in the window whose status is one of option {@code statuses} (names
 * or ids, semicolon-separated, custom statuses included; all statuses when unset). One search page, then
 * the matching orders in ≤200-id batches. The status filter is applied to the search rows rather than sent
 * per status, so several statuses still cost one search.
 */
public final class OrdersSource implements SourceHandler {
    static final String SEARCH = "/order-service/order-search";

    private final BrightpearlConnection bp;
    private final OrderLoader loader;

    public OrdersSource(BrightpearlConnection bp) {
        this.bp = bp;
        this.loader = new OrderLoader(bp);
    }

    @Override
    public Future<SourcePage> poll(PollRequest req) {
        return statuses(req.options()).compose(statuses -> {
            Map<String, String> filters = new LinkedHashMap<>();
            filters.put("orderTypeId", "1");
            filters.put("updatedOn", Windows.period(req.since(), req.until()));
            filters.put("sort", "updatedOn|ASC");
            return bp.client().search(SEARCH, filters, Windows.firstResult(req), Windows.pageSize(req))
                    .compose(page -> load(page, statuses, req.until()));
        });
    }

    private Future<SourcePage> load(SearchPage page, Optional<Set<Long>> statuses, Instant until) {
        List<Long> ids = page.rows().stream()
                .filter(r -> statuses.isEmpty() || statuses.get().contains(BpJson.longId(r.getValue("orderStatusId"))))
                .filter(r -> Windows.before(BpJson.instant(r.getValue("updatedOn")), until))
                .map(r -> BpJson.longId(r.getValue("orderId"))).toList();
        return loader.payloads(ids).map(payloads -> new SourcePage(payloads.stream().map(OrdersSource::record).toList(),
                page.morePagesAvailable() ? Optional.of(String.valueOf(page.nextFirstResult())) : Optional.empty()));
    }

    @Override
    public Future<Optional<SourceRecord>> fetch(String id, JsonObject options) {
        return loader.payloads(List.of(Long.parseLong(id.trim())))
                .map(list -> list.stream().findFirst().map(OrdersSource::record));
    }

    static SourceRecord record(JsonObject payload) {
        JsonObject order = Payloads.order(payload);
        String id = String.valueOf(order.getValue("id"));
        Instant updated = BpJson.instant(order.getValue("updatedOn"));
        return new SourceRecord(id, id, updated != null ? updated : Instant.EPOCH,
                order.getValue("version") != null ? String.valueOf(order.getValue("version")) : null, payload);
    }

    private Future<Optional<Set<Long>>> statuses(JsonObject options) {
        String wanted = options.getValue("statuses") == null ? null : String.valueOf(options.getValue("statuses"));
        if (wanted == null || wanted.isBlank()) {
            return Future.succeededFuture(Optional.empty());
        }
        return bp.reference().resolveAll(ReferenceData.STATUSES, "sales order status", wanted).map(Optional::of);
    }
}
