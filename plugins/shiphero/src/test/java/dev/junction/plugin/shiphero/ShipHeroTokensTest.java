package dev.junction.plugin.shiphero;

import dev.junction.api.CheckResult;
import dev.junction.sandbox.shiphero.ShipHeroOptions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Tokens: stored in the connection's state, renewed when ShipHero refuses them, never leaked. */
class ShipHeroTokensTest {

    @Test
    void aRefusedStoredTokenIsRenewedAndTheCallSucceeds() throws Exception {
        try (Harness h = new Harness(ShipHeroOptions.forTests())) {
            long far = System.currentTimeMillis() / 1000 + 86_400 * 20;
            Harness.await(h.ctx.state().put("shiphero.tokens", new JsonObject().put("username", h.sim.options.username())
                    .put("access_token", "stale-token").put("refresh_token", "stale-refresh")
                    .put("issued_at", far - 86_400 * 28).put("expires_at", far).encode()));

            CheckResult r = Harness.await(new ShipHeroConnector().check(h.ctx));

            assertThat(r.ok()).as(r.reason()).isTrue();
            Optional<String> stored = Harness.await(h.ctx.state().get("shiphero.tokens"));
            assertThat(new JsonObject(stored.orElseThrow()).getString("access_token")).isNotEqualTo("stale-token");
            assertThat(h.sim.stats().getLong("unauthorized")).as("stale token and stale refresh token refused").isEqualTo(2);
        }
    }

    @Test
    void aTokenCloseToExpiryIsRenewedBeforeUse() throws Exception {
        try (Harness h = new Harness(ShipHeroOptions.forTests())) {
            Harness.await(new ShipHeroConnector().check(h.ctx));
            JsonObject first = new JsonObject(Harness.await(h.ctx.state().get("shiphero.tokens")).orElseThrow());
            long now = System.currentTimeMillis() / 1000;
            // As if 28 days had passed but for an hour: inside the renewal margin, still valid at ShipHero.
            Harness.await(h.ctx.state().put("shiphero.tokens", first.copy().put("issued_at", now - 86_400 * 28)
                    .put("expires_at", now + 3_600).encode()));
            var fresh = h.services.context(new ShipHeroConnector(), "sh-main", h.sim.settings());

            assertThat(Harness.await(new ShipHeroConnector().check(fresh)).ok()).isTrue();
            JsonObject after = new JsonObject(Harness.await(h.ctx.state().get("shiphero.tokens")).orElseThrow());
            assertThat(after.getString("access_token")).isNotEqualTo(first.getString("access_token"));
            assertThat(after.getString("refresh_token")).as("kept across a refresh").isEqualTo(first.getString("refresh_token"));
            assertThat(h.sim.stats().getLong("unauthorized")).as("renewed before ShipHero had to refuse it").isZero();
        }
    }
}
