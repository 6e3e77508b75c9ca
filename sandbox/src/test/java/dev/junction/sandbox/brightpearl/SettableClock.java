package dev.junction.sandbox.brightpearl;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/** A UTC clock that reads a test's {@code now}, so a test moves the simulator's time by setting it. */
final class SettableClock extends Clock {
    private final Supplier<Instant> now;

    SettableClock(Supplier<Instant> now) {
        this.now = now;
    }

    SettableClock(AtomicReference<Instant> now) {
        this((Supplier<Instant>) now::get);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
