package dev.junction.hub.store.hsqldb;

import dev.junction.api.service.IdLink;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LinkKeysTest extends StoreFixture {

    @Test
    void everyAddedKeyMayExistAndFewOthersDo() {
        LinkKeys keys = new LinkKeys();
        keys.markComplete();
        for (int i = 0; i < 200_000; i++) {
            keys.add("order", "bc", Integer.toString(i), "bp");
        }
        for (int i = 0; i < 200_000; i++) {
            assertThat(keys.mayExist("order", "bc", Integer.toString(i), "bp")).as("key %d", i).isTrue();
        }
        int falsePositives = 0;
        for (int i = 200_000; i < 300_000; i++) {
            if (keys.mayExist("order", "bc", Integer.toString(i), "bp")) falsePositives++;
        }
        assertThat(falsePositives).as("of 100,000 keys never added").isLessThan(1_000);
        // the parts are kept apart: the same characters split differently are another key
        assertThat(keys.mayExist("order", "bc1", "", "bp")).isFalse();
        assertThat(keys.mayExist("order", "bp", "1", "bc")).isFalse();
    }

    @Test
    void untilTheTableHasBeenReadEveryKeyMayExist() {
        LinkKeys keys = new LinkKeys();
        assertThat(keys.mayExist("order", "bc", "218", "bp")).isTrue();
        keys.markComplete();
        assertThat(keys.mayExist("order", "bc", "218", "bp")).isFalse();
    }

    @Test
    void linksAlreadyInTheTableAreReadAtOpenInBothDirections() throws Exception {
        await(store.putLink(new IdLink("order", "bc", "218", "bp", "1044")));
        LinkDao reopened = new LinkDao();
        // a second pool on the same in-memory database; the fixture's close shuts the database down for both
        Jdbc jdbc = Jdbc.open(vertx, "link-keys-test", "jdbc:hsqldb:mem:" + dbName, 1);
        assertThat(reopened.mayExist("order", "bc", "999", "bp")).as("before the table is read").isTrue();
        await(reopened.loadKeys(jdbc, dbName));

        assertThat(reopened.mayExist("order", "bc", "218", "bp")).isTrue();
        assertThat(reopened.mayExist("order", "bp", "1044", "bc")).isTrue();
        assertThat(reopened.mayExist("order", "bc", "999", "bp")).isFalse();
    }

    @Test
    void aStoreAnswersAnUnknownLinkAndFindsOneWrittenSinceOpen() {
        assertThat(await(store.findLink("order", "bc", "1", "bp"))).isEmpty();
        await(store.putLink(new IdLink("order", "bc", "1", "bp", "77")));
        assertThat(await(store.findLink("order", "bc", "1", "bp"))).contains("77");
        assertThat(await(store.findLink("order", "bp", "77", "bc"))).contains("1");
    }

    @Test
    void aKeyThisStoreHasNotSeenButAnotherWriterHasIsReplacedNotDuplicated() throws Exception {
        // The other writer: a link written through a second LinkDao, whose keys this store's LinkDao never saw.
        LinkDao other = new LinkDao();
        Jdbc jdbc = Jdbc.open(vertx, "link-writer-test", "jdbc:hsqldb:mem:" + dbName, 1);
        await(other.loadKeys(jdbc, dbName));
        await(jdbc.<Void>tx(c -> {
            other.put(c, new IdLink("order", "bc", "218", "bp", "1044"), T0);
            return null;
        }));
        assertThat(store.links.mayExist("order", "bc", "218", "bp")).as("unknown to the store's keys").isFalse();

        await(store.putLink(new IdLink("order", "bc", "218", "bp", "1050")));

        assertThat(await(store.findLink("order", "bc", "218", "bp"))).contains("1050");
        assertThat(await(store.findLink("order", "bp", "1050", "bc"))).contains("218");
        try (var c = raw(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT COUNT(*) FROM id_link WHERE from_id = '218'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("rows for bc 218").isEqualTo(1);
        }
    }
}
