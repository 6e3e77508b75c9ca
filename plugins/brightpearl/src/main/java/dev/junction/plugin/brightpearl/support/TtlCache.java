package dev.junction.plugin.brightpearl.support;

import io.vertx.core.Future;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A small cache with expiry, for lookups that cost Brightpearl requests (contact by email, product by SKU,
 * statuses): with 200 requests a minute per account, every repeated lookup saved is an order synced.
 * Concurrent loads of one key share a single request. Expired entries are dropped as new ones come in, so the
 * cache holds what was put within about one {@code ttl}, not every key the hub has ever looked up.
 */
public final class TtlCache<K, V> {
    private record Entry<V>(V value, Instant expires) {
    }

    private final Clock clock;
    private final Duration ttl;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final Map<K, Future<V>> loading = new ConcurrentHashMap<>();
    /** Puts between two sweeps of expired entries: a sweep walks the whole map, so it is spread over many puts. */
    static final int SWEEP_EVERY = 1024;
    private final AtomicInteger putsSinceSweep = new AtomicInteger();

    public TtlCache(Clock clock, Duration ttl) {
        this.clock = clock;
        this.ttl = ttl;
    }

    public Future<V> get(K key, Supplier<Future<V>> loader) {
        Entry<V> e = entries.get(key);
        if (e != null && clock.instant().isBefore(e.expires())) {
            return Future.succeededFuture(e.value());
        }
        Future<V> pending = loading.get(key);
        if (pending != null) {
            return pending;
        }
        Future<V> load = loader.get();
        loading.put(key, load);
        return load.andThen(ar -> {
            loading.remove(key, load);
            if (ar.succeeded()) {
                put(key, ar.result());
            }
        });
    }

    public void put(K key, V value) {
        Instant now = clock.instant();
        entries.put(key, new Entry<>(value, now.plus(ttl)));
        if (putsSinceSweep.incrementAndGet() >= SWEEP_EVERY) {
            putsSinceSweep.set(0);
            entries.values().removeIf(e -> !now.isBefore(e.expires()));
        }
    }

    /** Entries held, expired or not (for tests). */
    int size() {
        return entries.size();
    }

    public void invalidate(K key) {
        entries.remove(key);
    }
}
