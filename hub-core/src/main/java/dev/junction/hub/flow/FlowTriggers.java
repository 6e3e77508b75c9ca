package dev.junction.hub.flow;

import dev.junction.api.source.PollRequest;
import dev.junction.api.source.SourcePage;
import dev.junction.api.source.SourceRecord;
import dev.junction.hub.plugin.PluginHost;
import dev.junction.hub.store.Cursor;
import dev.junction.hub.store.SyncStore;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How records enter a flow other than by webhook: interval polls from the cursor (the "hourly sweep"),
 * cron-timed reconcile windows (the "nightly reconciliation"), runs on demand, and manual import of one
 * record. Each page is persisted, with the cursor, before the next page is read.
 */
final class FlowTriggers {
    private static final Logger LOG = LoggerFactory.getLogger(FlowTriggers.class);
    static final int PAGE_SIZE = 200;
    private static final int MAX_PAGES_PER_RUN = 10_000;
    /**
     * A poll run rests twice as long as its last page took (up to this) before asking for the next, so a sweep
     * over tens of thousands of orders takes at most a third of an event loop and of the source's attention.
     * Run back to back, its pages queued the webhook-driven fetches behind them: bench latency at 175 orders/s
     * with 20,000 orders in the sweep's window measured p99 203 ms back to back, 60 ms resting as long as a page
     * took, 32 ms resting twice as long, 24 ms with no sweep at all. A page of 200 every ~3× its time still
     * lists thousands a second, far faster than records are processed, so catching up after missed webhooks is
     * not slowed in practice.
     */
    static final long MAX_PAGE_PAUSE_MS = 1_000;

    /** What a poll or reconcile run did, for the admin API. */
    record RunSummary(String kind, Instant startedAt, Instant finishedAt, int pages, int read, int inserted,
                      int duplicates, String error) {
        JsonObject toJson() {
            return new JsonObject().put("kind", kind).put("startedAt", String.valueOf(startedAt))
                    .put("finishedAt", String.valueOf(finishedAt)).put("pages", pages).put("read", read)
                    .put("inserted", inserted).put("duplicates", duplicates).put("error", error);
        }
    }

    private final FlowRuntime flow;
    private final Vertx vertx;
    private final SyncStore store;
    private final Clock clock;
    private final List<Long> timers = new ArrayList<>();
    private volatile Future<RunSummary> running;
    private volatile RunSummary last;
    private volatile boolean stopped;

    FlowTriggers(FlowRuntime flow, Vertx vertx, SyncStore store, Clock clock) {
        this.flow = flow;
        this.vertx = vertx;
        this.store = store;
        this.clock = clock;
    }

    void start() {
        FlowConfig.Triggers t = flow.config().triggers();
        if (t.pollEvery() != null) {
            timers.add(vertx.setTimer(1_000, x -> poll()));
            timers.add(vertx.setPeriodic(t.pollEvery().toMillis(), x -> poll()));
        }
        for (FlowConfig.Schedule s : t.schedules()) {
            scheduleNext(s, CronSchedule.parse(s.cron()));
        }
    }

    void stop() {
        stopped = true;
        timers.forEach(vertx::cancelTimer);
    }

    Optional<RunSummary> last() {
        return Optional.ofNullable(last);
    }

    /** Whether a poll run is under way now. */
    boolean polling() {
        Future<RunSummary> r = running;
        return r != null && !r.isComplete();
    }

    private void scheduleNext(FlowConfig.Schedule s, CronSchedule cron) {
        if (stopped) {
            return;
        }
        Instant now = clock.instant();
        Instant next = cron.next(now, ZoneId.systemDefault()).toInstant();
        long delay = Math.max(1, Duration.between(now, next).toMillis());
        timers.add(vertx.setTimer(delay, x -> {
            LOG.info("Flow {}: scheduled reconciliation ({}) over the last {}", flow.config().id(), s.cron(), s.window());
            reconcile(s.window()).onComplete(ar -> scheduleNext(s, cron));
        }));
    }

    /** Reads from the cursor (minus the overlap) to now. One run at a time per flow; a second call joins it. */
    synchronized Future<RunSummary> poll() {
        if (running != null && !running.isComplete()) {
            return running;
        }
        FlowConfig.Triggers t = flow.config().triggers();
        running = store.cursor(flow.config().id()).compose(c -> {
            Instant since;
            if (c.isPresent()) {
                since = c.get().timestamp().minus(t.overlap());
            } else if (t.startFrom() != null) {
                since = t.startFrom();
            } else {
                Duration back = t.pollEvery() == null ? t.overlap() : t.pollEvery().plus(t.overlap());
                since = clock.instant().minus(back);
            }
            return run("poll", since, null, c.orElse(null), true);
        });
        return running;
    }

