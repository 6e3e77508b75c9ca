package dev.junction.hub.metrics;

import dev.junction.api.service.Metrics;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * In-process counters and timers, keyed by name plus tags ({@code remote.requests{limiter=brightpearl:..}}).
 * Cheap enough for hot paths; served as JSON by the admin API.
 */
public final class HubMetrics implements Metrics {
    private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    @Override
    public void increment(String name, String... tags) {
        counters.computeIfAbsent(key(name, tags), k -> new LongAdder()).increment();
    }

    @Override
    public void record(String name, Duration duration, String... tags) {
        timers.computeIfAbsent(key(name, tags), k -> new Timer()).add(duration.toNanos());
    }

    public long counter(String name, String... tags) {
        LongAdder a = counters.get(key(name, tags));
        return a == null ? 0 : a.sum();
    }

    /** Sum of a counter over all tag combinations. */
    public long counterTotal(String name) {
        return counters.entrySet().stream()
                .filter(e -> e.getKey().equals(name) || e.getKey().startsWith(name + "{"))
                .mapToLong(e -> e.getValue().sum()).sum();
    }

    public JsonObject toJson() {
        JsonObject c = new JsonObject();
        new TreeMap<>(counters).forEach((k, v) -> c.put(k, v.sum()));
        JsonObject t = new JsonObject();
        new TreeMap<>(timers).forEach((k, v) -> t.put(k, v.toJson()));
        return new JsonObject().put("counters", c).put("timers", t);
    }

    static String key(String name, String... tags) {
        if (tags.length == 0) {
            return name;
        }
        StringBuilder sb = new StringBuilder(name).append('{');
        for (int i = 0; i + 1 < tags.length; i += 2) {
            if (i > 0) sb.append(',');
            sb.append(tags[i]).append('=').append(tags[i + 1]);
        }
        return sb.append('}').toString();
    }

    private static final class Timer {
        private final LongAdder count = new LongAdder();
        private final LongAdder totalNanos = new LongAdder();
        private final AtomicLong maxNanos = new AtomicLong();

        void add(long nanos) {
            count.increment();
            totalNanos.add(nanos);
            maxNanos.accumulateAndGet(nanos, Math::max);
        }

        JsonObject toJson() {
            long n = count.sum();
            return new JsonObject().put("count", n)
                    .put("meanMs", n == 0 ? 0 : totalNanos.sum() / 1e6 / n)
                    .put("maxMs", maxNanos.get() / 1e6);
        }
    }
}
