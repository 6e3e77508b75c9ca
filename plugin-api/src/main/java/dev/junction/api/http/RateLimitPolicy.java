package dev.junction.api.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;

import java.time.Duration;
import java.util.Optional;

/** How one remote counts requests and says it is throttling. */
public interface RateLimitPolicy {

    /** Requests allowed per {@link #window()} when the remote has said nothing yet. */
    int capacity();

    Duration window();

    /**
     * The remote's own view of the budget after a response (e.g. Brightpearl's
     * {@code brightpearl-requests-remaining} and {@code brightpearl-next-throttle-period}), which replaces
     * the local estimate.
     */
    default Optional<Budget> observe(HttpResponse<Buffer> response) {
        return Optional.empty();
    }

    /** If this response means "throttled, not processed", how long to wait before sending again. */
    Optional<Duration> throttled(HttpResponse<Buffer> response);

    /** Remaining requests in the current window and time until the window resets. */
    record Budget(long remaining, Duration resetIn) {
    }

    /** A plain budget with HTTP 429 as the throttle signal, honouring {@code Retry-After} seconds. */
    static RateLimitPolicy fixed(int capacity, Duration window) {
        return new RateLimitPolicy() {
            @Override
            public int capacity() {
                return capacity;
            }

            @Override
            public Duration window() {
                return window;
            }

            @Override
            public Optional<Duration> throttled(HttpResponse<Buffer> response) {
                if (response.statusCode() != 429) {
                    return Optional.empty();
                }
                String retryAfter = response.getHeader("Retry-After");
                try {
                    return Optional.of(Duration.ofSeconds(retryAfter == null ? 1 : Long.parseLong(retryAfter.trim())));
                } catch (NumberFormatException e) {
                    return Optional.of(Duration.ofSeconds(1));
                }
            }
        };
    }
}
