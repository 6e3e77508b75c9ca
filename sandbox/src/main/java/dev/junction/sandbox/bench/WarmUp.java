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
 * until the hub has caught up ({@link #catchUp}), and then in rounds again until the JIT settles with the hub
 * caught up ({@link #steady}). The orders drawn ahead for the measured phase stay held: the extra rounds' orders
 * are generated as they are placed.
 *
 * <p>Why the second settle: at a paced rate the hub spends the first rounds behind (compiling on two shared cores),
 * so the JIT settles on the code a hub with a queue runs. Once caught up, a claim finds the queue empty and an
 * ingest wakes an idle pump: branches the compiled code had never seen. Measured at 764 orders/s (thirteenth
 * session): the hub deoptimised five methods the moment it caught up and recompiled HSQLDB's {@code
 * TableDerived.materialise} (200 ms of C2) and {@code IndexAVL.findNode} (126 ms) in the first 0.4 s, then three of
 * its own over the next 7 s; the orders placed in the measured phase's first second (s0) were 20-270 ms late
 * against 5-10 ms after, 100-600 of a 20,000-order run's 200-order p99 budget, in every run of that session.
 */
final class WarmUp {
    /** Compiler CPU, as a share of one core, under which the JIT counts as settled. */
    static final double SETTLED = 0.05;
    /** At most this many extra rounds (some three minutes at 5 s each). */
    static final int MAX_ROUNDS = 36;
    private static final double ROUND_SECONDS = 5;
    private static final int MAX_CATCH_UP_SECONDS = 30;
    /** At most this many rounds with the hub caught up (one minute). */
    private static final int MAX_STEADY_ROUNDS = 12;

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
                Round r = Round.place(w, hubPid, round, rate, deadlineMs);
                placed += r.placed();
                long behind = placed - settled.getAsLong();
                jitSettled = r.hubJit() < SETTLED && r.simJit() < SETTLED;
                r.print("warm-up round " + i, behind, jitSettled ? ": settled" : "");
            }
            if (!jitSettled) {
                System.out.printf("  warm-up: the JIT had not settled after %d rounds; measuring anyway%n", MAX_ROUNDS);
            }
            placed += catchUp(w, settled, placed, rate, deadlineMs);
            return placed + steady(w, hubPid, settled, placed, round, rate, deadlineMs);
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

    /**
     * Once the hub has caught up with a paced rate, goes on in rounds at that rate until one passes with both
     * JITs under {@link #SETTLED} and the hub still caught up at its end (at most {@link #MAX_STEADY_ROUNDS}):
     * the measured phase then starts on code compiled for a hub that keeps up. A hub that has not caught up, or
     * falls behind again (a rate above its peak), ends it: there is no steady state to wait for. Returns the
     * orders it placed.
     */
    private static int steady(Workload w, long hubPid, LongSupplier settled, int placedBefore, int round, double rate,
                              long deadlineMs) {
        if (rate <= 0 || placedBefore - settled.getAsLong() > caughtUp(rate)) {
            return 0;
        }
        int placed = 0;
        for (int i = 1; i <= MAX_STEADY_ROUNDS && System.currentTimeMillis() < deadlineMs; i++) {
            Round r = Round.place(w, hubPid, round, rate, deadlineMs);
            placed += r.placed();
            long behind = placedBefore + placed - settled.getAsLong();
            Steady verdict = Steady.of(behind, rate, r.hubJit(), r.simJit());
            r.print("steady round " + i, behind, verdict.text);
            if (verdict != Steady.COMPILING) {
                return placed;
            }
        }
        System.out.printf("  warm-up: the JIT had not settled after %d rounds with the hub caught up; measuring anyway%n",
                MAX_STEADY_ROUNDS);
        return placed;
    }

    /** One round placed at a rate, with the compiler threads' share of a core in each JVM while it ran. */
    private record Round(int placed, long wallMs, double hubJit, double simJit) {
        static Round place(Workload w, long hubPid, int orders, double rate, long deadlineMs) {
            ThreadCpu hub0 = ThreadCpu.of(hubPid);
            ThreadCpu self0 = ThreadCpu.self();
            long t0 = System.currentTimeMillis();
            int placed = w.placePaced(orders, rate, deadlineMs);
            long wallMs = Math.max(1, System.currentTimeMillis() - t0);
            return new Round(placed, wallMs, jitShare(ThreadCpu.of(hubPid).since(hub0), wallMs),
                    jitShare(ThreadCpu.self().since(self0), wallMs));
        }

        void print(String name, long behind, String verdict) {
            System.out.printf("  %s: %d orders in %.1f s; compiler threads: hub %.0f%%, simulators %.0f%% of a core;"
                    + " %d orders not settled yet%s%n", name, placed, wallMs / 1000.0, hubJit * 100, simJit * 100, behind, verdict);
        }
    }

    /** What a round with the hub caught up at its start ends in. */
    enum Steady {
        /** The hub kept up and both JITs were quiet: measure. */
        SETTLED(": settled"),
        /** The hub kept up but a JIT was still compiling: another round. */
        COMPILING(""),
        /** The hub fell behind: the rate is above its peak, there is no steady state to wait for. */
        FELL_BEHIND(": fell behind, measuring now");

        final String text;

        Steady(String text) {
            this.text = text;
        }

        static Steady of(long behind, double rate, double hubJit, double simJit) {
            if (behind > caughtUp(rate)) return FELL_BEHIND;
            return hubJit < WarmUp.SETTLED && simJit < WarmUp.SETTLED ? SETTLED : COMPILING;
        }
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
