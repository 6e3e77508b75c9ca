package dev.junction.api.http;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;

/**
 * A WebClient behind a token bucket that the remote's own rate-limit headers keep in step.
 *
 * <p>{@link #send} waits (without blocking a thread) until the bucket has a token, so the hub never sends a
 * request it knows will be throttled. If the remote throttles anyway, the response was not processed, so
 * the client waits the remote's reset hint and sends again, a bounded number of times; only then does the
 * future fail, with {@link dev.junction.api.error.ThrottledException}. Connection errors and timeouts fail
 * with {@link dev.junction.api.error.RetryableException}. Any other HTTP status is returned for the caller
 * to interpret.
 */
public interface RateLimitedClient {

    /** The underlying client, to build requests with ({@code client.webClient().getAbs(url)}). */
    WebClient webClient();

    Future<HttpResponse<Buffer>> send(HttpRequest<Buffer> request, Buffer body);

    default Future<HttpResponse<Buffer>> send(HttpRequest<Buffer> request) {
        return send(request, null);
    }
}
