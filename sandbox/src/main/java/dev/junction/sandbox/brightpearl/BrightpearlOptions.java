package dev.junction.sandbox.brightpearl;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

/**
 * Start-up settings of the Brightpearl simulator. The credentials here are the only ones it accepts, so a
 * test or the demo configures its connector from the same record.
 *
 * @param accountCode           account in every URL ({@code /public-api/{accountCode}/...})
 * @param seed                  decides the id starting points (same seed, same ids) and generated tokens
 * @param requestsPerMinute     rolling per-account budget (Brightpearl: 200); 0 = unlimited
 * @param staffTokenIdle        idle time after which a staff/legacy token from {@code /authorise} expires
 * @param accessTokenLifetime   OAuth access-token lifetime (Brightpearl: 7 days)
 * @param appRef                private/OAuth app reference ({@code brightpearl-app-ref}, OAuth {@code client_id})
 * @param accountToken          private system app token ({@code brightpearl-account-token})
 * @param clientSecret          OAuth client secret
 * @param staffEmail            staff user accepted by {@code POST /{account}/authorise}
 * @param staffPassword         that user's password
 * @param installationInstanceId OAuth {@code installation_instance_id}
 * @param autoGoodsOutNotes     simulate Brightpearl Automation: every new sales order gets one goods-out
 *                              note per warehouse of its product rows
 * @param currency              account currency
 * @param zone                  account time zone offset used when printing dates
 * @param clock                 time source (tests may pass a fixed clock for byte-identical output)
 */
public record BrightpearlOptions(
        String accountCode,
        long seed,
        int requestsPerMinute,
        Duration staffTokenIdle,
        Duration accessTokenLifetime,
        String appRef,
        String accountToken,
        String clientSecret,
        String staffEmail,
        String staffPassword,
        String installationInstanceId,
        boolean autoGoodsOutNotes,
        String currency,
        ZoneOffset zone,
        Clock clock) {

    public static final String DEFAULT_ACCOUNT = "junctiondemo";

    /** Brightpearl's documented defaults: 200 requests/minute, 30 min staff idle, 7-day access tokens. */
    public static BrightpearlOptions defaults() {
        return new BrightpearlOptions(DEFAULT_ACCOUNT, 42L, 200, Duration.ofMinutes(30), Duration.ofDays(7),
                "junction-sandbox", "sandbox-account-token", "sandbox-client-secret",
                "staff@junction.test", "staff-password", "13", false, "USD", ZoneOffset.UTC,
                Clock.systemUTC());
    }

    public BrightpearlOptions withAccountCode(String v) {
        return new BrightpearlOptions(v, seed, requestsPerMinute, staffTokenIdle, accessTokenLifetime, appRef,
                accountToken, clientSecret, staffEmail, staffPassword, installationInstanceId, autoGoodsOutNotes,
                currency, zone, clock);
    }

    public BrightpearlOptions withSeed(long v) {
        return new BrightpearlOptions(accountCode, v, requestsPerMinute, staffTokenIdle, accessTokenLifetime, appRef,
                accountToken, clientSecret, staffEmail, staffPassword, installationInstanceId, autoGoodsOutNotes,
                currency, zone, clock);
    }

    public BrightpearlOptions withRequestsPerMinute(int v) {
        return new BrightpearlOptions(accountCode, seed, v, staffTokenIdle, accessTokenLifetime, appRef,
                accountToken, clientSecret, staffEmail, staffPassword, installationInstanceId, autoGoodsOutNotes,
                currency, zone, clock);
    }

    public BrightpearlOptions withTokenLifetimes(Duration staffIdle, Duration accessToken) {
        return new BrightpearlOptions(accountCode, seed, requestsPerMinute, staffIdle, accessToken, appRef,
                accountToken, clientSecret, staffEmail, staffPassword, installationInstanceId, autoGoodsOutNotes,
                currency, zone, clock);
    }

    public BrightpearlOptions withAutoGoodsOutNotes(boolean v) {
        return new BrightpearlOptions(accountCode, seed, requestsPerMinute, staffTokenIdle, accessTokenLifetime,
                appRef, accountToken, clientSecret, staffEmail, staffPassword, installationInstanceId, v,
                currency, zone, clock);
    }

    public BrightpearlOptions withClock(Clock v) {
        return new BrightpearlOptions(accountCode, seed, requestsPerMinute, staffTokenIdle, accessTokenLifetime,
                appRef, accountToken, clientSecret, staffEmail, staffPassword, installationInstanceId,
                autoGoodsOutNotes, currency, zone, v);
    }
}
