package dev.junction.sandbox.bigcommerce;

import java.util.List;

/**
 * Configuration of one simulated BigCommerce store.
 *
 * @param storeHash             the store hash in {@code /stores/{store_hash}/...}
 * @param accessToken           the only {@code X-Auth-Token} value accepted
 * @param seed                  seed for ids of generated data, fault injection and the order generator
 * @param rateLimitQuota        requests per 30 s window (BigCommerce Standard/Plus: 150); 0 = unlimited
 * @param webhookRetryDelaysMs  delays before each retry of a failed callback. Real BigCommerce waits
 *                              60 s, 180 s, ... ; tests and demos want milliseconds (the default:
 *                              {@link #WEBHOOK_RETRIES_MS}).
 */
public record BigCommerceOptions(String storeHash, String accessToken, long seed, int rateLimitQuota,
                                 List<Long> webhookRetryDelaysMs) {

    public static final int DEFAULT_QUOTA = 150;

    /**
     * BigCommerce's retry schedule (60, 180, 300, 600, 900, 1800, 3600, 7200, 21600, 50400 and 86400 s: eleven
     * retries over two days) at 1/600 of real time, so about five minutes in all. It was three retries within
     * 1.4 s, and a hub that fell behind for longer than that (a benchmark on a slow host, a restart in the demo)
     * lost events that real BigCommerce would still have delivered: the hub then waited for its sweep.
     */
    public static final List<Long> WEBHOOK_RETRIES_MS =
            List.of(100L, 300L, 500L, 1_000L, 1_500L, 3_000L, 6_000L, 12_000L, 36_000L, 84_000L, 144_000L);

    public BigCommerceOptions {
        if (storeHash == null || storeHash.isBlank()) throw new IllegalArgumentException("storeHash required");
        if (accessToken == null || accessToken.isBlank()) throw new IllegalArgumentException("accessToken required");
        if (rateLimitQuota < 0) throw new IllegalArgumentException("rateLimitQuota must be >= 0");
        webhookRetryDelaysMs = webhookRetryDelaysMs == null ? List.of() : List.copyOf(webhookRetryDelaysMs);
    }

    public BigCommerceOptions(String storeHash, String accessToken, long seed, int rateLimitQuota) {
        this(storeHash, accessToken, seed, rateLimitQuota, WEBHOOK_RETRIES_MS);
    }

    /** Store {@code abc123}, token {@code sandbox-token}, seed 42, the standard 150-per-30-s quota. */
    public static BigCommerceOptions defaults() {
        return new BigCommerceOptions("abc123", "sandbox-token", 42, DEFAULT_QUOTA);
    }

    public BigCommerceOptions withRateLimitQuota(int quota) {
        return new BigCommerceOptions(storeHash, accessToken, seed, quota, webhookRetryDelaysMs);
    }

    public BigCommerceOptions withWebhookRetryDelaysMs(List<Long> delays) {
        return new BigCommerceOptions(storeHash, accessToken, seed, rateLimitQuota, delays);
    }

    /** The numeric store id BigCommerce puts in webhook payloads ({@code store_id}), stable per hash. */
    public String storeId() {
        return Long.toString(1_000_000L + Math.floorMod(storeHash.hashCode(), 9_000_000));
    }
}
