package dev.junction.sandbox.shiphero;

import java.time.Duration;

/**
 * Settings of the ShipHero simulator.
 *
 * @param username         account e-mail accepted by {@code POST /auth/token}
 * @param password         its password
 * @param seed             seeds ids, tokens, tracking numbers and webhook message ids
 * @param creditBucket     size of the credit bucket (the real account has 4004); 0 turns throttling off
 * @param creditsPerSecond refill rate of the bucket (the real one refills 60 credits/s)
 * @param shipAfter        the simulated warehouse ships each new order this long after it is created;
 *                         {@link Duration#ZERO} means only when told ({@code POST /_sandbox/orders/{id}/ship})
 * @param splitAbove       orders with more than this many lines ship in 2 packages
 * @param tokenTtl         lifetime of an access token (the real one lasts 28 days)
 * @param accountId        legacy account id reported in webhooks and warehouse products
 */
public record ShipHeroOptions(String username, String password, long seed, int creditBucket, int creditsPerSecond,
                              Duration shipAfter, int splitAbove, Duration tokenTtl, int accountId) {

    public static final String DEFAULT_USERNAME = "ops@merchant.test";
    public static final String DEFAULT_PASSWORD = "shiphero-sandbox";

    public static ShipHeroOptions defaults() {
        return new ShipHeroOptions(DEFAULT_USERNAME, DEFAULT_PASSWORD, 42L, 4004, 60,
                Duration.ofSeconds(2), 3, Duration.ofDays(28), 7556);
    }

    /** Defaults for tests: no automatic shipping, so a test decides when the warehouse ships. */
    public static ShipHeroOptions forTests() {
        return defaults().withShipAfter(Duration.ZERO);
    }

    public ShipHeroOptions withShipAfter(Duration d) {
        return new ShipHeroOptions(username, password, seed, creditBucket, creditsPerSecond, d, splitAbove, tokenTtl, accountId);
    }

    public ShipHeroOptions withCredits(int bucket, int perSecond) {
        return new ShipHeroOptions(username, password, seed, bucket, perSecond, shipAfter, splitAbove, tokenTtl, accountId);
    }

    public ShipHeroOptions withSplitAbove(int lines) {
        return new ShipHeroOptions(username, password, seed, creditBucket, creditsPerSecond, shipAfter, lines, tokenTtl, accountId);
    }

    public ShipHeroOptions withTokenTtl(Duration ttl) {
        return new ShipHeroOptions(username, password, seed, creditBucket, creditsPerSecond, shipAfter, splitAbove, ttl, accountId);
    }
}
