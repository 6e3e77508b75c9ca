package dev.junction.plugin.bigcommerce.orders;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PollCursorTest {

    private static final Instant T0 = Instant.parse("2026-07-01T10:00:00Z");

    @Test
    void shortPageIsTheLast() {
        PollCursor.Step step = PollCursor.start(T0).step(List.of(order(1, 0), order(2, 5)), 250, 100, null);
        assertThat(ids(step.orders())).containsExactly("1", "2");
        assertThat(step.next()).isEmpty();
    }

    @Test
    void pageSizeCutsThePageAndTheNextStartsAtTheLastSecondSkippingWhatWasSeen() {
        List<JsonObject> raw = List.of(order(1, 0), order(2, 5), order(3, 5), order(4, 9));
        PollCursor.Step first = PollCursor.start(T0).step(raw, 250, 2, null);

        assertThat(ids(first.orders())).containsExactly("1", "2");
        PollCursor next = first.next().orElseThrow();
        assertThat(next.from()).isEqualTo(T0.plusSeconds(5));
        assertThat(next.seen()).containsExactly("2");

        // BigCommerce answers from second 5 on; order 2 is skipped, 3 and 4 follow.
        PollCursor.Step second = PollCursor.decode(next.encode()).step(List.of(order(2, 5), order(3, 5), order(4, 9)), 250, 2, null);
        assertThat(ids(second.orders())).containsExactly("3", "4");
    }

    @Test
    void anOrderModifiedMidPollIsNotSkipped() {
        // Page 1 (limit 2) returns 1 and 2; then order 1 is modified and moves to the end of the list.
        PollCursor next = PollCursor.start(T0).step(List.of(order(1, 0), order(2, 1)), 2, 100, null).next().orElseThrow();
        // With page numbers, page 2 would now start at order 4 and order 3 would be lost; from the last second it is not.
        PollCursor.Step step = next.step(List.of(order(2, 1), order(3, 2)), 2, 100, null);
        assertThat(ids(step.orders())).containsExactly("3");
    }

    @Test
    void moreOrdersAtOneSecondThanAPageHoldsStepThroughPages() {
        PollCursor atFull = new PollCursor(T0, 1, Set.of("1", "2"));
        PollCursor.Step step = atFull.step(List.of(order(1, 0), order(2, 0)), 2, 100, null);
        assertThat(step.orders()).isEmpty();
        assertThat(step.next().orElseThrow().page()).isEqualTo(2);
        assertThat(step.next().orElseThrow().from()).isEqualTo(T0);
    }

    @Test
    void ordersAtOrAfterTheWindowEndAreLeftForTheNextWindow() {
        PollCursor.Step step = PollCursor.start(T0).step(List.of(order(1, 0), order(2, 10)), 2, 100, T0.plusSeconds(10));
        assertThat(ids(step.orders())).containsExactly("1");
        assertThat(step.next()).isEmpty();
    }

    private static JsonObject order(int id, int secondsAfterT0) {
        String date = T0.plusSeconds(secondsAfterT0).atOffset(ZoneOffset.UTC).format(DateTimeFormatter.RFC_1123_DATE_TIME);
        return new JsonObject().put("id", id).put("date_modified", date).put("status_id", 11);
    }

    private static List<String> ids(List<JsonObject> orders) {
        return orders.stream().map(o -> String.valueOf(o.getValue("id"))).toList();
    }
}
