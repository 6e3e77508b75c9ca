package dev.junction.sandbox.bench;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The measured-phase difference of two {@code /_sandbox/stats} snapshots. */
class BenchHttpDeltaTest {

    @Test
    void nestedCountsAreSubtractedInTheLaterSnapshotsOrderAndZerosLeftOut() {
        JsonObject before = new JsonObject("""
                {"delivered":10,"failed":2,"failedBy":{"HTTP 503":2},
                 "answeredWithin":{"<=2ms":5,"<=100ms":5}}""");
        JsonObject after = new JsonObject("""
                {"delivered":25,"failed":2,"abandoned":1,"failedBy":{"HTTP 503":2,"Timeout":3},
                 "answeredWithin":{"<=2ms":9,"<=100ms":5,"<=1000ms":6}}""");
        JsonObject delta = BenchHttp.countsDelta(before, after);
        assertThat(delta.encode()).isEqualTo(
                "{\"delivered\":15,\"abandoned\":1,\"failedBy\":{\"Timeout\":3},\"answeredWithin\":{\"<=2ms\":4,\"<=1000ms\":6}}");
    }
}
