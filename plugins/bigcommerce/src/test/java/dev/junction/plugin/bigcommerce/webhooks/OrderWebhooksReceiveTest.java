package dev.junction.plugin.bigcommerce.webhooks;

import dev.junction.api.webhook.WebhookEvent;
import dev.junction.api.webhook.WebhookRequest;
import dev.junction.api.webhook.WebhookVerdict;
import dev.junction.plugin.bigcommerce.testing.MemoryState;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Verification and event extraction on BigCommerce's own callback fixtures. */
class OrderWebhooksReceiveTest {

    private static final String SECRET = "0123456789abcdef";
    private final MemoryState state = new MemoryState();
    private final OrderWebhooks hooks = new OrderWebhooks(state, null);

    OrderWebhooksReceiveTest() {
        state.values.put(OrderWebhooks.SECRET_STATE_KEY, SECRET);
    }

    @Test
    void createdOrderBecomesAThinOrdersEvent() throws IOException {
        WebhookVerdict verdict = receive(fixture("store_order_created.json"), SECRET);

        assertThat(verdict).isInstanceOf(WebhookVerdict.Accepted.class);
        assertThat(((WebhookVerdict.Accepted) verdict).events()).containsExactly(WebhookEvent.thin("orders", "250"));
    }

    @Test
    void statusUpdateFeedsBothTheOrderAndTheStatusStreams() throws IOException {
        WebhookVerdict verdict = receive(fixture("store_order_statusUpdated.json"), SECRET);

        assertThat(((WebhookVerdict.Accepted) verdict).events())
                .containsExactly(WebhookEvent.thin("orders", "250"), WebhookEvent.thin("order-status-changes", "250"));
    }

    @Test
    void updatedOrderIsRefetched() throws IOException {
        assertThat(((WebhookVerdict.Accepted) receive(fixture("store_order_updated.json"), SECRET)).events())
                .containsExactly(WebhookEvent.thin("orders", "250"));
    }

    @Test
    void scopesWeDoNotSyncAreAcknowledgedWithoutEvents() throws IOException {
        assertThat(((WebhookVerdict.Accepted) receive(fixture("store_order_archived.json"), SECRET)).events()).isEmpty();
        assertThat(((WebhookVerdict.Accepted) receive(fixture("store_shipment_created.json"), SECRET)).events()).isEmpty();
    }

    @Test
    void wrongOrMissingSecretIsRejectedWith401() throws IOException {
        String body = fixture("store_order_created.json");
        assertThat(receive(body, "0123456789abcdeX")).isEqualTo(WebhookVerdict.rejected(401, "missing or wrong X-Junction-Secret header"));
        assertThat(receive(body, null)).isInstanceOf(WebhookVerdict.Rejected.class)
                .extracting(v -> ((WebhookVerdict.Rejected) v).status()).isEqualTo(401);
    }

    @Test
    void beforeRegistrationEverythingIsRejected() throws IOException {
        state.values.clear();
        WebhookVerdict verdict = receive(fixture("store_order_created.json"), SECRET);
        assertThat(verdict).isInstanceOf(WebhookVerdict.Rejected.class);
        assertThat(((WebhookVerdict.Rejected) verdict).status()).isEqualTo(401);
    }

    @Test
    void garbageBodyWithTheRightSecretIsABadRequest() {
        WebhookVerdict verdict = receive("not json", SECRET);
        assertThat(((WebhookVerdict.Rejected) verdict).status()).isEqualTo(400);
    }

    private WebhookVerdict receive(String body, String secret) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Content-Type", "application/json");
        if (secret != null) {
            headers.add("x-junction-secret", secret);
        }
        return hooks.receive(new WebhookRequest("POST", "/webhooks/bc", headers, MultiMap.caseInsensitiveMultiMap(),
                Buffer.buffer(body))).result();
    }

    static String fixture(String name) throws IOException {
        return Files.readString(Path.of(System.getProperty("junction.shared.dir", "../../../shared"),
                "contracts", "bigcommerce", "webhook-payloads", name));
    }
}
