package dev.junction.sandbox.brightpearl;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The throttle window as an option: a budget of 3 per 3 s on a clock the test moves, so the header values
 * can be checked exactly (the next-throttle-period is the real time left until the oldest request leaves
 * the rolling window), and the forced-throttle period.
 */
class BrightpearlThrottleWindowTest extends BrightpearlTestSupport {
    private final AtomicLong nowMs = new AtomicLong(Instant.parse("2026-07-01T10:00:00Z").toEpochMilli());

    @Override
    protected BrightpearlOptions options() {
        return BrightpearlOptions.defaults().withThrottle(3, Duration.ofSeconds(3))
                .withClock(new SettableClock(() -> Instant.ofEpochMilli(nowMs.get())));
    }

    private HttpResponse<Buffer> call() throws Exception {
        return get("/warehouse-service/warehouse");
    }

    private static long nextPeriod(HttpResponse<Buffer> r) {
        return Long.parseLong(r.getHeader("brightpearl-next-throttle-period"));
    }

    @Test
    void nextThrottlePeriodIsTheRealTimeLeftInTheRollingWindow() throws Exception {
        HttpResponse<Buffer> first = call();
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.getHeader("brightpearl-requests-remaining")).isEqualTo("2");
        assertThat(nextPeriod(first)).isEqualTo(3_000);

        nowMs.addAndGet(1_000);
        HttpResponse<Buffer> second = call();
        assertThat(second.getHeader("brightpearl-requests-remaining")).isEqualTo("1");
        assertThat(nextPeriod(second)).as("the first request leaves the window 2 s from now").isEqualTo(2_000);

        nowMs.addAndGet(500);
        assertThat(call().getHeader("brightpearl-requests-remaining")).isEqualTo("0");
        HttpResponse<Buffer> over = call();
        assertThat(over.statusCode()).isEqualTo(503);
        assertThat(nextPeriod(over)).isEqualTo(1_500);

        nowMs.addAndGet(1_500); // the first request has left the window: one slot is free again
        HttpResponse<Buffer> freed = call();
        assertThat(freed.statusCode()).isEqualTo(200);
        assertThat(freed.getHeader("brightpearl-requests-remaining")).isEqualTo("0");
        assertThat(nextPeriod(freed)).as("now the second request is the oldest").isEqualTo(1_000);
    }

    @Test
    void windowCanBeChangedAtRunTimeAndIsReported() throws Exception {
        JsonObject before = control(HttpMethod.GET, "/options", null).bodyAsJsonObject();
        assertThat(before.getLong("throttleWindowMs")).isEqualTo(3_000);
        JsonObject after = okJson(control(HttpMethod.PUT, "/options", new JsonObject().put("throttleWindowMs", 10_000)));
        assertThat(after.getLong("throttleWindowMs")).isEqualTo(10_000);
        call();
        nowMs.addAndGet(4_000);
        HttpResponse<Buffer> r = call();
        assertThat(r.getHeader("brightpearl-requests-remaining")).as("both requests are inside 10 s").isEqualTo("1");
        assertThat(nextPeriod(r)).isEqualTo(6_000);
        assertThat(control(HttpMethod.PUT, "/options", new JsonObject().put("throttleWindowMs", 0)).statusCode())
                .isEqualTo(400);
    }

    @Test
    void defaultsAreBrightpearlsMinuteAndAShortForcedPeriod() {
        BrightpearlOptions d = BrightpearlOptions.defaults();
        assertThat(d.throttleWindow()).isEqualTo(Duration.ofSeconds(60));
        assertThat(d.requestsPerMinute()).isEqualTo(200);
        assertThat(d.forcedThrottlePeriod()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void forcedThrottlingAdvertisesAShortConfigurablePeriod() throws Exception {
        control(HttpMethod.PUT, "/faults", new JsonObject().put("forceThrottle", true));
        HttpResponse<Buffer> r = call();
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.getHeader("brightpearl-requests-remaining")).isEqualTo("0");
        assertThat(nextPeriod(r)).as("'throttled right now', not a fresh window").isEqualTo(1_000);

        okJson(control(HttpMethod.PUT, "/options", new JsonObject().put("forcedThrottlePeriodMs", 250)));
        assertThat(nextPeriod(call())).isEqualTo(250);

        control(HttpMethod.PUT, "/faults", new JsonObject().put("forceThrottle", false));
        assertThat(call().statusCode()).as("forced throttling spent no budget").isEqualTo(200);
        assertThat(control(HttpMethod.GET, "/stats", null).bodyAsJsonObject().getLong("throttled")).isEqualTo(2);
    }
}
