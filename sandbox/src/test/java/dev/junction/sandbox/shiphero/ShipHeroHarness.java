package dev.junction.sandbox.shiphero;

import dev.junction.sandbox.core.SimulatorServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;

import java.util.concurrent.TimeUnit;

/** One simulator on a free loopback port, with a logged-in GraphQL client. Calls block the test thread only. */
final class ShipHeroHarness {
    final SimulatorServer server;
    final WebClient client;
    String token;

    private ShipHeroHarness(SimulatorServer server, WebClient client) {
        this.server = server;
        this.client = client;
    }

    static ShipHeroHarness start(Vertx vertx, ShipHeroOptions options) throws Exception {
        SimulatorServer server = await(new SimulatorServer(new ShipHeroSimulator(options), options.seed()).start(vertx, 0));
        return new ShipHeroHarness(server, WebClient.create(vertx));
    }

    static <T> T await(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    String url(String path) {
        return server.baseUrl() + path;
    }

    HttpResponse<Buffer> post(String path, JsonObject body) throws Exception {
        return await(client.postAbs(url(path)).sendJsonObject(body));
    }

    HttpResponse<Buffer> put(String path, JsonObject body) throws Exception {
        return await(client.putAbs(url(path)).sendJsonObject(body));
    }

    HttpResponse<Buffer> get(String path) throws Exception {
        return await(client.getAbs(url(path)).send());
    }

    ShipHeroHarness login() throws Exception {
        HttpResponse<Buffer> r = post("/auth/token", new JsonObject().put("username", ShipHeroOptions.DEFAULT_USERNAME)
                .put("password", ShipHeroOptions.DEFAULT_PASSWORD));
        if (r.statusCode() != 200) throw new AssertionError("login failed: " + r.bodyAsString());
        token = r.bodyAsJsonObject().getString("access_token");
        return this;
    }

    HttpResponse<Buffer> graphqlRaw(String query, JsonObject variables) throws Exception {
        return await(client.postAbs(url("/graphql")).bearerTokenAuthentication(token)
                .sendJsonObject(new JsonObject().put("query", query).put("variables", variables)));
    }

    JsonObject graphql(String query, JsonObject variables) throws Exception {
        HttpResponse<Buffer> r = graphqlRaw(query, variables == null ? new JsonObject() : variables);
        if (r.statusCode() != 200) throw new AssertionError("HTTP " + r.statusCode() + ": " + r.bodyAsString());
        return r.bodyAsJsonObject();
    }

    static final String ORDER_CREATE = """
            mutation create($data: CreateOrderInput!) {
              order_create(data: $data) {
                request_id complexity
                order { id legacy_id order_number partner_order_id fulfillment_status
                        line_items(first: 10) { edges { node { id sku partner_line_item_id quantity } } } }
              }
            }""";

    /** Creates an order with {@code lines} lines of quantity {@code qty}; returns the created order. */
    JsonObject createOrder(String partnerOrderId, int lines, int qty) throws Exception {
        JsonArray items = new JsonArray();
        for (int i = 1; i <= lines; i++) {
            items.add(new JsonObject().put("sku", "SKU-" + i).put("partner_line_item_id", partnerOrderId + "-" + i)
                    .put("quantity", qty).put("price", "9.99").put("product_name", "Widget " + i));
        }
        JsonObject data = new JsonObject().put("order_number", "BP-" + partnerOrderId).put("partner_order_id", partnerOrderId)
                .put("shop_name", "Junction").put("email", "jo@example.test")
                .put("shipping_lines", new JsonObject().put("title", "UPS Ground").put("price", "5.00")
                        .put("carrier", "ups").put("method", "ground"))
                .put("shipping_address", new JsonObject().put("first_name", "Jo").put("last_name", "Bloggs")
                        .put("address1", "1 Main St").put("city", "Austin").put("state", "TX").put("zip", "73301")
                        .put("country", "US"))
                .put("line_items", items);
        JsonObject body = graphql(ORDER_CREATE, new JsonObject().put("data", data));
        if (body.containsKey("errors")) throw new AssertionError(body.encodePrettily());
        return body.getJsonObject("data").getJsonObject("order_create").getJsonObject("order");
    }
}
