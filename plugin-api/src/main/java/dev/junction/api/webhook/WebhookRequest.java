package dev.junction.api.webhook;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;

/** An incoming webhook call, as received: raw body (for signature checks), headers, query parameters. */
public record WebhookRequest(String method, String path, MultiMap headers, MultiMap query, Buffer body) {
}
