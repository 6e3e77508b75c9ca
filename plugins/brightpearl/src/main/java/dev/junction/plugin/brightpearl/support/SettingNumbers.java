package dev.junction.plugin.brightpearl.support;

import dev.junction.api.error.PermanentException;
import io.vertx.core.json.JsonObject;

/** Whole-number connection settings, read once with an error that names the setting and the allowed range. */
public final class SettingNumbers {
    private SettingNumbers() {
    }

    /** {@code key}'s value, {@code dflt} when absent or blank; a non-number or one outside {@code [min, max]} is refused. */
    public static long read(JsonObject config, String key, long dflt, long min, long max) {
        Object v = config == null ? null : config.getValue(key);
        if (v == null || v.toString().isBlank()) {
            return dflt;
        }
        long n;
        try {
            n = Long.parseLong(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new PermanentException("'" + key + "' must be a whole number, got '" + v + "'");
        }
        if (n < min || n > max) {
            throw new PermanentException("'" + key + "' must be " + (max == Long.MAX_VALUE ? "at least " + min
                    : "between " + min + " and " + max) + ", got " + n);
        }
        return n;
    }
}
