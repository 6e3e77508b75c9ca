package dev.junction.plugin.bigcommerce.orders;

import dev.junction.api.error.PermanentException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatusFilterTest {

    @Test
    void idsAndNamesInAnArrayOrAString() {
        StatusFilter paidOnly = StatusFilter.from(new JsonObject().put("statuses", new JsonArray().add(11)));
        assertThat(paidOnly.single()).contains(11);
        assertThat(paidOnly.matches(order(11))).isTrue();
        assertThat(paidOnly.matches(order(1))).isFalse();

        StatusFilter withPending = StatusFilter.from(new JsonObject().put("statuses", "Awaiting Fulfillment, pending"));
        assertThat(withPending.ids()).containsExactlyInAnyOrder(11, 1);
        assertThat(withPending.single()).isEmpty();
        assertThat(withPending.matches(order(1))).isTrue();
    }

    @Test
    void noOptionImportsEverythingButAbandonedCheckouts() {
        StatusFilter all = StatusFilter.from(new JsonObject());
        assertThat(all.matches(order(0))).isFalse();
        assertThat(all.matches(order(7))).isTrue();
    }

    @Test
    void unknownStatusIsAClearConfigurationError() {
        assertThatThrownBy(() -> StatusFilter.from(new JsonObject().put("statuses", "Paid")))
                .isInstanceOf(PermanentException.class).hasMessageContaining("'Paid'");
    }

    private static JsonObject order(int status) {
        return new JsonObject().put("id", 1).put("status_id", status);
    }
}
