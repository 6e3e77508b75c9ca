package dev.junction.sandbox.shiphero;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.junction.sandbox.shiphero.ShipHeroHarness.await;
import static org.assertj.core.api.Assertions.assertThat;

/** Auth, envelopes, error shapes, Relay paging, credit throttling and fault knobs of the ShipHero API. */
@ExtendWith(VertxExtension.class)
class ShipHeroContractTest {
    private Vertx vertx;
    private ShipHeroHarness sh;

    @BeforeEach
    void start(Vertx vertx) throws Exception {
        this.vertx = vertx;
        sh = ShipHeroHarness.start(vertx, ShipHeroOptions.forTests()).login();
    }

    @Test
    void tokenEndpointsRejectWrongCredentialsAndGraphqlNeedsAValidBearer() throws Exception {
        HttpResponse<Buffer> wrong = sh.post("/auth/token", new JsonObject().put("username", ShipHeroOptions.DEFAULT_USERNAME)
                .put("password", "nope"));
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(wrong.bodyAsJsonObject().getString("error")).isEqualTo("invalid_grant");

        HttpResponse<Buffer> ok = sh.post("/auth/token", new JsonObject().put("username", ShipHeroOptions.DEFAULT_USERNAME)
                .put("password", ShipHeroOptions.DEFAULT_PASSWORD));
        JsonObject tokens = ok.bodyAsJsonObject();
        assertThat(tokens.fieldNames()).contains("access_token", "refresh_token", "expires_in", "scope", "token_type");
        assertThat(tokens.getString("token_type")).isEqualTo("Bearer");
        assertThat(tokens.getLong("expires_in")).isEqualTo(Duration.ofDays(28).toSeconds());

        HttpResponse<Buffer> noAuth = await(sh.client.postAbs(sh.url("/graphql"))
                .sendJsonObject(new JsonObject().put("query", "{ account { data { id } } }")));
        assertThat(noAuth.statusCode()).isEqualTo(401);
        assertThat(noAuth.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getString("message")).isNotBlank();
        HttpResponse<Buffer> bogus = await(sh.client.postAbs(sh.url("/graphql")).bearerTokenAuthentication("not-a-token")
                .sendJsonObject(new JsonObject().put("query", "{ account { data { id } } }")));
        assertThat(bogus.statusCode()).isEqualTo(401);

        HttpResponse<Buffer> refreshed = sh.post("/auth/refresh", new JsonObject().put("refresh_token", tokens.getString("refresh_token")));
        assertThat(refreshed.statusCode()).isEqualTo(200);
        sh.token = refreshed.bodyAsJsonObject().getString("access_token");
        assertThat(sh.graphql("{ account { data { id } } }", null).getJsonObject("data").getJsonObject("account")).isNotNull();
        assertThat(sh.post("/auth/refresh", new JsonObject().put("refresh_token", "unknown")).statusCode()).isEqualTo(403);
    }

