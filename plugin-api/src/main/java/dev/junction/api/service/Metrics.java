package dev.junction.api.service;

import java.time.Duration;

/**
 * Counters and timers, served by the hub's admin API. Tags are alternating name/value pairs, e.g.
 * {@code increment("remote.calls", "system", "brightpearl", "op", "order-create")}.
 */
public interface Metrics {
    void increment(String name, String... tags);

    void record(String name, Duration duration, String... tags);
}
