package dev.junction.plugin.bigcommerce.client;

import dev.junction.api.error.PermanentException;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BigCommerceConfigTest {

    @Test
    void defaultsToTheStoreApiRoot() {
        BigCommerceConfig c = BigCommerceConfig.from(new JsonObject().put("storeHash", "abc123").put("accessToken", "t0k"));
        assertThat(c.apiBase()).isEqualTo("https://api.bigcommerce.com/stores/abc123");
        assertThat(c.limiterKey()).isEqualTo("bigcommerce:abc123");
    }

    @Test
    void explicitBaseUrlWinsAndAPastedVersionSuffixIsDropped() {
        BigCommerceConfig c = BigCommerceConfig.from(new JsonObject().put("storeHash", "abc123").put("accessToken", "t0k")
                .put("baseUrl", "http://127.0.0.1:8080/stores/abc123/v3/"));
        assertThat(c.apiBase()).isEqualTo("http://127.0.0.1:8080/stores/abc123");
    }

    @Test
    void missingCredentialsAreExplainedAndTheTokenNeverPrinted() {
        assertThatThrownBy(() -> BigCommerceConfig.from(new JsonObject().put("accessToken", "t0k")))
                .isInstanceOf(PermanentException.class).hasMessageContaining("storeHash");
        BigCommerceConfig c = BigCommerceConfig.from(new JsonObject().put("storeHash", "abc123").put("accessToken", "s3cr3t"));
        assertThat(c.toString()).doesNotContain("s3cr3t");
    }
}