    @Test
    void expiredAccessTokenIsRefused() throws Exception {
        ShipHeroHarness shortLived = ShipHeroHarness.start(vertx, ShipHeroOptions.forTests().withTokenTtl(Duration.ZERO)).login();
        HttpResponse<Buffer> r = shortLived.graphqlRaw("{ account { data { id } } }", new JsonObject());
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.bodyAsString()).contains("expired");
    }

    @Test
    void orderCreateReturnsTheEnvelopeAndIsFoundByPartnerOrderId() throws Exception {
        JsonObject body = sh.graphql(ShipHeroHarness.ORDER_CREATE, new JsonObject().put("data", new JsonObject()
                .put("partner_order_id", "bp:1001").put("order_number", "1001")
                .put("shipping_address", new JsonObject().put("address1", "1 Main St").put("country", "US"))
                .put("line_items", new JsonArray().add(new JsonObject().put("sku", "A").put("partner_line_item_id", "1")
                        .put("quantity", 2).put("price", "3.50")))));
        JsonObject created = body.getJsonObject("data").getJsonObject("order_create");
        assertThat(created.getString("request_id")).isNotBlank();
        assertThat(created.getInteger("complexity")).isEqualTo(10);
        assertThat(created.getJsonObject("order").getString("fulfillment_status")).isEqualTo("pending");
        assertThat(created.getJsonObject("order").getJsonObject("line_items").getJsonArray("edges")).hasSize(1);

        // Inline literal arguments, as a connector may write them.
        JsonObject found = sh.graphql("""
                query { orders(partner_order_id: "bp:1001") { request_id complexity
                  data(first: 5) { pageInfo { hasNextPage endCursor } edges { cursor node { id partner_order_id } } } } }""", null);
        JsonObject orders = found.getJsonObject("data").getJsonObject("orders");
        assertThat(orders.getInteger("complexity")).isEqualTo(6);
        JsonArray edges = orders.getJsonObject("data").getJsonArray("edges");
        assertThat(edges).hasSize(1);
        assertThat(edges.getJsonObject(0).getJsonObject("node").getString("id"))
                .isEqualTo(created.getJsonObject("order").getString("id"));

        JsonObject none = sh.graphql("query($p: String) { orders(partner_order_id: $p) { data(first: 5) { edges { node { id } } } } }",
                new JsonObject().put("p", "bp:9999"));
        assertThat(none.getJsonObject("data").getJsonObject("orders").getJsonObject("data").getJsonArray("edges")).isEmpty();

        JsonObject single = sh.graphql("query($id: String!) { order(id: $id) { data { id order_number } } }",
                new JsonObject().put("id", created.getJsonObject("order").getString("id")));
        assertThat(single.getJsonObject("data").getJsonObject("order").getJsonObject("data").getString("order_number")).isEqualTo("1001");
    }

    @Test
    void invalidInputAndUnknownFieldsAnswerGraphqlErrorsWithNullData() throws Exception {
        JsonObject body = sh.graphql(ShipHeroHarness.ORDER_CREATE, new JsonObject().put("data", new JsonObject().put("order_number", "X")));
        assertThat(body.getJsonObject("data").containsKey("order_create")).isTrue();
        assertThat(body.getJsonObject("data").getValue("order_create")).isNull();
        assertThat(body.getJsonArray("errors").getJsonObject(0).getString("message")).contains("shipping_address");

        JsonObject unknown = sh.graphql("{ nonsense { data { id } } }", null);
        assertThat(unknown.getJsonArray("errors").getJsonObject(0).getString("message")).contains("nonsense");

        HttpResponse<Buffer> syntax = sh.graphqlRaw("{ orders(", new JsonObject());
        assertThat(syntax.statusCode()).isEqualTo(400);
        assertThat(syntax.bodyAsJsonObject().getJsonArray("errors")).isNotEmpty();
    }

    @Test
    void ordersPageThroughRelayCursors() throws Exception {
        for (int i = 1; i <= 5; i++) sh.createOrder("p" + i, 1, 1);
        String query = """
                query page($after: String) { orders { complexity
                  data(first: 2, after: $after) { pageInfo { hasNextPage endCursor } edges { cursor node { partner_order_id } } } } }""";
        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        while (true) {
            JsonObject orders = sh.graphql(query, new JsonObject().put("after", after)).getJsonObject("data").getJsonObject("orders");
            assertThat(orders.getInteger("complexity")).isEqualTo(3);
            JsonObject page = orders.getJsonObject("data");
            page.getJsonArray("edges").forEach(e -> seen.add(((JsonObject) e).getJsonObject("node").getString("partner_order_id")));
            pages++;
            if (!page.getJsonObject("pageInfo").getBoolean("hasNextPage")) break;
            after = page.getJsonObject("pageInfo").getString("endCursor");
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactly("p1", "p2", "p3", "p4", "p5");
    }

    @Test
    void runningOutOfCreditsAnswersShipHerosCreditError() throws Exception {
        ShipHeroHarness small = ShipHeroHarness.start(vertx, ShipHeroOptions.forTests().withCredits(30, 1)).login();
        String query = "{ orders { data(first: 25) { edges { node { id } } } } }";
        JsonObject first = small.graphql(query, null);
        assertThat(first.containsKey("errors")).isFalse();
        assertThat(first.getJsonObject("extensions").getJsonObject("throttling").getJsonObject("user_quota")
                .getInteger("max_available")).isEqualTo(30);

        HttpResponse<Buffer> r = small.graphqlRaw(query, new JsonObject());
        assertThat(r.statusCode()).isEqualTo(200);
        JsonObject body = r.bodyAsJsonObject();
        assertThat(body.getJsonObject("data").getValue("orders")).isNull();
        JsonObject error = body.getJsonArray("errors").getJsonObject(0);
        assertThat(error.getString("message")).matches("There are not enough credits to perfom the requested operation, "
                + "which requires 26 credits\\. The max allowed for your account is 30 credits per operation\\. "
                + "Try again in \\d+ seconds");
        assertThat(error.getJsonObject("extensions").getInteger("code")).isEqualTo(30);
        assertThat(error.getJsonObject("extensions").getString("time_remaining")).matches("\\d+ seconds");
        assertThat(small.get("/_sandbox/stats").bodyAsJsonObject().getLong("throttled")).isEqualTo(1);
    }

    @Test
    void faultKnobsAnswerOutageErrorAndThrottleShapes() throws Exception {
        sh.put("/_sandbox/faults", new JsonObject().put("down", true));
        assertThat(sh.graphqlRaw("{ account { data { id } } }", new JsonObject()).statusCode()).isEqualTo(503);
        sh.put("/_sandbox/faults", new JsonObject().put("down", false).put("errorRate", 1.0));
        assertThat(sh.graphqlRaw("{ account { data { id } } }", new JsonObject()).statusCode()).isEqualTo(500);
        sh.put("/_sandbox/faults", new JsonObject().put("errorRate", 0.0).put("forceThrottle", true));
        JsonObject throttled = sh.graphql("{ account { data { id } } }", null);
        assertThat(throttled.getJsonArray("errors").getJsonObject(0).getString("message"))
                .startsWith("There are not enough credits to perfom the requested operation");
        sh.put("/_sandbox/faults", new JsonObject().put("forceThrottle", false));
        JsonObject account = sh.graphql("{ account { data { warehouses { id legacy_id identifier company_name address { city } } } } }", null);
        assertThat(account.getJsonObject("data").getJsonObject("account").getJsonObject("data").getJsonArray("warehouses")).hasSize(2);
        JsonObject stats = sh.get("/_sandbox/stats").bodyAsJsonObject();
        assertThat(stats.getLong("unavailable")).isEqualTo(1);
        assertThat(stats.getLong("injectedErrors")).isEqualTo(1);
        assertThat(stats.getLong("throttled")).isEqualTo(1);
    }
}
