package dev.junction.hub.flow;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class OutageGateTest {
    private final Instant t0 = Instant.parse("2026-11-22T10:00:00Z");
    private final OutageGate gate = new OutageGate(3, Duration.ofSeconds(2), Duration.ofSeconds(10));

    @Test
    void oneRecordFailingAloneNeverClosesTheGateSoItCanEndFailed() {
        for (int i = 0; i < 20; i++) {
            assertThat(gate.transientFailure(7, t0.plusSeconds(i), "503")).isFalse();
        }
        assertThat(gate.closed()).isFalse();
        assertThat(gate.claimable(8, t0)).isEqualTo(8);
    }

    @Test
    void failuresOfSeveralRecordsInARowCloseItThenOneProbeAtATimeWithGrowingIntervals() {
        assertThat(gate.transientFailure(1, t0, "503")).as("charged").isFalse();
        assertThat(gate.transientFailure(2, t0, "503")).as("charged").isFalse();
        assertThat(gate.transientFailure(3, t0, "503")).as("the third reveals the outage and is spared").isTrue();
        assertThat(gate.closed()).isTrue();
        assertThat(gate.claimable(8, t0.plusSeconds(1))).as("nothing before the first probe").isZero();
        assertThat(gate.nextProbe()).contains(t0.plusSeconds(2));

        assertThat(gate.claimable(8, t0.plusSeconds(2))).isEqualTo(1);
        gate.claimed(4);
        assertThat(gate.claimable(8, t0.plusSeconds(3))).as("one probe out at a time").isZero();
        assertThat(gate.transientFailure(5, t0.plusSeconds(3), "503")).as("a record claimed before the close is spared").isTrue();
        assertThat(gate.nextProbe()).as("a non-probe failure does not reschedule").isEmpty();
        assertThat(gate.transientFailure(4, t0.plusSeconds(3), "503")).isTrue();
        assertThat(gate.nextProbe()).as("the failed probe doubles the wait").contains(t0.plusSeconds(3 + 4));

        gate.claimed(6);
        gate.transientFailure(6, t0.plusSeconds(7), "503");
        gate.claimed(8);
        gate.transientFailure(8, t0.plusSeconds(15), "503");
        assertThat(gate.nextProbe()).as("capped").contains(t0.plusSeconds(15 + 10));

        gate.claimed(9);
        assertThat(gate.success()).as("the first success reopens").isTrue();
        assertThat(gate.closed()).isFalse();
        assertThat(gate.claimable(8, t0.plusSeconds(16))).isEqualTo(8);
        assertThat(gate.toJson()).isNull();
    }

    @Test
    void aProbeWhoseOutcomeWasLostFreesTheGateForTheNextOne() {
        gate.transientFailure(1, t0, "x");
        gate.transientFailure(2, t0, "x");
        gate.transientFailure(3, t0, "x");
        gate.claimed(10);
        gate.finished(10, t0.plusSeconds(5));
        assertThat(gate.nextProbe()).contains(t0.plusSeconds(7));
    }
}
