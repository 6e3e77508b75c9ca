package dev.junction.api.webhook;

import java.util.List;

/** Accepted with its events and the answer the remote expects, or rejected with a status and reason. */
public sealed interface WebhookVerdict {

    record Accepted(List<WebhookEvent> events, String responseBody, String contentType) implements WebhookVerdict {
        public Accepted {
            events = List.copyOf(events);
        }
    }

    /** @param reason logged by the hub; not sent to the caller beyond a generic message */
    record Rejected(int status, String reason) implements WebhookVerdict {
    }

    static WebhookVerdict accepted(List<WebhookEvent> events) {
        return new Accepted(events, null, null);
    }

    static WebhookVerdict rejected(int status, String reason) {
        return new Rejected(status, reason);
    }
}
