package dev.junction.sandbox.brightpearl;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdSetTest {
    @Test
    void parsesRangesListsAndStar() {
        assertThat(IdSet.parse("1-3,7").ids()).containsExactly(1L, 2L, 3L, 7L);
        assertThat(IdSet.parse("8").ids()).containsExactly(8L);
        assertThat(IdSet.parse("5.1.9").ids()).containsExactly(5L, 1L, 9L);
        assertThat(IdSet.parse("1-50,55,75-82").size()).isEqualTo(59);
        assertThat(IdSet.parse("*").isAll()).isTrue();
        assertThat(IdSet.parse("*").contains(123)).isTrue();
        assertThat(IdSet.parse("1-1000000").contains(999_999)).isTrue();
        assertThat(IdSet.parse("1-3,7").contains(5)).isFalse();
    }

    @Test
    void rejectsGarbage() {
        assertThatThrownBy(() -> IdSet.parse("abc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdSet.parse("5-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdSet.parse("1,,2")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void formatsCompactly() {
        assertThat(IdSet.format(List.of(7L, 1L, 2L, 3L, 99L, 100L))).isEqualTo("1-3,7,99-100");
        assertThat(IdSet.format(List.of(5L))).isEqualTo("5");
    }
}
