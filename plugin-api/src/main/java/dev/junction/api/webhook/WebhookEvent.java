package dev.junction.api.webhook;

import dev.junction.api.source.SourceRecord;

import java.util.Optional;

/**
 * One record a webhook told about.
 *
 * @param stream   the connection's source stream it belongs to
 * @param sourceId the remote id
 * @param record   the full record when the webhook carried it; absent for thin webhooks, in which case the
 *                 hub fetches it through the stream's source handler before persisting
 */
public record WebhookEvent(String stream, String sourceId, Optional<SourceRecord> record) {
    public static WebhookEvent thin(String stream, String sourceId) {
        return new WebhookEvent(stream, sourceId, Optional.empty());
    }

    public static WebhookEvent full(String stream, SourceRecord record) {
        return new WebhookEvent(stream, record.id(), Optional.of(record));
    }
}
