package dev.junction.plugin.brightpearl.client;

import dev.junction.api.error.PermanentException;
import io.vertx.core.json.JsonObject;

/**
 * Whether a connection sends its writes in multi-messages ({@link WriteBatcher}), from connection settings:
 * {@code batchWrites} (default true); {@code writeConcurrency} (default 2), the most write requests out
 * at once, writes that find every slot busy waiting to leave together, up to ten in one request; and
 * {@code writeLingerMs} (default 0), how long a write that finds a free slot waits for company.
 */
public record WriteBatching(boolean enabled, int writeConcurrency, long lingerMs) {
    public static final String ENABLED = "batchWrites";
    public static final String CONCURRENCY = "writeConcurrency";
    public static final String LINGER = "writeLingerMs";
    public static final int DEFAULT_CONCURRENCY = 2;
    public static final long DEFAULT_LINGER_MS = 0;
    /** A longer wait would hold every order's writes for seconds; Brightpearl's own answers take 100s of ms. */
    public static final long MAX_LINGER_MS = 1_000;

    public WriteBatching(boolean enabled, int writeConcurrency) {
        this(enabled, writeConcurrency, DEFAULT_LINGER_MS);
    }

    public static WriteBatching from(JsonObject config) {
        Object on = config == null ? null : config.getValue(ENABLED);
        boolean enabled = on == null || on.toString().isBlank() || bool(on);
        Object n = config == null ? null : config.getValue(CONCURRENCY);
        int concurrency = DEFAULT_CONCURRENCY;
        if (n != null && !n.toString().isBlank()) {
            try {
                concurrency = Integer.parseInt(n.toString().trim());
            } catch (NumberFormatException e) {
                throw new PermanentException("'" + CONCURRENCY + "' must be a whole number, got '" + n + "'");
            }
            if (concurrency < 1) {
                throw new PermanentException("'" + CONCURRENCY + "' must be at least 1, got " + concurrency);
            }
        }
        long linger = DEFAULT_LINGER_MS;
        Object l = config == null ? null : config.getValue(LINGER);
        if (l != null && !l.toString().isBlank()) {
            try {
                linger = Long.parseLong(l.toString().trim());
            } catch (NumberFormatException e) {
                throw new PermanentException("'" + LINGER + "' must be a whole number of milliseconds, got '" + l + "'");
            }
            if (linger < 0 || linger > MAX_LINGER_MS) {
                throw new PermanentException("'" + LINGER + "' must be between 0 and " + MAX_LINGER_MS + " ms, got " + linger);
            }
        }
        return new WriteBatching(enabled, concurrency, linger);
    }

    private static boolean bool(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        String s = v.toString().trim();
        if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(s);
        }
        throw new PermanentException("'" + ENABLED + "' must be true or false, got '" + v + "'");
    }
}
