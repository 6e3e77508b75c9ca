package dev.junction.plugin.brightpearl.client;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class BpIdSetsAndSearchTest {

    @Test
    void denseIdsBecomeRangesOfAtMost200() {
        List<Long> ids = LongStream.rangeClosed(1, 450).boxed().toList();
        assertThat(IdSets.chunks(ids)).containsExactly("1-200", "201-400", "401-450");
    }

    @Test
    void mixedSetsKeepRunsAndSingles() {
        assertThat(IdSets.chunks(List.of(5L, 1L, 2L, 3L, 9L, 10L, 3L))).containsExactly("1-3,5,9-10");
    }

    @Test
    void sparseSetsAreSplitToKeepUrlsShort() {
        List<Long> sparse = LongStream.range(0, 250).map(i -> i * 10).boxed().toList();
        List<String> chunks = IdSets.chunks(sparse);
        assertThat(chunks).hasSize(3);
        for (String c : chunks) {
            assertThat(c.split(",").length).isLessThanOrEqualTo(IdSets.MAX_TERMS);
        }
        Set<Long> back = new TreeSet<>();
        chunks.forEach(c -> back.addAll(IdSets.parse(c)));
        assertThat(back).containsExactlyElementsOf(new TreeSet<>(sparse));
    }

    @Test
    void everyChunkHoldsAtMost200Ids() {
        List<Long> ids = new ArrayList<>(LongStream.rangeClosed(1, 150).boxed().toList());
        ids.addAll(LongStream.rangeClosed(1000, 1100).boxed().toList());
        for (String c : IdSets.chunks(ids)) {
            assertThat(IdSets.parse(c).size()).isLessThanOrEqualTo(200);
        }
        assertThat(IdSets.chunks(ids).stream().mapToInt(c -> IdSets.parse(c).size()).sum()).isEqualTo(251);
    }

    @Test
    void webhookIdSetsParse() {
        assertThat(IdSets.parse("1-5,99")).containsExactly(1L, 2L, 3L, 4L, 5L, 99L);
        assertThat(IdSets.parse("7.3")).containsExactly(7L, 3L);
    }

    @Test
    void searchRowsAreDecodedByColumnName() {
        JsonObject response = new JsonObject("""
                {"results":[[322,1,200,3],[323,1,201,4]],
                 "metaData":{"morePagesAvailable":true,"resultsAvailable":4,"resultsReturned":2,"firstResult":1,"lastResult":2,
                   "columns":[{"name":"orderId"},{"name":"orderTypeId"},{"name":"contactId"},{"name":"orderStatusId"}]}}""");
        JsonObject reference = new JsonObject().put("orderStatusNames", new JsonObject().put("3", "New phone order"));
        SearchPage page = SearchPage.decode(response, reference);
        assertThat(page.rows()).hasSize(2);
        assertThat(page.rows().get(1).getInteger("contactId")).isEqualTo(201);
        assertThat(page.rows().get(0).getInteger("orderStatusId")).isEqualTo(3);
        assertThat(page.morePagesAvailable()).isTrue();
        assertThat(page.nextFirstResult()).isEqualTo(3);
        assertThat(page.reference().getJsonObject("orderStatusNames").getString("3")).isEqualTo("New phone order");
    }

    @Test
    void datacenterCodesBecomeHosts() {
        JsonObject base = new JsonObject().put("accountId", "acme").put("appRef", "app").put("accountToken", "t");
        assertThat(BrightpearlConfig.from(base.copy().put("datacenter", "euw1")).baseUrl()).isEqualTo("https://euw1.brightpearlconnect.com");
        assertThat(BrightpearlConfig.from(base.copy().put("datacenter", "ws-use")).baseUrl()).isEqualTo("https://ws-use.brightpearl.com");
        BrightpearlConfig sandbox = BrightpearlConfig.from(base.copy().put("baseUrl", "http://127.0.0.1:8080/"));
        assertThat(sandbox.apiUrl("/order-service/order/1")).isEqualTo("http://127.0.0.1:8080/public-api/acme/order-service/order/1");
        assertThat(sandbox.limiterKey()).isEqualTo("brightpearl:127.0.0.1:8080:acme");
        assertThat(sandbox.toString()).doesNotContain("t]").doesNotContain("accountToken");
    }
}
