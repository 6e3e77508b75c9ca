package dev.junction.hub.flow;

import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Notices when a flow's remote is down rather than one record being at fault, and turns the outage into
 * backpressure. After {@code threshold} transient failures in a row with no success between them, of at least
 * two different records (one record failing alone may be its own fault, and must be able to end FAILED), the
 * gate closes: the pump stops handing records to the sink and lets one probe record through at a time, at
 * intervals that grow from {@code firstProbe} to {@code maxProbe}; records that fail while it is closed are
 * not charged an attempt (an outage is not their fault, so a long one cannot exhaust their retries and fail
 * them). The first success reopens it and the waiting records drain at full speed at once, instead of each
 * sitting out its own exponential backoff.
 *
 * <p>Used only from the flow's context (no locking).
 */
final class OutageGate {
    private final int threshold;
    private final Duration firstProbe;
    private final Duration maxProbe;
    private int consecutiveFailures;
    /** Records in the current run of failures: one record failing again and again may be its own fault. */
    private final java.util.Set<Long> failingRecords = new java.util.HashSet<>();
    private Instant closedAt;
    private Instant nextProbeAt;
    private Duration probeEvery;
    private boolean probeInFlight;
    private long probeRecordId = -1;
    private String lastError;
    private long deferred;

    OutageGate(int threshold, Duration firstProbe, Duration maxProbe) {
        this.threshold = threshold;
        this.firstProbe = firstProbe;
        this.maxProbe = maxProbe;
    }

    boolean closed() {
        return closedAt != null;
    }

    /**
     * How many records the pump may claim now, given {@code free} slots: all of them while open; while closed,
     * one probe when it is due and none is out, else none.
     */
    int claimable(int free, Instant now) {
        if (!closed()) {
            return free;
        }
        if (probeInFlight || now.isBefore(nextProbeAt)) {
            return 0;
        }
        return Math.min(free, 1);
    }

    /** Records that a claim made while closed sent this record as the probe. */
    void claimed(long recordId) {
        if (closed()) {
            probeInFlight = true;
            probeRecordId = recordId;
        }
    }

    /** Every claimed record ends here, whatever its outcome, so a probe whose outcome was lost frees the gate. */
    void finished(long recordId, Instant now) {
        if (recordId == probeRecordId) {
            probeInFlight = false;
            probeRecordId = -1;
            if (closed() && nextProbeAt.isBefore(now)) {
                nextProbeAt = now.plus(probeEvery);
            }
        }
    }

    /** When a closed gate will next let a probe through; empty while open or while a probe is out. */
    Optional<Instant> nextProbe() {
        return closed() && !probeInFlight ? Optional.of(nextProbeAt) : Optional.empty();
    }

    /** @return true when this success reopened a closed gate */
    boolean success() {
        consecutiveFailures = 0;
        failingRecords.clear();
        probeInFlight = false;
        probeRecordId = -1;
        if (!closed()) {
            return false;
        }
        closedAt = null;
        return true;
    }

    /** A record-specific outcome (skipped, permanent failure): the remote answered, so it is up. */
    void answered() {
        success();
    }

    /**
     * A transient failure (network, timeout, 5xx). Returns whether the record should be spared the attempt:
     * true when the gate is (now) closed.
     */
    boolean transientFailure(long recordId, Instant now, String error) {
        lastError = error;
        if (closed()) {
            if (recordId == probeRecordId) {
                // the probe failed: wait longer before the next one
                probeInFlight = false;
                probeRecordId = -1;
                probeEvery = probeEvery.multipliedBy(2).compareTo(maxProbe) > 0 ? maxProbe : probeEvery.multipliedBy(2);
                nextProbeAt = now.plus(probeEvery);
            }
            deferred++;
            return true;
        }
        consecutiveFailures++;
        if (failingRecords.size() < 2) {
            failingRecords.add(recordId);
        }
        if (consecutiveFailures < threshold || failingRecords.size() < 2) {
            return false;
        }
        closedAt = now;
        probeEvery = firstProbe;
        nextProbeAt = now.plus(probeEvery);
        deferred = 1;
        return true;
    }

    /** When a record spared by a closed gate is due again: not before the next probe. */
    Instant deferUntil(Instant now) {
        return nextProbeAt != null && nextProbeAt.isAfter(now) ? nextProbeAt : now;
    }

    /** Since when the gate has been closed. */
    Optional<Instant> closedSince() {
        return Optional.ofNullable(closedAt);
    }

    long deferredAttempts() {
        return deferred;
    }

    /** For the flow's status: null while open. */
    JsonObject toJson() {
        if (!closed()) {
            return null;
        }
        return new JsonObject().put("since", closedAt.toString())
                .put("nextProbeAt", probeInFlight ? null : nextProbeAt.toString())
                .put("probing", probeInFlight)
                .put("lastError", lastError)
                .put("message", "the remote looks unavailable: records wait (no attempt counted) and one probe is sent at a time"
                        + " until it answers");
    }
}
