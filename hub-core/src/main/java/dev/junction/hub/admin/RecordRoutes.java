package dev.junction.hub.admin;

import dev.junction.hub.Hub;
import dev.junction.hub.flow.ThinPayload;
import dev.junction.hub.store.Attempt;
import dev.junction.hub.store.RecordQuery;
import dev.junction.hub.store.SyncRecord;
import dev.junction.hub.store.SyncStatus;
import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import static dev.junction.hub.admin.JsonResponses.endpoint;

/** The sync log: search and page records, read one with every attempt, retry one. */
final class RecordRoutes {
    static final int MAX_LIMIT = 500;
    private static final int DEFAULT_LIMIT = 50;
    static final String THIN_NOTE = "stored by id only; the record is fetched from its source when processed, and what"
            + " was fetched is kept only while the record waits for a retry or has failed";

    private final Hub hub;

    RecordRoutes(Hub hub) {
        this.hub = hub;
    }

    void mount(Router router) {
        String base = AdminApi.BASE + "/records";
        router.get(base).handler(endpoint(this::search));
        router.get(base + "/:id").handler(endpoint(this::detail));
        router.post(base + "/:id/retry").handler(endpoint(this::retry));
    }

    private Future<JsonObject> search(RoutingContext ctx) {
        SyncStatus status = Requests.query(ctx, "status").map(RecordRoutes::status).orElse(null);
        Optional<Instant> from = Requests.instantQuery(ctx, "from");
        Optional<Instant> to = Requests.instantQuery(ctx, "to");
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw ApiException.badRequest("'from' (" + from.get() + ") must be before 'to' (" + to.get() + ")");
        }
        int offset = Requests.intQuery(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        int limit = Requests.intQuery(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        RecordQuery q = new RecordQuery(Requests.query(ctx, "flow").orElse(null), status, from.orElse(null),
                to.orElse(null), Requests.query(ctx, "q").orElse(null), offset, limit);
        var store = Ready.of(hub.store());
        return store.count(q).compose(total -> store.records(q).map(page -> {
            JsonArray records = new JsonArray();
            page.forEach(r -> records.add(summary(r)));
            return new JsonObject().put("total", total).put("offset", offset).put("limit", limit).put("records", records);
        }));
    }

    private static SyncStatus status(String text) {
        try {
            return SyncStatus.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("'status' must be one of " + Arrays.toString(SyncStatus.values())
                    + ", got '" + text + "'");
        }
    }

    private Future<JsonObject> detail(RoutingContext ctx) {
        long id = Requests.longPath(ctx, "id", "record id");
        return require(id).compose(r -> hub.store().attempts(id).map(attempts -> {
            JsonArray list = new JsonArray();
            attempts.forEach(a -> list.add(attempt(a)));
            Object payload = payload(r.payload());
            JsonObject detail = summary(r).put("contentKey", r.contentKey());
            if (ThinPayload.isMarker(payload)) {
                // known by id only: the marker is internal, say what it means instead
                detail.putNull("payload").put("payloadNote", THIN_NOTE);
            } else {
                detail.put("payload", payload);
            }
            return detail.put("facts", new JsonObject(new java.util.TreeMap<String, Object>(r.facts())))
                    .put("attempts", list);
        }));
    }

    /** PENDING and due now, then the flow's pump is woken; 409 while a worker holds it. */
    private Future<JsonObject> retry(RoutingContext ctx) {
        long id = Requests.longPath(ctx, "id", "record id");
        var store = Ready.of(hub.store());
        return require(id).compose(r -> {
            if (r.status() == SyncStatus.IN_PROGRESS) {
                throw inProgress(id);
            }
            return store.retry(id, hub.clock().instant()).compose(done -> {
                if (!done) {
                    // it was claimed between our read and the retry (or deleted): say which
                    return require(id).<JsonObject>map(now -> {
                        throw inProgress(id);
                    });
                }
                Optional.ofNullable(hub.engine()).ifPresent(e -> e.signal(r.flowId()));
                return store.record(id).map(now -> summary(now.orElse(r)));
            });
        });
    }

    private static ApiException inProgress(long id) {
        return ApiException.conflict("record " + id + " is being synced right now; retry it once that attempt ends");
    }

    private Future<SyncRecord> require(long id) {
        return Ready.of(hub.store()).record(id).map(r -> r.orElseThrow(() -> ApiException.notFound("no record " + id)));
    }

    static JsonObject summary(SyncRecord r) {
        return new JsonObject().put("id", r.id()).put("flow", r.flowId()).put("sourceConnection", r.sourceConnection())
                .put("sourceStream", r.sourceStream()).put("sourceId", r.sourceId()).put("entityKey", r.entityKey())
                .put("status", r.status().name()).put("attemptCount", r.attempts())
                .put("message", SecretRedaction.mask(r.message())).put("lastError", SecretRedaction.mask(r.lastError()))
                .put("remoteId", r.remoteId()).put("createdAt", text(r.createdAt())).put("updatedAt", text(r.updatedAt()))
                .put("nextAttemptAt", text(r.nextAttemptAt())).put("syncedAt", text(r.syncedAt()))
                .put("sourceModifiedAt", text(r.sourceModifiedAt()));
    }

    private static JsonObject attempt(Attempt a) {
        return new JsonObject().put("number", a.number()).put("startedAt", text(a.startedAt()))
                .put("finishedAt", text(a.finishedAt())).put("outcome", a.outcome())
                .put("error", SecretRedaction.mask(a.error())).put("mappingVersion", a.mappingVersion());
    }

    /** The stored payload as JSON; kept as text if it is not JSON (a source may hand over anything). */
    private static Object payload(String payload) {
        if (payload == null) {
            return null;
        }
        try {
            return Json.decodeValue(payload);
        } catch (DecodeException e) {
            return payload;
        }
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }
}
