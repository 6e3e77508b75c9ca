package dev.junction.sandbox.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WarmUpSteadyTest {

    @Test
    void aRoundWithTheHubCaughtUpAndBothCompilersQuietSettlesTheWarmUp() {
        assertThat(WarmUp.Steady.of(10, 764, 0.01, 0.04)).isEqualTo(WarmUp.Steady.SETTLED);
    }

    @Test
    void aCompilerStillAtWorkAsksForAnotherRoundEvenWithTheHubCaughtUp() {
        // The case behind the steady rounds: caught up, and the hub recompiling for the code it now runs.
        assertThat(WarmUp.Steady.of(10, 764, 0.08, 0.0)).isEqualTo(WarmUp.Steady.COMPILING);
        assertThat(WarmUp.Steady.of(10, 764, 0.0, 0.05)).isEqualTo(WarmUp.Steady.COMPILING);
    }

    @Test
    void aHubMoreThanATenthOfASecondBehindEndsTheRoundsWhateverTheCompilers() {
        assertThat(WarmUp.caughtUp(764)).isEqualTo(76);
        assertThat(WarmUp.Steady.of(76, 764, 0.5, 0.5)).isEqualTo(WarmUp.Steady.COMPILING);
        assertThat(WarmUp.Steady.of(77, 764, 0.0, 0.0)).isEqualTo(WarmUp.Steady.FELL_BEHIND);
    }
}
