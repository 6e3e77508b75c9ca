package dev.junction.testconnector;

import dev.junction.api.source.PollRequest;
import dev.junction.api.source.SourceHandler;
import dev.junction.api.source.SourcePage;
import dev.junction.api.source.SourceRecord;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Items modified in a window, paged by the remote's continuation token. */
final class ItemsSource implements SourceHandler {
    private final TestRemoteClient client;

    ItemsSource(TestRemoteClient client) {
        this.client = client;
    }

    @Override
    public Future<SourcePage> poll(PollRequest req) {
        StringBuilder q = new StringBuilder("/items?since=").append(enc(req.since().toString())).append("&size=").append(req.pageSize());
        if (req.until() != null) {
            q.append("&until=").append(enc(req.until().toString()));
        }
        if (req.pageToken() != null) {
            q.append("&page=").append(enc(req.pageToken()));
        }
        return client.get(q.toString()).compose(r -> {
            if ("true".equals(r.getHeader("X-Test-Lose-Future"))) {
                // a plugin bug the hub must survive: a future nobody ever completes
                return io.vertx.core.Promise.<io.vertx.core.buffer.Buffer>promise().future().map(x -> r);
            }
            return Future.succeededFuture(r);
        }).compose(TestRemoteClient::json).map(body -> {
            List<SourceRecord> out = new ArrayList<>();
            body.getJsonArray("items").forEach(o -> out.add(req.listOnly() ? listed((JsonObject) o) : record((JsonObject) o)));
            String next = body.getString("next");
            return new SourcePage(out, Optional.ofNullable(next), req.listOnly());
        });
    }

    @Override
    public Future<Optional<SourceRecord>> fetch(String id, JsonObject options) {
        return client.get("/items/" + enc(id)).compose(r -> r.statusCode() == 404
                ? Future.succeededFuture(Optional.empty())
                : TestRemoteClient.json(r).map(j -> {
                    if (j.getBoolean("skipFetch", false)) {
                        // like a store order in a status this flow does not import
                        throw new dev.junction.api.error.SkipException("item " + id + " is excluded by this flow's filters");
                    }
                    return Optional.of(record(j));
                }));
    }

    static SourceRecord record(JsonObject item) {
        return new SourceRecord(item.getString("id"), item.getString("entity", item.getString("id")),
                Instant.parse(item.getString("modifiedAt")), item.getString("version"), item);
    }

    /** What a listing would give without sub-resources: identity and version, not the content. */
    private static SourceRecord listed(JsonObject item) {
        JsonObject head = new JsonObject().put("id", item.getString("id")).put("modifiedAt", item.getString("modifiedAt"));
        return new SourceRecord(item.getString("id"), item.getString("entity", item.getString("id")),
                Instant.parse(item.getString("modifiedAt")), item.getString("version"), head);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
