package dev.junction.plugin.brightpearl.orders;

import dev.junction.api.source.PollRequest;
import dev.junction.api.source.SourceHandler;
import dev.junction.api.source.SourcePage;
import dev.junction.api.source.SourceRecord;
import dev.junction.plugin.brightpearl.BrightpearlConnection;
import dev.junction.plugin.brightpearl.mapping.BpJson;
import dev.junction.plugin.brightpearl.support.ReferenceData;
import dev.junction.plugin.brightpearl.support.Windows;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code order-status-changes}: the search rows alone say everything (order id, reference, status id,
 * updatedOn, and the status names in {@code reference}), so a page costs one request. The record's version
 * is the status id at the order's {@code updatedOn}: a return to an earlier status is a new change (the
 * status id alone made it a duplicate the hub dropped). An order modified without a status change is a new
 * record when a poll sees it; the status sinks find the target already there and write nothing.
 */
public final class StatusChangesSource implements SourceHandler {
    private final BrightpearlConnection bp;

    public StatusChangesSource(BrightpearlConnection bp) {
        this.bp = bp;
    }

    @Override
    public Future<SourcePage> poll(PollRequest req) {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("orderTypeId", "1");
        filters.put("updatedOn", Windows.period(req.since(), req.until()));
        filters.put("sort", "updatedOn|ASC");
        return bp.client().search(OrdersSource.SEARCH, filters, Windows.firstResult(req), Windows.pageSize(req))
                .map(page -> {
                    JsonObject names = page.reference().getJsonObject("orderStatusNames", new JsonObject());
                    List<SourceRecord> records = page.rows().stream()
                            .filter(r -> Windows.before(BpJson.instant(r.getValue("updatedOn")), req.until()))
                            .map(r -> record(payload(r.getValue("orderId"), r.getValue("customerRef"),
                                    r.getValue("orderStatusId"), names.getString(String.valueOf(r.getValue("orderStatusId"))),
                                    r.getValue("updatedOn"))))
                            .toList();
                    return new SourcePage(records, page.morePagesAvailable()
                            ? Optional.of(String.valueOf(page.nextFirstResult())) : Optional.empty());
                });
    }

    @Override
    public Future<Optional<SourceRecord>> fetch(String id, JsonObject options) {
        return bp.client().get("/order-service/order/" + Long.parseLong(id.trim())).compose(v -> {
            if (!(v instanceof JsonArray arr) || arr.isEmpty()) {
                return Future.succeededFuture(Optional.empty());
            }
            JsonObject order = arr.getJsonObject(0);
            JsonObject status = order.getJsonObject("orderStatus", new JsonObject());
            Object statusId = status.getValue("orderStatusId");
            Future<Optional<String>> name = status.getString("name") != null
                    ? Future.succeededFuture(Optional.of(status.getString("name")))
                    : bp.reference().name(ReferenceData.STATUSES, statusId);
            return name.map(n -> Optional.of(record(payload(order.getValue("id"), order.getValue("reference"),
                    statusId, n.orElse(null), order.getValue("updatedOn")))));
        });
    }

    static JsonObject payload(Object orderId, Object reference, Object statusId, String statusName, Object updatedOn) {
        return new JsonObject().put("orderId", orderId).put("reference", reference).put("orderStatusId", statusId)
                .put("orderStatusName", statusName).put("updatedOn", updatedOn);
    }

    static SourceRecord record(JsonObject p) {
        String id = String.valueOf(p.getValue("orderId"));
        Instant updated = BpJson.instant(p.getValue("updatedOn"));
        // The status alone is not a version: an order that goes back to a status it had before (On hold, then
        // Processing again) would dedupe against the first time and never reach the other side. Status plus
        // the time of the order's update is; a poll re-reading an unchanged order still dedupes.
        return new SourceRecord(id, id, updated != null ? updated : Instant.EPOCH,
                p.getValue("orderStatusId") + "@" + (updated != null ? updated.toString() : String.valueOf(p.getValue("updatedOn"))), p);
    }
}
