package dev.junction.plugin.brightpearl.support;

import dev.junction.plugin.brightpearl.client.BrightpearlClient;
import dev.junction.plugin.brightpearl.client.SearchPage;
import io.vertx.core.Future;
import org.slf4j.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * An in-memory copy of one column of a Brightpearl search (SKU → product id, primary email → contact id),
 * so that lookups cost no request: Brightpearl allows 200 requests a minute per account, and a search per
 * SKU or email is most of what an order used to cost.
 *
 * <ul>
 *   <li><b>Load</b>, on first need: every row of {@code {resource}-search} with just the columns needed
 *   ({@code columns=}), {@value BrightpearlClient#PAGE_SIZE} per page, sorted by id, then one
 *   {@code updatedOn} search for what changed while the pages were read. If Brightpearl reports more rows
 *   than {@code limit}, the index is not kept ({@link Result#indexed()} false) and callers search per key;
 *   checked again at each reload.</li>
 *   <li><b>Refresh</b>: one {@code updatedOn=<since>/} search (Brightpearl's PERIOD filter, open-ended).
 *   At most once every {@link #WIDE_EVERY} it is <i>wide</i>: rows changed since the previous wide refresh
 *   began, less {@link #SKEW} for clock differences and late commits. In between it is <i>narrow</i>: rows
 *   from {@link #LATE_COMMIT} before the newest {@code updatedOn} seen so far. That is Brightpearl's own
 *   clock, so no clock difference needs covering, only commits that became visible after a newer row did.
 *   Concurrent callers share one refresh
 *   ({@link Refresher}). Each row carries its {@code updatedOn}; a row older than the one held is ignored,
 *   so refreshes and reloads can finish in any order.</li>
 *   <li><b>Reload</b> every {@code reloadEvery}, in the background while lookups keep using the current
 *   copy: the only way deleted rows drop out (a search of changes cannot show a deletion).</li>
 * </ul>
 *
 * Lookups ({@link #find}): a hit answers at once (and starts a background refresh if the copy is older than
 * {@code refreshEvery}). A miss is trusted either when the copy is fresh ({@code strict=false}: products, a
 * product added moments ago becomes a free-text row until the next refresh, as with the former 2-minute miss
 * cache) or only once a refresh that began after the lookup has finished ({@code strict=true}: contacts, a
 * customer created a second ago elsewhere must not be created again).
 *
 * Keys are compared after {@code normalise}; when several rows share a key the lowest id wins, as the first
 * row of an id-sorted search would.
 */
public final class SearchIndex {
    /**
     * Overlap under the previous refresh's start (on top of rounding down to whole seconds): clock differences
     * between hub and Brightpearl and changes committed just before that start but not yet searchable. Every
     * refresh re-reads the rows changed in this overlap, so it is kept small: at Brightpearl's 200 requests a
     * minute an account changes a few contacts a second at most, but the simulator runs hundreds of orders a
     * second and a wide overlap would make each refresh several pages.
     */
    static final Duration SKEW = Duration.ofSeconds(2);
    /**
     * How often a refresh re-reads the {@link #SKEW} overlap. Under load, strict misses ask for a refresh every
     * few milliseconds; when each re-read the last two to three seconds of changes (hundreds of contacts the
     * hub itself had just created), that overlap was about a quarter of the Brightpearl simulator's CPU.
     */
    static final Duration WIDE_EVERY = Duration.ofSeconds(1);
    /**
     * A narrow refresh's overlap under the newest {@code updatedOn} seen: a row stamped before a newer one but
     * committed after it was read. A commit takes milliseconds after its stamp; this allows a quarter of a second
     * on Brightpearl's clock (then rounded down to the second, so often more), and the wide refresh every
     * {@link #WIDE_EVERY} allows {@link #SKEW}. It was a whole second, but every refresh re-reads the overlap, and
     * under load refreshes run dozens of times a second: with 40% new customers at 520 orders a second, 160
     * refreshes a second re-read some 380 contacts each, most of what the Brightpearl simulator and the hub's
     * event loops spent on contacts.
     */
    static final Duration LATE_COMMIT = Duration.ofMillis(250);
    /** How soon a failed reload is tried again. */
    static final Duration RELOAD_RETRY = Duration.ofMinutes(5);

    /** One indexed row: its id, normalised key, Brightpearl's {@code updatedOn} and the other columns asked for. */
    public record Entry(long id, String key, Instant updatedOn, Map<String, Object> extra) {
    }

    /** A lookup's answer: {@code indexed} false when the index is not kept (over its limit); then ask Brightpearl. */
    public record Result(boolean indexed, Optional<Entry> entry) {
        static final Result NOT_INDEXED = new Result(false, Optional.empty());
    }

    /**
     * What to index.
     *
     * @param label     for the log, e.g. "products by SKU"
     * @param path      the search resource, e.g. {@code /product-service/product-search}
     * @param idColumn  e.g. {@code productId}
     * @param keyColumn e.g. {@code SKU}
     * @param extra     other columns to keep per row (e.g. a contact's names)
     * @param normalise key normalisation applied to rows and lookups alike (null for a blank key)
     */
    public record Spec(String label, String path, String idColumn, String keyColumn, List<String> extra,
                       UnaryOperator<String> normalise) {
    }

    private final BrightpearlClient client;
    private final Clock clock;
    private final Logger log;
    private final Spec spec;
    private final Duration refreshEvery;
    private final Duration reloadEvery;
    private final long limit;
    private final Refresher refresher;
    private final SearchReader reader;

    // guarded by this
    private IndexedRows rows = new IndexedRows();
    private boolean loaded;
    private boolean tooLarge;
    private boolean reloading;
    private boolean loggedLoad;
    private Instant nextReload = Instant.MIN;
    private Instant refreshedAt = Instant.MIN;
    private Instant cursor;       // hub clock: when the last wide refresh (or the load) began
    private boolean wideDue;      // the next refresh is wide whatever the time: it follows a load
    private Instant newestSeen;   // Brightpearl's clock: the newest updatedOn read from Brightpearl

    /**
     * @param limit most rows to keep; a larger result is not indexed. 0 = never index (callers always search).
     */
    public SearchIndex(BrightpearlClient client, Clock clock, Logger log, Spec spec, Duration refreshEvery,
                       Duration reloadEvery, long limit) {
        this.client = client;
        this.clock = clock;
        this.log = log;
        this.spec = spec;
        this.refreshEvery = refreshEvery;
        this.reloadEvery = reloadEvery;
        this.limit = limit;
        this.refresher = new Refresher(this::job);
        this.reader = new SearchReader(client, spec);
        if (limit <= 0) {
            tooLarge = true;
            nextReload = Instant.MAX;
        }
    }

    public String normalise(String key) {
        return key == null ? null : spec.normalise().apply(key);
    }

    /** Looks {@code rawKey} up; see the class comment for when a miss is trusted. */
    public Future<Result> find(String rawKey, boolean strict) {
        String key = normalise(rawKey);
        long ticket = refresher.ticket();
        Instant now = clock.instant();
        boolean needLoad;
        boolean recheck;
        synchronized (this) {
            recheck = tooLarge && !now.isBefore(nextReload);
            if (recheck) {
                nextReload = now.plus(RELOAD_RETRY); // at most one check per retry period, even if it fails
            }
            needLoad = !loaded && !tooLarge;
        }
        if (recheck || (!needLoad && !indexed())) {
            if (recheck) {
                // the size again, in the background; meanwhile callers search
                refresher.any().onFailure(e -> log.debug("Brightpearl {}: size check failed: {}", spec.label(), e.toString()));
            }
            return Future.succeededFuture(Result.NOT_INDEXED);
        }
        if (needLoad) {
            return refresher.after(ticket).map(v -> answer(key));
        }
        Entry hit;
        boolean fresh;
        synchronized (this) {
            hit = key == null ? null : rows.byKey(key);
            fresh = now.isBefore(refreshedAt.plus(refreshEvery));
        }
        // After the lookup: this answer is the copy as it was when asked; a reload that this call starts (and
        // that may finish on another thread before this one reads) only shows in later answers.
        maybeReload(now);
        if (hit != null) {
            if (!fresh && !refresher.running()) {
                refresher.any().onFailure(e -> log.debug("Brightpearl {}: background refresh failed: {}", spec.label(), e.toString()));
            }
            return Future.succeededFuture(new Result(true, Optional.of(hit)));
        }
        if (key == null || (!strict && fresh)) {
            return Future.succeededFuture(new Result(true, Optional.empty()));
        }
        // by age, any refresh under way will do; strictly, only one that began after this lookup
        return (strict ? refresher.after(ticket) : refresher.any()).map(v -> answer(key));
    }

    private synchronized Result answer(String key) {
        if (tooLarge) {
            return Result.NOT_INDEXED;
        }
        Entry e = key == null ? null : rows.byKey(key);
        return new Result(true, Optional.ofNullable(e));
    }

    /** Whether the index is in use (loaded and within its limit). */
    public synchronized boolean indexed() {
        return loaded && !tooLarge;
    }

    /** Number of rows held. */
    public synchronized int size() {
        return rows.size();
    }

    /** Records a row the hub itself just created, so the next lookup hits before any refresh. */
    public void putLocal(long id, String rawKey, Map<String, Object> extra) {
        synchronized (this) {
            if (tooLarge) {
                return;
            }
            rows.upsert(new Entry(id, normalise(rawKey), clock.instant(), Map.copyOf(extra)), false);
        }
    }

    /**
     * Updates the extra columns of a row the hub just wrote, keeping its {@code updatedOn}, so the next refresh
     * still replaces it with what Brightpearl holds.
     */
    public synchronized void patchLocal(long id, Map<String, Object> extra) {
        rows.patch(id, extra);
    }

    /** Drops a row Brightpearl no longer has (a 404 on it). */
    public synchronized void forget(long id) {
        rows.remove(id);
    }

    /** Makes the next miss refresh (something changed that the copy may not show yet). */
    public synchronized void markStale() {
        refreshedAt = Instant.MIN;
    }

    // ------------------------------------------------------------------------------------------ jobs

    /** The refresher's one job: the first load (or a size check when over the limit), else a refresh. */
    private Future<Void> job() {
        Instant start = clock.instant();
        boolean load;
        synchronized (this) {
            load = !loaded || tooLarge;
        }
        if (!load) {
            return refresh(start);
        }
        return readAll(start).compose(read -> {
            if (read == null) {
                return Future.succeededFuture(); // over the limit: noted by readAll
            }
            long ms = Duration.between(start, clock.instant()).toMillis();
            boolean first;
            synchronized (this) {
                replace(read, start);
                cursor = start;
                first = !loggedLoad;
                loggedLoad = true;
            }
            if (first) {
                log.info("Brightpearl {}: indexed {} in {} ms, {} search page(s) (refreshed every {} s, reloaded every {} min)",
                        spec.label(), read.size(), ms, Math.max(1, (read.size() + BrightpearlClient.PAGE_SIZE - 1)
                                / BrightpearlClient.PAGE_SIZE), refreshEvery.toSeconds(), reloadEvery.toMinutes());
            }
            return refresh(start); // what changed while the pages were read
        });
    }

    /**
     * One {@code updatedOn} search: wide (from the previous wide refresh's start, less the skew) at most once
     * every {@link #WIDE_EVERY}, else narrow (from {@link #LATE_COMMIT} before the newest row seen); see the
     * class comment.
     */
    private Future<Void> refresh(Instant start) {
        Instant since;
        boolean wide;
        synchronized (this) {
            wide = wideDue || newestSeen == null || cursor == null || !start.isBefore(cursor.plus(WIDE_EVERY));
            since = wide ? (cursor == null ? start : cursor).minus(SKEW).truncatedTo(ChronoUnit.SECONDS)
                    : newestSeen.minus(LATE_COMMIT).truncatedTo(ChronoUnit.SECONDS);
        }
        Map<String, String> filters = reader.query();
        filters.put("updatedOn", since + "/");
        return reader.rows(filters, Long.MAX_VALUE).map(changed -> {
            synchronized (this) {
                for (Entry e : changed) {
                    rows.upsert(e, true);
                    seen(e.updatedOn());
                }
                if (wide) {
                    wideDue = false;
                    if (cursor == null || start.isAfter(cursor)) {
                        cursor = start;
                    }
                }
                if (start.isAfter(refreshedAt)) {
                    refreshedAt = start;
                }
            }
            if (!changed.isEmpty()) {
                log.debug("Brightpearl {}: {} changed since {}", spec.label(), changed.size(), since);
            }
            return null;
        });
    }

    /** Starts a background reload when one is due; lookups keep using the current copy meanwhile. */
    private void maybeReload(Instant now) {
        synchronized (this) {
            if (reloading || !loaded || now.isBefore(nextReload)) {
                return;
            }
            reloading = true;
        }
        Instant start = now;
        readAll(start).onComplete(ar -> {
            synchronized (this) {
                reloading = false;
                if (ar.failed()) {
                    nextReload = clock.instant().plus(RELOAD_RETRY);
                } else if (ar.result() != null) {
                    merge(ar.result(), start);
                }
            }
            if (ar.failed()) {
                log.warn("Brightpearl {}: reload failed, trying again in {} min: {}", spec.label(),
                        RELOAD_RETRY.toMinutes(), ar.cause().toString());
            } else if (ar.result() != null) {
                log.debug("Brightpearl {}: reloaded {} in {} ms", spec.label(), ar.result().size(),
                        Duration.between(start, clock.instant()).toMillis());
            }
        });
    }

    /** Every row, or null (and the index set aside) when Brightpearl reports more than the limit. */
    private Future<List<Entry>> readAll(Instant start) {
        return reader.rows(reader.query(), limit).map(read -> {
            if (read != null) {
                return read;
            }
            synchronized (this) {
                if (!tooLarge) {
                    log.info("Brightpearl {}: more than {} rows, over the index limit: looking each up with a search instead",
                            spec.label(), limit);
                }
                tooLarge = true;
                loaded = false;
                rows = new IndexedRows();
                nextReload = start.plus(reloadEvery);
            }
            return null;
        });
    }

    // ------------------------------------------------------------------------------------------ state (under lock)

    private void seen(Instant updatedOn) {
        if (updatedOn != null && (newestSeen == null || updatedOn.isAfter(newestSeen))) {
            newestSeen = updatedOn;
        }
    }

    private void replace(List<Entry> read, Instant start) {
        rows = IndexedRows.of(read);
        read.forEach(e -> seen(e.updatedOn()));
        wideDue = true; // the refresh that follows a load is wide: it covers the pages' reading time
        loaded = true;
        tooLarge = false;
        nextReload = start.plus(reloadEvery);
        if (start.isAfter(refreshedAt)) {
            refreshedAt = start;
        }
    }

    /**
     * Swaps in a reload's rows, keeping what the current copy knows that is newer: rows changed (or created by
     * the hub) since the reload began. Rows in neither are gone from Brightpearl.
     */
    private void merge(List<Entry> reloaded, Instant start) {
        rows = rows.mergedWith(reloaded, start.minus(SKEW));
        nextReload = start.plus(reloadEvery);
    }
}
