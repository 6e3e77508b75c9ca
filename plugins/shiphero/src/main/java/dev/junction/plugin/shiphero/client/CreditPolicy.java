package dev.junction.plugin.shiphero.client;

import dev.junction.api.http.RateLimitPolicy;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;

import java.time.Duration;
import java.util.Optional;

/**
 * ShipHero counts credits, not requests: each operation spends its complexity from a bucket (4004 credits,
 * refilled at 60/s on current accounts) and the account may also send at most 7000 requests per 5 minutes.
 * The hub's limiter counts requests, so this policy translates: the request budget is 23 requests/s
 * (7000 per 5 minutes), and after each response the credits ShipHero reports ({@code user_quota}) divided
 * by what the last operation cost become the requests left, with the time to refill one more operation
 * as the reset. A "not enough credits" error is a throttle (the operation did not run): the hub waits the
 * time ShipHero names and sends it again.
 */
public final class CreditPolicy implements RateLimitPolicy {
    @Override
    public int capacity() {
        return 23;
    }

    @Override
    public Duration window() {
        return Duration.ofSeconds(1);
    }

    @Override
    public Optional<Budget> observe(HttpResponse<Buffer> response) {
        JsonObject body = body(response);
        JsonObject throttling = body == null ? null : body.getJsonObject("extensions", new JsonObject()).getJsonObject("throttling");
        if (throttling == null) {
            return Optional.empty();
        }
        return budget(throttling);
    }

    /** The request budget that a {@code throttling} extension ({@code cost}, {@code user_quota}) implies. */
    static Optional<Budget> budget(JsonObject throttling) {
        JsonObject quota = throttling.getJsonObject("user_quota");
        if (quota == null || !(quota.getValue("credits_remaining") instanceof Number remaining)) {
            return Optional.empty();
        }
        long cost = Math.max(1, throttling.getValue("cost") instanceof Number c ? c.longValue() : 1);
        double rate = quota.getValue("increment_rate") instanceof Number r ? r.doubleValue() : 60;
        long left = remaining.longValue() / cost;
        long missing = Math.max(0, cost - remaining.longValue());
        Duration reset = Duration.ofMillis(rate <= 0 ? 1_000 : Math.max(1, (long) Math.ceil(missing * 1000 / rate)));
        return Optional.of(new Budget(left, reset));
    }

    @Override
    public Optional<Duration> throttled(HttpResponse<Buffer> response) {
        if (response.statusCode() == 429) {
            return Optional.of(retryAfter(response.getHeader("Retry-After")));
        }
        if (response.statusCode() != 200) {
            return Optional.empty();
        }
        return CreditErrors.find(body(response))
                .filter(e -> !CreditErrors.exceedsMaximum(e))
                .map(CreditErrors::waitOf);
    }

    private static Duration retryAfter(String header) {
        try {
            return Duration.ofSeconds(header == null ? 1 : Math.max(1, Long.parseLong(header.trim())));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(1);
        }
    }

    private static JsonObject body(HttpResponse<Buffer> response) {
        Buffer b = response.body();
        if (b == null || b.length() == 0 || b.getByte(0) != '{') {
            return null;
        }
        try {
            return new JsonObject(b);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
