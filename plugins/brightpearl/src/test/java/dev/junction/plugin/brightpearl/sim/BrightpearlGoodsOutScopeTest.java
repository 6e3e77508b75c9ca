package dev.junction.plugin.brightpearl.sim;

import dev.junction.api.source.PollRequest;
import dev.junction.api.source.SourceHandler;
import dev.junction.api.source.SourcePage;
import dev.junction.api.source.SourceRecord;
import dev.junction.hub.connection.ConnectionHandlers;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code goods-out-notes} source's scope: option {@code goLive} (no note created before it) and option
 * {@code warehouses}; a note out of scope is absent from polls and from fetch (the webhook path) alike.
 * The simulator's clock is moved an hour on between the two orders, so go-live falls cleanly between them.
 */
class BrightpearlGoodsOutScopeTest extends SimulatorTestBase {

    @AfterEach
    void resetClockAndAutomation() throws Exception {
        shift.set(0);
        control(HttpMethod.PUT, "/options", new JsonObject().put("autoGoodsOutNotes", false));
    }

    /** GON ids of {@code orderId} by warehouse id. */
    private Map<Long, String> notesOf(long orderId) throws Exception {
        Map<Long, String> out = new java.util.HashMap<>();
        controlArray("/goods-out-notes").stream().map(JsonObject.class::cast).filter(g -> g.getLong("orderId") == orderId)
                .forEach(g -> out.put(g.getLong("warehouseId"), String.valueOf(g.getLong("id"))));
        return out;
    }

    private List<String> pollIds(SourceHandler source, Instant since, JsonObject options) throws Exception {
        List<String> ids = new ArrayList<>();
        String token = null;
        do {
            SourcePage page = await(source.poll(new PollRequest(since, null, token, 50, options)));
            page.records().forEach(r -> ids.add(r.id()));
            token = page.nextPageToken().orElse(null);
        } while (token != null);
        return ids;
    }

    @Test
    void notesBeforeGoLiveOrInAnotherWarehouseAreNotReturned() throws Exception {
        long customer = seedContact("scope@example.com");
        long main = seedProduct("SCOPE-MAIN", new JsonObject().put("2", 10));
        long east = seedProduct("SCOPE-EAST", new JsonObject().put("3", 10));
        control(HttpMethod.PUT, "/options", new JsonObject().put("autoGoodsOutNotes", true)
                .put("productWarehouses", new JsonObject().put(String.valueOf(main), 2).put(String.valueOf(east), 3)));

        Instant start = Instant.now().minus(Duration.ofMinutes(1));
        long before = seedOrder(customer, "SCOPE-BEFORE", main, east);
        shift.set(Duration.ofHours(1).toMillis());
        long after = seedOrder(customer, "SCOPE-AFTER", main, east);
        Instant goLive = start.plus(Duration.ofMinutes(31));

        Map<Long, String> old = notesOf(before);
        Map<Long, String> live = notesOf(after);
        assertThat(old).containsOnlyKeys(2L, 3L);
        assertThat(live).containsOnlyKeys(2L, 3L);

        SourceHandler source = handlers("bp-scope").source("goods-out-notes").orElseThrow();
        assertThat(pollIds(source, start, new JsonObject())).as("unscoped, every note is there")
                .contains(old.get(2L), old.get(3L), live.get(2L), live.get(3L));

        JsonObject scoped = new JsonObject().put("goLive", goLive.toString()).put("warehouses", "2");
        List<String> inScope = pollIds(source, start, scoped);
        assertThat(inScope).contains(live.get(2L)).doesNotContain(old.get(2L), old.get(3L), live.get(3L));

        JsonObject onlyGoLive = new JsonObject().put("goLive", goLive.toString());
        assertThat(pollIds(source, start, onlyGoLive)).contains(live.get(2L), live.get(3L))
                .doesNotContain(old.get(2L), old.get(3L));

        // a webhook names a note; fetch applies the same scope
        assertThat(await(source.fetch(live.get(2L), scoped))).isPresent().get().extracting(SourceRecord::id)
                .isEqualTo(live.get(2L));
        assertThat(await(source.fetch(old.get(2L), scoped))).as("created before go-live").isEmpty();
        assertThat(await(source.fetch(live.get(3L), scoped))).as("another warehouse").isEmpty();
        assertThat(await(source.fetch(old.get(3L), new JsonObject()))).as("unscoped fetch").isPresent();
    }
}
