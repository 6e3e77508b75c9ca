package dev.junction.hub.testing;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The HTTP "remote" the test connector talks to: a source of items (paged by modification time) and a
 * sink that stores items by reference, with knobs for a rate limit (429 + Retry-After), failures and
 * latency. It records every sink write, so tests can count duplicates.
 */
public final class TestRemote {
    public static final String TOKEN = "remote-token-s3cr3t";

    private final Vertx vertx;
    private final Map<String, JsonObject> items = new ConcurrentHashMap<>();
    private final Map<String, JsonObject> sinkByRef = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<JsonObject> sinkWrites = new ConcurrentLinkedQueue<>();
    private final AtomicLong sinkIds = new AtomicLong(1000);
    private final AtomicInteger failNextSinkWrites = new AtomicInteger();
    private final AtomicInteger throttled = new AtomicInteger();
    private final AtomicInteger sinkPosts = new AtomicInteger();
    private final AtomicInteger itemFetches = new AtomicInteger();
    private final AtomicInteger loseListings = new AtomicInteger();
    private volatile int sinkPerSecond;
    private volatile long sinkLatencyMs;
    private long windowStart;
    private int windowCount;
    private HttpServer server;

    private final List<Long> listingsAt = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile long listingLatencyMs;

    public TestRemote(Vertx vertx) {
        this.vertx = vertx;
    }

    public Future<TestRemote> start() {
        Router r = Router.router(vertx);
        r.route().handler(BodyHandler.create());
        // a consent page that approves at once: a browser (no API token) is sent back with a code
        r.get("/oauth/authorize").handler(ctx -> ctx.response().setStatusCode(302)
                .putHeader("Location", ctx.queryParams().get("redirect_uri") + "?code=granted-code&state="
                        + ctx.queryParams().get("state")).end());
        r.route().handler(ctx -> {
            if (!("Bearer " + TOKEN).equals(ctx.request().getHeader("Authorization"))) {
                ctx.response().setStatusCode(401).end("{\"error\":\"bad token\"}");
                return;
            }
            ctx.next();
        });
        r.get("/ping").handler(ctx -> ctx.json(new JsonObject().put("ok", true)));
        r.post("/oauth/token").handler(ctx -> {
            String code = ctx.body().asJsonObject().getString("code");
            if (!"granted-code".equals(code)) {
                ctx.response().setStatusCode(400).end("{\"error\":\"invalid_grant\"}");
                return;
            }
            ctx.json(new JsonObject().put("access_token", "access-" + code));
        });
        r.get("/items").handler(this::listItems);
        r.get("/items/:id").handler(ctx -> {
            itemFetches.incrementAndGet();
            JsonObject item = items.get(ctx.pathParam("id"));
            if (item == null) {
                ctx.response().setStatusCode(404).end();
            } else {
                ctx.json(item);
            }
        });
        r.get("/sink/items").handler(ctx -> {
            JsonObject found = sinkByRef.get(ctx.queryParams().get("ref"));
            ctx.json(found == null ? new JsonObject() : found);
        });
        r.post("/sink/items").handler(this::writeSink);
        return vertx.createHttpServer().requestHandler(r).listen(0, "127.0.0.1").map(s -> {
            server = s;
            return this;
        });
    }

    private void listItems(RoutingContext ctx) {
        listingsAt.add(System.nanoTime());
        long delay = listingLatencyMs;
        if (delay > 0) {
            vertx.setTimer(delay, x -> answerListing(ctx));
        } else {
            answerListing(ctx);
        }
    }

