package dev.junction.plugin.starshipit.shipments;

import dev.junction.api.source.PollRequest;
import dev.junction.api.source.SourceHandler;
import dev.junction.api.source.SourcePage;
import dev.junction.api.source.SourceRecord;
import dev.junction.plugin.starshipit.client.StarshipitClient;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code shipments}: Starshipit orders whose label has been printed, as native order JSON. The tracking
 * webhook names them as they print; this poll of {@code /orders/shipped} (by {@code since_last_updated},
 * paged) is the safety net for webhooks lost or never configured.
 *
 * <p>Record id = the order number (the webhook names orders by it, and Starshipit keeps it unique). Version =
 * the tracking numbers: courier updates (Dispatched, Delivered ...) touch the order again but change no
 * tracking, so they dedupe to the one shipment; a reprint with new labels is a new version.
 */
public final class ShipmentsSource implements SourceHandler {
    static final int MAX_LIMIT = 250;

    private final StarshipitClient client;

    public ShipmentsSource(StarshipitClient client) {
        this.client = client;
    }

    @Override
    public Future<SourcePage> poll(PollRequest request) {
        int page = request.pageToken() == null ? 1 : Integer.parseInt(request.pageToken());
        int limit = Math.max(1, Math.min(MAX_LIMIT, request.pageSize()));
        // Starshipit compares whole seconds; rounding down keeps 'since' inclusive.
        String since = request.since().truncatedTo(ChronoUnit.SECONDS).toString();
        return client.get("/orders/shipped", Map.of("since_last_updated", since, "limit", String.valueOf(limit),
                "page", String.valueOf(page))).map(body -> {
            List<SourceRecord> records = new ArrayList<>();
            for (Object o : body.getJsonArray("orders", new JsonArray())) {
                record((JsonObject) o).filter(r -> request.until() == null || r.modifiedAt().isBefore(request.until()))
                        .ifPresent(records::add);
            }
            int pages = body.getInteger("total_pages", page);
            Optional<String> next = page < pages ? Optional.of(String.valueOf(page + 1)) : Optional.empty();
            return new SourcePage(records, next);
        });
    }

    @Override
    public Future<Optional<SourceRecord>> fetch(String id, JsonObject options) {
        return client.find("/orders", Map.of("order_number", id))
                .map(found -> found.map(b -> b.getJsonObject("order")).flatMap(ShipmentsSource::record));
    }

    /** A record for an order with a printed label; empty for an order still waiting for one. */
    static Optional<SourceRecord> record(JsonObject order) {
        if (order == null || order.getString("order_number") == null) {
            return Optional.empty();
        }
        List<String> tracking = ShipmentMapper.trackingNumbers(order);
        if (tracking.isEmpty() || "Unshipped".equalsIgnoreCase(order.getString("status", ""))) {
            return Optional.empty();
        }
        Instant at = instant(order.getString("last_updated_date"))
                .or(() -> instant(order.getString("shipment_date")))
                .or(() -> instant(order.getString("order_date"))).orElse(Instant.EPOCH);
        String version = tracking.stream().sorted().collect(Collectors.joining(","));
        return Optional.of(new SourceRecord(order.getString("order_number"), null, at, version, order));
    }

    static Optional<Instant> instant(String s) {
        if (s == null || s.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(s).toInstant());
        } catch (DateTimeParseException e) {
            try {
                // Starshipit sometimes leaves the offset off; its API speaks UTC.
                return Optional.of(java.time.LocalDateTime.parse(s).toInstant(java.time.ZoneOffset.UTC));
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }
}
