package dev.junction.plugin.brightpearl.client;

import dev.junction.api.error.PermanentException;
import dev.junction.plugin.brightpearl.support.SettingNumbers;
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
    /** More slots than the hub has records in flight would never fill; 64 is the highest flow concurrency in use. */
    public static final int MAX_CONCURRENCY = 64;
    public static final long DEFAULT_LINGER_MS = 0;
    /** A longer wait would hold every order's writes for seconds; Brightpearl's own answers take 100s of ms. */
    public static final long MAX_LINGER_MS = 1_000;

    public static WriteBatching from(JsonObject config) {
        Object on = config == null ? null : config.getValue(ENABLED);
        boolean enabled = on == null || on.toString().isBlank() || bool(on);
        int concurrency = (int) SettingNumbers.read(config, CONCURRENCY, DEFAULT_CONCURRENCY, 1, MAX_CONCURRENCY);
        long linger = SettingNumbers.read(config, LINGER, DEFAULT_LINGER_MS, 0, MAX_LINGER_MS);
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
