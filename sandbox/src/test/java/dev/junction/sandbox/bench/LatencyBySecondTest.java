package dev.junction.sandbox.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class LatencyBySecondTest {

    @Test
    void aStallShowsAsItsOwnSecondsAgainstAnEvenMedian() {
        Map<Long, List<Long>> bySecond = new TreeMap<>();
        for (long s = 0; s < 10; s++) {
            List<Long> values = new ArrayList<>();
            for (long i = 1; i <= 100; i++) {
                values.add(s == 6 ? 400 + i : i); // second 6 stalled
            }
            bySecond.put(s, values);
        }

        JsonObject out = Workload.bySecond(bySecond);

        assertThat(out.getInteger("seconds")).isEqualTo(10);
        assertThat(out.getLong("medianP99")).isEqualTo(99);
        JsonArray worst = out.getJsonArray("worst");
        assertThat(worst).hasSize(5);
        assertThat(worst.getJsonObject(0).getLong("second")).isEqualTo(6);
        assertThat(worst.getJsonObject(0).getLong("p99")).isEqualTo(499);
        assertThat(worst.getJsonObject(0).getLong("max")).isEqualTo(500);
        assertThat(out.getJsonArray("p99Series").getList()).containsExactly(99L, 99L, 99L, 99L, 99L, 99L, 499L, 99L, 99L, 99L)
                .as("in order of second");
        assertThat(Report.bySecondText(out)).startsWith("median p99 99 ms over 10 s; worst: s6 p99 499 max 500,");
    }

    @Test
    void noOrdersGiveNoFigures() {
        JsonObject out = Workload.bySecond(Map.of());

        assertThat(out.getInteger("seconds")).isZero();
        assertThat(Report.bySecondText(out)).isEqualTo("none");
    }
}
