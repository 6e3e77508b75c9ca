package dev.junction.plugin.brightpearl.support;

import dev.junction.plugin.brightpearl.client.BrightpearlClient;
import dev.junction.plugin.brightpearl.mapping.BpJson;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a product by SKU (or another identity column named by option {@code productKey}: SKU, barcode,
 * EAN, UPC, ISBN, MPN). Search filters may be fuzzy, so the value is re-checked for exact equality. Hits
 * and misses are cached (misses more briefly, so a product added in Brightpearl is picked up soon).
 */
public final class ProductLookup {
    private final BrightpearlClient client;
    private final TtlCache<String, Optional<Long>> hits;
    private final TtlCache<String, Optional<Long>> misses;

    public ProductLookup(BrightpearlClient client, Clock clock) {
        this.client = client;
        this.hits = new TtlCache<>(clock, Duration.ofMinutes(30));
        this.misses = new TtlCache<>(clock, Duration.ofMinutes(2));
    }

    public Future<Optional<Long>> find(String key, String value) {
        String column = key == null || key.isBlank() ? "SKU" : key.trim();
        String cacheKey = column + "|" + value;
        return hits.get(cacheKey, () -> misses.get(cacheKey, () -> search(column, value)).map(found -> {
            if (found.isPresent()) {
                misses.invalidate(cacheKey);
            }
            return found;
        })).map(found -> {
            if (found.isEmpty()) {
                hits.invalidate(cacheKey); // a miss is kept only in the short-lived cache
            }
            return found;
        });
    }

    /** Looks up several values, one search each (cached ones free). */
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

    /** Forget what is known about a value (after creating or changing a product). */
    public void invalidate(String key, String value) {
        String cacheKey = (key == null || key.isBlank() ? "SKU" : key.trim()) + "|" + value;
        hits.invalidate(cacheKey);
        misses.invalidate(cacheKey);
    }

    private Future<Optional<Long>> search(String column, String value) {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put(column, value);
        return client.search("/product-service/product-search", filters, 1, 50).map(page -> {
            for (JsonObject row : page.rows()) {
                Object v = row.getValue(column);
                if (v != null && v.toString().trim().equals(value.trim())) {
                    return Optional.ofNullable(BpJson.longId(row.getValue("productId")));
                }
            }
            return Optional.<Long>empty();
        });
    }
}
