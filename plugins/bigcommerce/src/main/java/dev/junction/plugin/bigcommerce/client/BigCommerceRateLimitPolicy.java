package dev.junction.plugin.bigcommerce.client;

import dev.junction.api.http.RateLimitPolicy;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * BigCommerce's per-store quota: a number of requests per 30 s window, reported on every response
 * ({@code X-Rate-Limit-Requests-Left}, {@code X-Rate-Limit-Time-Reset-Ms}, {@code X-Rate-Limit-Requests-Quota}).
 * A 429 means "not processed, wait for the window to reset"; one without these headers is platform
 * overload, for which we back off a few seconds.
 */
public final class BigCommerceRateLimitPolicy implements RateLimitPolicy {

    /** Standard and Plus plans; Pro stores report 450 and the policy learns it from the first response. */
    static final int DEFAULT_QUOTA = 150;
    static final Duration WINDOW = Duration.ofSeconds(30);
    static final Duration OVERLOAD_BACKOFF = Duration.ofSeconds(5);

    private volatile int quota = DEFAULT_QUOTA;

    @Override
    public int capacity() {
        return quota;
    }

    @Override
    public Duration window() {
        return WINDOW;
    }

    @Override
    public Optional<Budget> observe(HttpResponse<Buffer> response) {
        return observe(response::getHeader);
    }

    @Override
    public Optional<Duration> throttled(HttpResponse<Buffer> response) {
        return throttled(response.statusCode(), response::getHeader);
    }

    /** The budget the headers report; also learns the plan's quota. Header names are case-insensitive. */
    Optional<Budget> observe(Function<String, String> header) {
        parseLong(header.apply("X-Rate-Limit-Requests-Quota")).filter(q -> q > 0)
                .ifPresent(q -> quota = (int) Math.min(q, Integer.MAX_VALUE));
        Optional<Long> left = parseLong(header.apply("X-Rate-Limit-Requests-Left"));
        Optional<Long> resetMs = parseLong(header.apply("X-Rate-Limit-Time-Reset-Ms"));
        if (left.isEmpty()) {
            return Optional.empty();
        }
        Duration reset = resetMs.map(Duration::ofMillis).orElse(WINDOW);
        return Optional.of(new Budget(Math.max(0, left.get()), reset));
    }

    Optional<Duration> throttled(int status, Function<String, String> header) {
        if (status != 429) {
            return Optional.empty();
        }
        Optional<Long> resetMs = parseLong(header.apply("X-Rate-Limit-Time-Reset-Ms"));
        if (resetMs.isPresent()) {
            return Optional.of(Duration.ofMillis(Math.max(1, resetMs.get())));
        }
        Optional<Long> retryAfterSeconds = parseLong(header.apply("X-Retry-After"));
        return Optional.of(retryAfterSeconds.map(Duration::ofSeconds).orElse(OVERLOAD_BACKOFF));
    }

    private static Optional<Long> parseLong(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