    private void answerListing(RoutingContext ctx) {
        if (loseListings.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            ctx.response().putHeader("X-Test-Lose-Future", "true");
        }
        Instant since = Instant.parse(ctx.queryParams().get("since"));
        String untilText = ctx.queryParams().get("until");
        Instant until = untilText == null ? Instant.MAX : Instant.parse(untilText);
        int size = Integer.parseInt(ctx.queryParams().get("size"));
        int offset = ctx.queryParams().get("page") == null ? 0 : Integer.parseInt(ctx.queryParams().get("page"));
        List<JsonObject> matching = new ArrayList<>();
        for (JsonObject i : items.values()) {
            Instant m = Instant.parse(i.getString("modifiedAt"));
            if (!m.isBefore(since) && m.isBefore(until)) {
                matching.add(i);
            }
        }
        matching.sort(Comparator.comparing((JsonObject i) -> i.getString("modifiedAt")).thenComparing(i -> i.getString("id")));
        List<JsonObject> page = matching.subList(Math.min(offset, matching.size()), Math.min(offset + size, matching.size()));
        JsonObject body = new JsonObject().put("items", new JsonArray(new ArrayList<>(page)));
        if (offset + size < matching.size()) {
            body.put("next", String.valueOf(offset + size));
        }
        ctx.json(body);
    }

    private void writeSink(RoutingContext ctx) {
        sinkPosts.incrementAndGet();
        if (sinkPerSecond > 0 && !allow()) {
            throttled.incrementAndGet();
            ctx.response().setStatusCode(429).putHeader("Retry-After", "1").end("{\"error\":\"slow down\"}");
            return;
        }
        if (failNextSinkWrites.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            ctx.response().setStatusCode(503).end("{\"error\":\"temporarily unavailable\"}");
            return;
        }
        Runnable write = () -> {
            JsonObject body = ctx.body().asJsonObject();
            JsonObject stored = body.copy().put("id", "S" + sinkIds.incrementAndGet());
            JsonObject prior = sinkByRef.putIfAbsent(body.getString("ref"), stored);
            sinkWrites.add(stored);
            ctx.json(prior == null ? stored : prior);
        };
        if (sinkLatencyMs > 0) {
            vertx.setTimer(sinkLatencyMs, t -> write.run());
        } else {
            write.run();
        }
    }

    private synchronized boolean allow() {
        long now = System.currentTimeMillis();
        if (now - windowStart >= 1000) {
            windowStart = now;
            windowCount = 0;
        }
        return ++windowCount <= sinkPerSecond;
    }

    /** Adds or replaces an item in the source. */
    public void putItem(String id, Instant modifiedAt, JsonObject fields) {
        items.put(id, fields.copy().put("id", id).put("modifiedAt", modifiedAt.toString()));
    }

    public JsonObject item(String id) {
        return items.get(id);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    public int port() {
        return server.actualPort();
    }

    /** Every POST that reached the sink's store (duplicates by reference included). */
    public List<JsonObject> sinkWrites() {
        return List.copyOf(sinkWrites);
    }

    public Map<String, JsonObject> sinkByRef() {
        return Map.copyOf(sinkByRef);
    }

    public void sinkRateLimit(int perSecond) {
        this.sinkPerSecond = perSecond;
    }

    /** Delays every list answer by {@code ms}. */
    public void listingLatency(long ms) {
        listingLatencyMs = ms;
    }

    /** When each list request arrived ({@link System#nanoTime()}), in order. */
    public List<Long> listingsAt() {
        return List.copyOf(listingsAt);
    }

    public void sinkLatency(long ms) {
        this.sinkLatencyMs = ms;
    }

    public void failNextSinkWrites(int n) {
        failNextSinkWrites.set(n);
    }

    public int throttledCount() {
        return throttled.get();
    }

    /** The next {@code n} item listings make the test connector lose its poll future (a plugin bug). */
    public void loseNextListings(int n) {
        loseListings.set(n);
    }

    /** GETs of single items (a source's fetch). */
    public int itemFetches() {
        return itemFetches.get();
    }

    public int sinkPosts() {
        return sinkPosts.get();
    }

    public Future<Void> stop() {
        return server == null ? Future.succeededFuture() : server.close();
    }
}
