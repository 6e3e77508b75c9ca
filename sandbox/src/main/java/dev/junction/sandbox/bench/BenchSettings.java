package dev.junction.sandbox.bench;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What every scenario of one {@code junction bench} run shares.
 *
 * @param root        the Junction folder (configs, plugin zips by default)
 * @param work        hub homes and logs, wiped per scenario
 * @param plugins     the plugin zips the hubs load
 * @param seed        the workload seed
 * @param concurrency the store-orders flow's concurrency
 * @param sweep       the store-orders flow's sweep interval; null keeps the demo's
 * @param timeout     how long a scenario may take before it gives up
 * @param drawAhead   whether the store's orders are drawn before a scenario's clock starts and only placed
 *                    (made visible, webhook sent) while it runs; false draws each batch as it is placed, so the
 *                    generator's CPU competes with the hub's, as in benchmarks before the sixth session
 */
record BenchSettings(Path root, Path work, Path plugins, long seed, int concurrency, Duration sweep, Duration timeout,
                     boolean drawAhead) {
}
