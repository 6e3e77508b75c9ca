package dev.junction.plugin.brightpearl.client;

import dev.junction.api.http.RateLimitPolicy;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;

import java.time.Duration;
import java.util.Optional;

/**
 * Brightpearl's budget: 200 requests per rolling minute per account. Every response (401s included) says
 * what is left ({@code brightpearl-requests-remaining}) and when the window resets
 * ({@code brightpearl-next-throttle-period}, milliseconds), which replaces the local estimate. A 503 whose
 * body says "too many requests" is throttling (wait the period); any other 503 is an outage.
 */
public final class BrightpearlRatePolicy implements RateLimitPolicy {
    public static final String REMAINING = "brightpearl-requests-remaining";
    public static final String NEXT_PERIOD = "brightpearl-next-throttle-period";

    private final int capacity;
    private final Duration window;

    public BrightpearlRatePolicy() {
        this(200, Duration.ofSeconds(60));
    }

    public BrightpearlRatePolicy(int capacity, Duration window) {
        this.capacity = capacity;
        this.window = window;
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public Duration window() {
        return window;
    }

    @Override
    public Optional<Budget> observe(HttpResponse<Buffer> response) {
        return budget(response.getHeader(REMAINING), response.getHeader(NEXT_PERIOD));
    }

    @Override
    public Optional<Duration> throttled(HttpResponse<Buffer> response) {
        int status = response.statusCode();
        if (status == 429 || (status == 503 && Envelope.isThrottleText(response.bodyAsString()))) {
            return Optional.of(nextPeriod(response.getHeader(NEXT_PERIOD)).orElse(Duration.ofSeconds(5)));
        }
        return Optional.empty();
    }

    static Optional<Budget> budget(String remaining, String nextPeriodMs) {
        if (remaining == null) {
            return Optional.empty();
        }
        try {
            long left = Long.parseLong(remaining.trim());
            return Optional.of(new Budget(Math.max(0, left), nextPeriod(nextPeriodMs).orElse(Duration.ofSeconds(60))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public static Optional<Duration> nextPeriod(String ms) {
        if (ms == null || ms.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofMillis(Math.max(0, Long.parseLong(ms.trim()))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
