package dev.junction.plugin.brightpearl.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LruMapTest {

    @Test
    void holdsAtMostItsCapacityDroppingTheLeastRecentlyUsed() {
        LruMap<Long, String> map = new LruMap<>(3);
        map.put(1L, "a");
        map.put(2L, "b");
        map.put(3L, "c");
        assertThat(map.get(1L)).isEqualTo("a"); // 1 is now the most recently used, 2 the least
        map.put(4L, "d");

        assertThat(map.size()).isEqualTo(3);
        assertThat(map.get(2L)).as("least recently used: dropped").isNull();
        assertThat(map.get(1L)).isEqualTo("a");
        assertThat(map.get(3L)).isEqualTo("c");
        assertThat(map.get(4L)).isEqualTo("d");
    }

    @Test
    void aHundredThousandKeysLeaveOnlyTheNewestCapacityOfThem() {
        LruMap<Long, Long> map = new LruMap<>(1000);
        for (long i = 0; i < 100_000; i++) {
            map.put(i, i);
        }
        assertThat(map.size()).isEqualTo(1000);
        assertThat(map.get(98_999L)).isNull();
        assertThat(map.get(99_000L)).isEqualTo(99_000L);
    }

    @Test
    void removeForgetsAKey() {
        LruMap<String, String> map = new LruMap<>(2);
        map.put("k", "v");
        map.remove("k");
        assertThat(map.get("k")).isNull();
        assertThat(map.size()).isZero();
    }

    @Test
    void aCapacityBelowOneIsRefused() {
        assertThatThrownBy(() -> new LruMap<>(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }
}
