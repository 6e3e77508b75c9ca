package dev.junction.api.webhook;

import io.vertx.core.Future;

/**
 * Receives a connection's webhooks. The hub calls {@link #receive} for each request to
 * {@code /webhooks/{connectionId}}; the handler verifies authenticity (signature, secret header or secret
 * in the URL) and turns the body into events. The hub persists every event's sync record before it
 * answers 2xx, so an answered webhook is never lost.
 */
public interface WebhookHandler {

    Future<WebhookVerdict> receive(WebhookRequest request);

    /**
     * Registers (or refreshes) this connection's webhooks at the remote so they call {@code callbackUrl}.
     * Idempotent: registering twice leaves one subscription per event.
     */
    default Future<Void> register(String callbackUrl) {
        return Future.succeededFuture();
    }
}
