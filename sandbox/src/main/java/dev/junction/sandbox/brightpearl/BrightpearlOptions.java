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
 * @param requestsPerMinute     rolling per-account budget per {@code throttleWindow} (Brightpearl: 200 per
 *                              minute); 0 = unlimited
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
 * @param throttleWindow        length of the rolling budget window (Brightpearl: 60 s); tests shorten it to keep
 *                              the 200-per-window ratio while running in seconds
 * @param forcedThrottlePeriod  {@code brightpearl-next-throttle-period} answered while the {@code forceThrottle}
 *                              fault is on: it models "throttled right now", not a fresh window, so it is short
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
        Clock clock,
        Duration throttleWindow,
        Duration forcedThrottlePeriod) {

    public static final String DEFAULT_ACCOUNT = "junctiondemo";

    /** Brightpearl's documented defaults: 200 requests/minute, 30 min staff idle, 7-day access tokens. */
    public static BrightpearlOptions defaults() {
        return new BrightpearlOptions(DEFAULT_ACCOUNT, 42L, 200, Duration.ofMinutes(30), Duration.ofDays(7),
                "junction-sandbox", "sandbox-account-token", "sandbox-client-secret",
                "staff@junction.test", "staff-password", "13", false, "USD", ZoneOffset.UTC,
                Clock.systemUTC(), Duration.ofSeconds(60), Duration.ofSeconds(1));
    }

    public BrightpearlOptions withAccountCode(String v) {
        return new BrightpearlOptions(v, seed, requestsPerMinute, staffTokenIdle, accessTokenLifetime, appRef,
                accountToken, clientSecret, staffEmail, staffPassword, installationInstanceId, autoGoodsOutNotes,
                currency, zone, clock, throttleWindow, forcedThrottlePeriod);
    }

    public BrightpearlOptions withSeed(long v) {
        return new BrightpearlOptions(accountCode, v, requestsPerMinute, staffTokenIdle, accessTokenLifetime, appRef,
                accountToken, clientSecret, staffEmail, staffPassword, installationInstanceId, autoGoodsOutNotes,
                currency, zone, clock, throttleWindow, forcedThrottlePeriod);
    }

    public BrightpearlOptions withRequestsPerMinute(int v) {
        return new BrightpearlOptions(accountCode, seed, v, staffTokenIdle, accessTokenLifetime, appRef,
                accountToken, clientSecret, staffEmail, staffPassword, installationInstanceId, autoGoodsOutNotes,
                currency, zone, clock, throttleWindow, forcedThrottlePeriod);
    }

    public BrightpearlOptions withTokenLifetimes(Duration staffIdle, Duration accessToken) {
        return new BrightpearlOptions(accountCode, seed, requestsPerMinute, staffIdle, accessToken, appRef,
                accountToken, clientSecret, staffEmail, staffPassword, installationInstanceId, autoGoodsOutNotes,
                currency, zone, clock, throttleWindow, forcedThrottlePeriod);
    }

    public BrightpearlOptions withAutoGoodsOutNotes(boolean v) {
        return new BrightpearlOptions(accountCode, seed, requestsPerMinute, staffTokenIdle, accessTokenLifetime,
                appRef, accountToken, clientSecret, staffEmail, staffPassword, installationInstanceId, v,
                currency, zone, clock, throttleWindow, forcedThrottlePeriod);
    }

    public BrightpearlOptions withClock(Clock v) {
        return new BrightpearlOptions(accountCode, seed, requestsPerMinute, staffTokenIdle, accessTokenLifetime,
                appRef, accountToken, clientSecret, staffEmail, staffPassword, installationInstanceId,
                autoGoodsOutNotes, currency, zone, v, throttleWindow, forcedThrottlePeriod);
    }

    /** A budget of {@code requests} per rolling {@code window} (0 requests = unlimited). */
    public BrightpearlOptions withThrottle(int requests, Duration window) {
        return new BrightpearlOptions(accountCode, seed, requests, staffTokenIdle, accessTokenLifetime, appRef,
                accountToken, clientSecret, staffEmail, staffPassword, installationInstanceId, autoGoodsOutNotes,
                currency, zone, clock, window, forcedThrottlePeriod);
    }

    public BrightpearlOptions withForcedThrottlePeriod(Duration v) {
        return new BrightpearlOptions(accountCode, seed, requestsPerMinute, staffTokenIdle, accessTokenLifetime,
                appRef, accountToken, clientSecret, staffEmail, staffPassword, installationInstanceId,
                autoGoodsOutNotes, currency, zone, clock, throttleWindow, v);
    }
}
