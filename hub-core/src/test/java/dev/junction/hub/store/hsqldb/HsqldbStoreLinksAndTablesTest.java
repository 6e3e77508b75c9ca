package dev.junction.hub.store.hsqldb;

import dev.junction.api.mapping.Choice;
import dev.junction.api.service.IdLink;
import dev.junction.hub.store.MappingTable;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HsqldbStoreLinksAndTablesTest extends StoreFixture {

    @Test
    void aLinkIsFoundFromEitherSide() {
        await(store.putLink(new IdLink("order", "bc", "218", "bp", "1044")));

        assertThat(await(store.findLink("order", "bc", "218", "bp"))).contains("1044");
        assertThat(await(store.findLink("order", "bp", "1044", "bc"))).contains("218");
        assertThat(await(store.findLink("order", "bc", "218", "sh"))).isEmpty();
        assertThat(await(store.findLink("shipment", "bc", "218", "bp"))).isEmpty();
    }

    @Test
    void puttingTheSameLinkAgainIsHarmless() {
        IdLink link = new IdLink("order", "bc", "218", "bp", "1044");
        await(store.putLink(link));
        await(store.putLink(link));

        assertThat(await(store.findLink("order", "bc", "218", "bp"))).contains("1044");
        assertThat(await(store.findLink("order", "bp", "1044", "bc"))).contains("218");
    }

    @Test
    void aNewerLinkReplacesTheOlderAndTheDeadReverseIsGone() {
        await(store.putLink(new IdLink("order", "bc", "218", "bp", "1044")));
        await(store.putLink(new IdLink("order", "bc", "218", "bp", "1050")));

        assertThat(await(store.findLink("order", "bc", "218", "bp"))).contains("1050");
        assertThat(await(store.findLink("order", "bp", "1050", "bc"))).contains("218");
        assertThat(await(store.findLink("order", "bp", "1044", "bc"))).isEmpty();
    }

    @Test
    void linksToSeveralSystemsCoexist() {
        await(store.putLink(new IdLink("order", "bc", "218", "bp", "1044")));
        await(store.putLink(new IdLink("order", "bp", "1044", "sh", "SH-9")));

        assertThat(await(store.findLink("order", "bp", "1044", "bc"))).contains("218");
        assertThat(await(store.findLink("order", "bp", "1044", "sh"))).contains("SH-9");
        assertThat(await(store.findLink("order", "sh", "SH-9", "bp"))).contains("1044");
    }

    @Test
    void mappingTablesRoundTripAndReplace() {
        MappingTable shipping = new MappingTable("shipping-methods", Map.of("UPS Ground", "7", "Next Day", "9"), "7",
                List.of(new Choice("UPS Ground", "UPS Ground")), List.of(new Choice("7", "UPS"), new Choice("9", "DHL")));
        await(store.putMappingTable(shipping));
        await(store.putMappingTable(new MappingTable("warehouses", Map.of("1", "WH-A"), null, null, null)));

        assertThat(await(store.mappingTable("shipping-methods"))).contains(shipping);
        assertThat(await(store.mappingTables())).extracting(MappingTable::name)
                .containsExactly("shipping-methods", "warehouses");
        assertThat(await(store.mappingTable("nope"))).isEmpty();

        MappingTable changed = new MappingTable("shipping-methods", Map.of("UPS Ground", "8"), null, List.of(), List.of());
        await(store.putMappingTable(changed));
        assertThat(await(store.mappingTable("shipping-methods"))).contains(changed);
    }

    @Test
    void flowsArePausedAndResumed() {
        assertThat(await(store.isPaused("f1"))).isFalse();
        await(store.setPaused("f1", true));
        assertThat(await(store.isPaused("f1"))).isTrue();
        assertThat(await(store.isPaused("f2"))).isFalse();
        await(store.setPaused("f1", false));
        assertThat(await(store.isPaused("f1"))).isFalse();
    }

    @Test
    void concurrentPutsOfTheSameLinkAllSucceed() throws Exception {
        IdLink link = new IdLink("order", "bc", "300", "bp", "2000");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Void>> puts = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                puts.add(pool.submit(() -> {
                    start.await();
                    return await(store.putLink(link));
                }));
            }
            start.countDown();
            for (var put : puts) {
                put.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(await(store.findLink("order", "bp", "2000", "bc"))).contains("300");
    }
}
