package dev.junction.hub.flow;

import dev.junction.api.source.SourceRecord;
import dev.junction.hub.store.Cursor;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CursorMathTest {
    static final Instant T = Instant.parse("2026-11-01T10:00:00Z");

    static SourceRecord rec(String id, Instant at) {
        return SourceRecord.of(id, at, new JsonObject().put("id", id));
    }

    @Test
    void tiesAtTheCursorAreRememberedAndOnlyNewTiesPass() {
        Cursor c = CursorMath.advance(null, List.of(rec("a", T), rec("b", T.plusSeconds(1)), rec("c", T.plusSeconds(1))));
        assertThat(c).isEqualTo(new Cursor(T.plusSeconds(1), Set.of("b", "c")));
        // the next page repeats b and c (same timestamp) and brings d, which tied with them but came later
        List<SourceRecord> page = List.of(rec("b", T.plusSeconds(1)), rec("c", T.plusSeconds(1)), rec("d", T.plusSeconds(1)));
        assertThat(CursorMath.unseen(c, page)).extracting(SourceRecord::id).containsExactly("d");
        assertThat(CursorMath.advance(c, page).idsAtTimestamp()).containsExactlyInAnyOrder("b", "c", "d");
    }

    @Test
    void theCursorNeverMovesBackwards() {
        Cursor c = new Cursor(T.plusSeconds(10), Set.of("x"));
        assertThat(CursorMath.advance(c, List.of(rec("old", T)))).isEqualTo(c);
        assertThat(CursorMath.advance(c, List.of())).isEqualTo(c);
    }

    @Test
    void olderRecordsInTheOverlapPassToTheStoreWhichDedupesByContent() {
        Cursor c = new Cursor(T.plusSeconds(10), Set.of("x"));
        assertThat(CursorMath.unseen(c, List.of(rec("late", T.plusSeconds(5))))).extracting(SourceRecord::id).containsExactly("late");
    }
}
