package dev.junction.plugin.brightpearl.support;

import io.vertx.core.json.JsonObject;

import java.time.Duration;

/**
 * How the connection keeps its product and contact indexes ({@link SearchIndex}), from connection settings:
 * {@code lookupRefreshSeconds} (default 60) how old an index may get before a lookup refreshes it with one
 * {@code updatedOn} search; {@code lookupReloadMinutes} (default 360) how often it is read again whole, so
 * deleted products and contacts drop out; {@code contactIndexLimit} (default 50,000) the most contacts kept,
 * above which each unknown email is searched for on its own (0 = never index contacts).
 */
public record LookupSettings(Duration refreshEvery, Duration reloadEvery, long contactIndexLimit) {
    public static final String REFRESH = "lookupRefreshSeconds";
    public static final String RELOAD = "lookupReloadMinutes";
    public static final String CONTACT_LIMIT = "contactIndexLimit";
    public static final long DEFAULT_REFRESH_SECONDS = 60;
    public static final long DEFAULT_RELOAD_MINUTES = 360;
    public static final long DEFAULT_CONTACT_LIMIT = 50_000;

    public static LookupSettings from(JsonObject config) {
        long refresh = number(config, REFRESH, DEFAULT_REFRESH_SECONDS, 1);
        long reload = number(config, RELOAD, DEFAULT_RELOAD_MINUTES, 1);
        long limit = number(config, CONTACT_LIMIT, DEFAULT_CONTACT_LIMIT, 0);
        return new LookupSettings(Duration.ofSeconds(refresh), Duration.ofMinutes(reload), limit);
    }

    private static long number(JsonObject config, String key, long dflt, long min) {
        return SettingNumbers.read(config, key, dflt, min, Long.MAX_VALUE);
    }
}
