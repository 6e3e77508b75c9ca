package dev.junction.plugin.brightpearl.support;

import dev.junction.api.error.PermanentException;
import dev.junction.plugin.brightpearl.client.BrightpearlClient;
import io.vertx.core.Future;
import org.slf4j.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds a product by SKU (or another identity column named by option {@code productKey}: SKU, barcode,
 * EAN, UPC, ISBN, MPN) in an index of the catalogue ({@link SearchIndex}, one per column in use) instead of
 * one {@code product-search} per SKU: loaded on first need by paging through {@code product-search} (500
 * rows a page, columns {@code productId} and the identity column), kept fresh by one
 * {@code updatedOn=<since>/} search when older than {@code lookupRefreshSeconds} (shared by all lookups
 * waiting then), reloaded every {@code lookupReloadMinutes} so deleted products drop out.
 *
 * <p>A value absent from a fresh index is a miss without a search: a product created in Brightpearl moments
 * before an order becomes a free-text row, as with the former 2-minute miss cache; a miss in a stale index
 * refreshes first. Values match exactly (trimmed, case kept), since search filters may be fuzzy; when
 * several products share a value the lowest id wins, as the first row of an id-sorted search would.
 */
public final class ProductLookup {
    /** Identity columns of product-search a flow may match on. */
    static final List<String> COLUMNS = List.of("SKU", "barcode", "EAN", "UPC", "ISBN", "MPN");

    private final BrightpearlClient client;
    private final Clock clock;
    private final Logger log;
    private final Duration refreshEvery;
    private final Duration reloadEvery;
    private final Map<String, SearchIndex> indexes = new ConcurrentHashMap<>();

    public ProductLookup(BrightpearlClient client, Clock clock, Logger log, Duration refreshEvery, Duration reloadEvery) {
        this.client = client;
        this.clock = clock;
        this.log = log;
        this.refreshEvery = refreshEvery;
        this.reloadEvery = reloadEvery;
    }

    public Future<Optional<Long>> find(String key, String value) {
        if (value == null || value.isBlank()) {
            return Future.succeededFuture(Optional.empty());
        }
        return index(key).find(value, false).map(r -> r.entry().map(SearchIndex.Entry::id));
    }

    /** Looks up several values; all answered from the index (at most one refresh shared by them). */
    public Future<Map<String, Long>> findAll(String key, Collection<String> values) {
        Map<String, Long> out = new LinkedHashMap<>();
        Future<Void> chain = Future.succeededFuture();
        for (String v : new LinkedHashSet<>(values)) {
            chain = chain.compose(x -> find(key, v).map(found -> {
                found.ifPresent(id -> out.put(v, id));
                return null;
            }));
        }
        return chain.map(x -> out);
    }

    /** Something about a value changed in Brightpearl (a product webhook): the next miss refreshes first. */
    public void invalidate(String key, String value) {
        index(key).markStale();
    }

    /** The index for an identity column (for tests and diagnostics). */
    SearchIndex index(String key) {
        String column = column(key);
        return indexes.computeIfAbsent(column, c -> new SearchIndex(client, clock, log,
                new SearchIndex.Spec("products by " + c, "/product-service/product-search", "productId", c, List.of(),
                        String::trim), refreshEvery, reloadEvery, Long.MAX_VALUE));
    }

    private static String column(String key) {
        if (key == null || key.isBlank()) {
            return "SKU";
        }
        String k = key.trim();
        for (String c : COLUMNS) {
            if (c.equalsIgnoreCase(k)) {
                return c;
            }
        }
        throw new PermanentException("flow option 'productKey' must be one of " + COLUMNS + " (the product-search "
                + "column store SKUs are matched on), got '" + key + "'");
    }
}
