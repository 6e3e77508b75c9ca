package dev.junction.hub.flow;

import dev.junction.api.error.PermanentException;
import dev.junction.api.error.RetryableException;
import dev.junction.api.error.SkipException;
import dev.junction.api.error.ThrottledException;
import dev.junction.api.service.IdLink;
import dev.junction.api.sink.SinkResult;
import dev.junction.hub.store.Attempt;
import dev.junction.hub.store.Completion;
import dev.junction.hub.store.SyncRecord;
import dev.junction.hub.store.SyncStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;

/**
 * Decides what an attempt's result means for its record: synced, skipped, retried later (with backoff,
 * honouring the remote's hint), waiting out throttling (not counted as a failure), or failed for a person
 * to fix.
 */
final class Outcomes {
    private Outcomes() {
    }

    static Completion success(FlowConfig flow, SyncRecord r, int attemptNo, Instant started, Instant now,
                              String mappingVersion, SinkResult result) {
        Attempt attempt = new Attempt(r.id(), attemptNo, started, now,
                result.outcome() == SinkResult.Outcome.SKIPPED ? "SKIPPED" : "SYNCED", null, mappingVersion);
        if (result.outcome() == SinkResult.Outcome.SKIPPED) {
            return new Completion(r.id(), SyncStatus.SKIPPED, attempt, null, result.message(), result.facts(), result.links(),
                    null, true);
        }
        List<IdLink> links = new ArrayList<>(result.links());
        if (result.remoteId() != null) {
            links.add(new IdLink(flow.entity(), flow.source().connection(), r.sourceId(), flow.sink().connection(),
                    result.remoteId()));
        }
        String message = result.message().isEmpty() ? result.outcome().name().toLowerCase().replace('_', ' ') : result.message();
        return new Completion(r.id(), SyncStatus.SYNCED, attempt, result.remoteId(), message, result.facts(), links,
                null, true);
    }

    static Completion failure(SyncRecord r, int attemptNo, Instant started, Instant now, String mappingVersion,
                              Throwable error, RetryPolicy retry) {
        Throwable e = unwrap(error);
        String message = message(e);
        if (e instanceof ThrottledException t) {
            Duration wait = t.retryAfter().orElse(Duration.ofSeconds(1));
            Attempt a = new Attempt(r.id(), attemptNo, started, now, "THROTTLED", message, mappingVersion);
            return new Completion(r.id(), SyncStatus.PENDING, a, null, "waiting for the remote's rate limit",
                    Map.of(), List.of(), now.plus(wait), false);
        }
        if (e instanceof SkipException) {
            Attempt a = new Attempt(r.id(), attemptNo, started, now, "SKIPPED", null, mappingVersion);
            return new Completion(r.id(), SyncStatus.SKIPPED, a, null, message, Map.of(), List.of(), null, true);
        }
        if (e instanceof PermanentException) {
            Attempt a = new Attempt(r.id(), attemptNo, started, now, "FAILED", message, mappingVersion);
            return new Completion(r.id(), SyncStatus.FAILED, a, null, message, Map.of(), List.of(), null, true);
        }
        int failures = r.attempts() + 1;
        Optional<Duration> hint = e instanceof RetryableException re ? re.retryAfter() : Optional.empty();
        if (retry.exhausted(failures)) {
            String reason = "gave up after " + failures + " attempts; last error: " + message;
            Attempt a = new Attempt(r.id(), attemptNo, started, now, "FAILED", message, mappingVersion);
            return new Completion(r.id(), SyncStatus.FAILED, a, null, reason, Map.of(), List.of(), null, true);
        }
        Attempt a = new Attempt(r.id(), attemptNo, started, now, "RETRY", message, mappingVersion);
        return new Completion(r.id(), SyncStatus.PENDING, a, null, "will retry: " + message, Map.of(), List.of(),
                now.plus(retry.delay(failures, hint)), true);
    }

    /** A failure that may pass by itself (network, timeout, 5xx) — not throttling, a skip or a record's own fault. */
    static boolean isTransient(Throwable error) {
        Throwable e = unwrap(error);
        return !(e instanceof ThrottledException || e instanceof SkipException || e instanceof PermanentException);
    }

    /**
     * A transient failure while the remote looks down: the record waits for the next probe and the attempt is
     * not counted, so a long outage cannot use up its retries.
     */
    static Completion unavailable(SyncRecord r, int attemptNo, Instant started, Instant now, String mappingVersion,
                                  Throwable error, Instant retryAt) {
        String message = message(unwrap(error));
        Attempt a = new Attempt(r.id(), attemptNo, started, now, "UNAVAILABLE", message, mappingVersion);
        return new Completion(r.id(), SyncStatus.PENDING, a, null, "waiting for the remote to come back: " + message,
                Map.of(), List.of(), retryAt, false);
    }

    static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t.getClass() == RuntimeException.class) && t.getCause() != null
                && !(t instanceof dev.junction.api.error.SyncException)) {
            t = t.getCause();
        }
        return t;
    }

    static String message(Throwable e) {
        if (e instanceof dev.junction.api.error.SyncException) {
            return e.getMessage();
        }
        String m = e.getMessage();
        return "unexpected " + e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
