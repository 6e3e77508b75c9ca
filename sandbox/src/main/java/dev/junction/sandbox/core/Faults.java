package dev.junction.sandbox.core;

import io.vertx.core.json.JsonObject;

import java.util.Random;

/**
 * Fault-injection knobs of one simulator, changed at run time through {@code PUT /_sandbox/faults}:
 * added latency, a rate of injected 500 errors, forced throttling (every request answered with the
 * system's own throttled response), and dropped outgoing webhooks. Deterministic for a given seed.
 */
public final class Faults {
    private volatile long latencyMs;
    private volatile double errorRate;
    private volatile boolean forceThrottle;
    private volatile boolean dropWebhooks;
    private volatile boolean down;
    private final Random random;

    public Faults(long seed) {
        this.random = new Random(seed);
    }

    public long latencyMs() {
        return latencyMs;
    }

    public double errorRate() {
        return errorRate;
    }

    public boolean forceThrottle() {
        return forceThrottle;
    }

    public boolean dropWebhooks() {
        return dropWebhooks;
    }

    /** When down, every API request (not control requests) fails with 503, as during an outage. */
    public boolean down() {
        return down;
    }

    /** Whether this request should fail with an injected error. */
    public boolean injectError() {
        double rate = errorRate;
        if (rate <= 0) {
            return false;
        }
        synchronized (random) {
            return random.nextDouble() < rate;
        }
    }

    public void update(JsonObject knobs) {
        if (knobs.containsKey("latencyMs")) latencyMs = knobs.getLong("latencyMs");
        if (knobs.containsKey("errorRate")) errorRate = knobs.getDouble("errorRate");
        if (knobs.containsKey("forceThrottle")) forceThrottle = knobs.getBoolean("forceThrottle");
        if (knobs.containsKey("dropWebhooks")) dropWebhooks = knobs.getBoolean("dropWebhooks");
        if (knobs.containsKey("down")) down = knobs.getBoolean("down");
    }

    public void clear() {
        latencyMs = 0;
        errorRate = 0;
        forceThrottle = false;
        dropWebhooks = false;
        down = false;
    }

    public JsonObject toJson() {
        return new JsonObject().put("latencyMs", latencyMs).put("errorRate", errorRate)
                .put("forceThrottle", forceThrottle).put("dropWebhooks", dropWebhooks).put("down", down);
    }
}
