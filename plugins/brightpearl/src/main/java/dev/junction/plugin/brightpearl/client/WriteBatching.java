package dev.junction.plugin.brightpearl.client;

import dev.junction.api.error.PermanentException;
import io.vertx.core.json.JsonObject;

/**
 * Whether a connection sends its writes in multi-messages ({@link WriteBatcher}), from connection settings:
 * {@code batchWrites} (default true) and {@code writeConcurrency} (default 2), the most write requests out
 * at once; writes that find every slot busy wait and leave together, up to ten in one request.
 */
public record WriteBatching(boolean enabled, int writeConcurrency) {
    public static final String ENABLED = "batchWrites";
    public static final String CONCURRENCY = "writeConcurrency";
    public static final int DEFAULT_CONCURRENCY = 2;

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
        return new WriteBatching(enabled, concurrency);
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
