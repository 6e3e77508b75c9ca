package dev.junction.hub.store.hsqldb;

import dev.junction.hub.store.StoredConnection;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class HsqldbStoreConnectionsTest extends StoreFixture {

    private static final String TOKEN = "pat-7f3c9d-very-secret";

    private StoredConnection brightpearl() {
        JsonObject config = new JsonObject().put("account", "acme").put("apiToken", TOKEN)
                .put("pin", 4321).put("datacenter", "euw1");
        return new StoredConnection("bp", "brightpearl", config, Set.of("apiToken", "pin"));
    }

    private String rawColumn(String sql, String... params) throws Exception {
        try (Connection c = raw(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    @Test
    void secretFieldsAreEncryptedAtRestAndClearOnRead() throws Exception {
        await(store.putConnection(brightpearl()));

        String stored = rawColumn("SELECT config FROM hub_connection WHERE id = ?", "bp");
        assertThat(stored).doesNotContain(TOKEN).doesNotContain("4321").contains("acme");
        JsonObject storedJson = new JsonObject(stored);
        assertThat(storedJson.getString("apiToken")).startsWith("enc:v1:");
        assertThat(storedJson.getString("pin")).startsWith("enc:v1:");

        StoredConnection read = await(store.connection("bp")).orElseThrow();
        assertThat(read.config()).isEqualTo(brightpearl().config());
        assertThat(read.config().getValue("pin")).isEqualTo(4321);
        assertThat(read.secretFields()).containsExactlyInAnyOrder("apiToken", "pin");
        assertThat(read.connector()).isEqualTo("brightpearl");
    }

    @Test
    void connectionsAreListedReplacedAndDeletedWithTheirState() {
        await(store.putConnection(brightpearl()));
        await(store.putConnection(new StoredConnection("bc", "bigcommerce", new JsonObject().put("store", "s1"), Set.of())));
        await(store.putConnectionState("bp", "accessToken", "tok-1"));

        assertThat(await(store.connections())).extracting(StoredConnection::id).containsExactly("bc", "bp");

        JsonObject changed = brightpearl().config().copy().put("apiToken", "rotated");
        await(store.putConnection(new StoredConnection("bp", "brightpearl", changed, Set.of("apiToken"))));
        assertThat(await(store.connection("bp")).orElseThrow().config().getString("apiToken")).isEqualTo("rotated");

        assertThat(await(store.deleteConnection("bp"))).isTrue();
        assertThat(await(store.deleteConnection("bp"))).isFalse();
        assertThat(await(store.connection("bp"))).isEmpty();
        assertThat(await(store.connectionState("bp", "accessToken"))).isEmpty();
    }

    @Test
    void connectionStateIsEncryptedAtRest() throws Exception {
        await(store.putConnectionState("bc", "webhookSecret", TOKEN));

        String stored = rawColumn("SELECT state_value FROM connection_state WHERE connection_id = ? AND state_key = ?",
                "bc", "webhookSecret");
        assertThat(stored).startsWith("enc:v1:").doesNotContain(TOKEN);
        assertThat(await(store.connectionState("bc", "webhookSecret"))).contains(TOKEN);

        await(store.putConnectionState("bc", "webhookSecret", "second"));
        assertThat(await(store.connectionState("bc", "webhookSecret"))).contains("second");

        await(store.removeConnectionState("bc", "webhookSecret"));
        assertThat(await(store.connectionState("bc", "webhookSecret"))).isEmpty();
        assertThat(await(store.connectionState("bc", "other"))).isEmpty();
    }
}