    /** Re-reads a window (e.g. the last 24 hours); the cursor is not moved, and dedupe drops what was seen. */
    Future<RunSummary> reconcile(Duration window) {
        Instant now = clock.instant();
        return run("reconcile", now.minus(window), now, null, false);
    }

    /** Imports one record by its source id, whatever its status in the source's filters. */
    Future<FlowRuntime.IngestResult> importOne(String sourceId) {
        FlowBinding b = flow.binding();
        return PluginHost.withClassLoader(b.source().classLoader(),
                        () -> b.sourceHandler().fetch(sourceId, flow.config().source().options()))
                .compose(found -> {
                    if (found.isEmpty()) {
                        return Future.failedFuture(new java.util.NoSuchElementException(flow.config().source().connection()
                                + " has no " + flow.config().source().stream() + " record with id '" + sourceId + "'"));
                    }
                    return flow.ingest(List.of(found.get()), null);
                });
    }

    private Future<RunSummary> run(String kind, Instant since, Instant until, Cursor cursor, boolean moveCursor) {
        Instant started = clock.instant();
        Promise<RunSummary> done = Promise.promise();
        page(kind, since, until, null, cursor, moveCursor, new int[4], started, done);
        return done.future().onComplete(ar -> {
            if (ar.succeeded()) {
                last = ar.result();
            }
        });
    }

    /** counts: pages, read, inserted, duplicates. */
    private void page(String kind, Instant since, Instant until, String token, Cursor cursor, boolean moveCursor,
                      int[] counts, Instant started, Promise<RunSummary> done) {
        FlowBinding b = flow.binding();
        // A flow that syncs each record once keeps only new ids from a page and fetches each when it processes
        // it, so the source may list without sub-resources: a sweep then costs one call per page, not several
        // per already-stored record.
        boolean listOnly = !flow.config().resyncOnChange();
        long pageStarted = System.nanoTime();
        PollRequest req = new PollRequest(since, until, token, PAGE_SIZE, flow.config().source().options(), listOnly);
        Future<SourcePage> fetched;
        try {
            fetched = PluginHost.withClassLoader(b.source().classLoader(), () -> b.sourceHandler().poll(req));
        } catch (RuntimeException e) {
            fetched = Future.failedFuture(e);
        }
        Duration limit = flow.config().triggers().pollTimeout();
        fetched = fetched.timeout(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .recover(e -> Future.failedFuture(e instanceof java.util.concurrent.TimeoutException
                        ? new dev.junction.api.error.RetryableException(flow.config().source().label()
                        + " did not answer a poll page within " + limit + "; the next poll starts afresh") : e));
        fetched.compose(page -> {
            List<SourceRecord> fresh = moveCursor ? CursorMath.unseen(cursor, page.records()) : page.records();
            Cursor next = moveCursor ? CursorMath.advance(cursor, page.records()) : null;
            counts[0]++;
            counts[1] += page.records().size();
            return flow.ingest(fresh, next, listOnly && page.listed()).map(res -> {
                counts[2] += res.ids().size();
                counts[3] += res.duplicates() + (page.records().size() - fresh.size());
                return new Object[]{page, next};
            });
        }).onComplete(ar -> {
            if (ar.failed()) {
                String error = Outcomes.message(Outcomes.unwrap(ar.cause()));
                LOG.warn("Flow {}: {} stopped after {} pages: {}", flow.config().id(), kind, counts[0], error);
                done.complete(summary(kind, started, counts, error));
                return;
            }
            SourcePage page = (SourcePage) ar.result()[0];
            Cursor next = (Cursor) ar.result()[1];
            if (page.nextPageToken().isPresent() && !stopped && counts[0] < MAX_PAGES_PER_RUN) {
                long pause = Math.min(MAX_PAGE_PAUSE_MS, 2 * (System.nanoTime() - pageStarted) / 1_000_000);
                String nextToken = page.nextPageToken().get();
                if (pause < 1) {
                    page(kind, since, until, nextToken, next, moveCursor, counts, started, done);
                } else {
                    vertx.setTimer(pause, x -> {
                        if (stopped) {
                            done.complete(summary(kind, started, counts, null));
                        } else {
                            page(kind, since, until, nextToken, next, moveCursor, counts, started, done);
                        }
                    });
                }
            } else {
                done.complete(summary(kind, started, counts, null));
            }
        });
    }

    private RunSummary summary(String kind, Instant started, int[] c, String error) {
        return new RunSummary(kind, started, clock.instant(), c[0], c[1], c[2], c[3], error);
    }
}
