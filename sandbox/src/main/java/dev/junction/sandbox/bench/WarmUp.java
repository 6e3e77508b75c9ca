package dev.junction.sandbox.bench;

import java.util.function.LongSupplier;

/**
 * Warms the hub up until its JIT has settled, not for a fixed count: measured on this 2-core machine at
 * 500 orders/s, the hub's compiler threads still took 50-60% of a core after 20,000 orders (40 s), and about
 * 60 s of load passed before they fell under 5%. A measured phase that starts while they work starts on a
 * machine with half a core less, which was the whole of its first ten seconds' latency tail.
 *
 * <p>After the {@code minimum} orders, it goes on in rounds of about 5 s, reading the compiler threads' CPU
 * time of the hub and of this JVM (the simulators) from {@code /proc} around each round, until both used less
 * than {@link #SETTLED} of one core during a round, or {@link #MAX_ROUNDS} rounds passed; then, at a paced rate,
 * until the hub has caught up ({@link #catchUp}). The orders drawn ahead for the measured phase stay held: the
 * extra rounds' orders are generated as they are placed.
 */
final class WarmUp {
    /** Compiler CPU, as a share of one core, under which the JIT counts as settled. */
    static final double SETTLED = 0.05;
    /** At most this many extra rounds (some three minutes at 5 s each). */
    static final int MAX_ROUNDS = 36;
    private static final double ROUND_SECONDS = 5;
    private static final int MAX_CATCH_UP_SECONDS = 30;

    private WarmUp() {
    }

    /**
     * Places at least {@code minimum} orders at {@code rate} (0 = as fast as taken), then rounds until the JIT
     * settles; {@code keep} orders drawn ahead stay held for the measured phase. Returns the orders placed.
     */
    static int run(Workload w, long hubPid, LongSupplier settled, int minimum, int keep, double rate, long deadlineMs) {
        System.out.printf("  warm-up: at least %d orders at %s/s, then until the JIT settles (compiler threads under %.0f%% of a core)%n",
                minimum, rate <= 0 ? "max" : rate, SETTLED * 100);
        int placed = w.placePaced(minimum, rate, deadlineMs);
        int round = rate > 0 ? (int) Math.max(1, Math.round(rate * ROUND_SECONDS)) : 2_500;
        w.keepHeld(keep);
        try {
            boolean jitSettled = false;
            for (int i = 1; i <= MAX_ROUNDS && !jitSettled && System.currentTimeMillis() < deadlineMs; i++) {
                ThreadCpu hub0 = ThreadCpu.of(hubPid);
                ThreadCpu self0 = ThreadCpu.self();
                long t0 = System.currentTimeMillis();
                placed += w.placePaced(round, rate, deadlineMs);
                long wallMs = Math.max(1, System.currentTimeMillis() - t0);
                double hubJit = jitShare(ThreadCpu.of(hubPid).since(hub0), wallMs);
                double simJit = jitShare(ThreadCpu.self().since(self0), wallMs);
                long behind = placed - settled.getAsLong();
                jitSettled = hubJit < SETTLED && simJit < SETTLED;
                System.out.printf("  warm-up round %d: %d orders in %.1f s; compiler threads: hub %.0f%%, simulators %.0f%%"
                                + " of a core; %d orders not settled yet%s%n",
                        i, round, wallMs / 1000.0, hubJit * 100, simJit * 100, behind, jitSettled ? ": settled" : "");
            }
            if (!jitSettled) {
                System.out.printf("  warm-up: the JIT had not settled after %d rounds; measuring anyway%n", MAX_ROUNDS);
            }
            return placed + catchUp(w, settled, placed, rate, deadlineMs);
        } finally {
            w.keepHeld(0);
        }
    }

    /**
     * Goes on placing at {@code rate}, a second at a time (at most {@link #MAX_CATCH_UP_SECONDS}), while the hub is
     * more than {@link #caughtUp} behind: a hub that fell behind while compiling catches up under load, and the
     * measured phase starts on neither a queue nor an idle hub. Returns the orders it placed. A hub that does not
     * catch up (a rate above its peak) is left to the caller, which drains it before measuring.
     */
    private static int catchUp(Workload w, LongSupplier settled, int placedBefore, double rate, long deadlineMs) {
        if (rate <= 0) {
            return 0;
        }
        int placed = 0;
        long behind = placedBefore - settled.getAsLong();
        for (int s = 0; s < MAX_CATCH_UP_SECONDS && behind > caughtUp(rate) && System.currentTimeMillis() < deadlineMs; s++) {
            placed += w.placePaced((int) Math.max(1, Math.round(rate)), rate, deadlineMs);
            behind = placedBefore + placed - settled.getAsLong();
        }
        if (placed > 0) {
            System.out.printf("  warm-up: %d more orders while the hub caught up; %d not settled yet%n", placed, behind);
        }
        return placed;
    }

    /** Orders in flight that count as caught up: a tenth of a second's. */
    static long caughtUp(double rate) {
        return Math.max(1, Math.round(rate / 10));
    }

    /** The compiler threads' CPU over {@code wallMs}, as a share of one core (0 where /proc is unreadable). */
    static double jitShare(ThreadCpu delta, long wallMs) {
        return delta.msByGroup().getOrDefault(ThreadCpu.JIT, 0L) / (double) wallMs;
    }
}
