package dev.junction.sandbox.starshipit;

import dev.junction.sandbox.core.SimulatorServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;

import java.util.concurrent.TimeUnit;

/** One Starshipit simulator on a free loopback port and a client sending both API keys. */
final class StarshipitHarness {
    final SimulatorServer server;
    final WebClient client;

    private StarshipitHarness(SimulatorServer server, WebClient client) {
        this.server = server;
        this.client = client;
    }

    static StarshipitHarness start(Vertx vertx, StarshipitOptions options) throws Exception {
        SimulatorServer server = await(new SimulatorServer(new StarshipitSimulator(options), options.seed()).start(vertx, 0));
        return new StarshipitHarness(server, WebClient.create(vertx));
    }

    static <T> T await(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    HttpRequest<Buffer> api(HttpMethod method, String path) {
        return client.requestAbs(method, server.baseUrl() + path)
                .putHeader("StarShipIT-Api-Key", StarshipitOptions.DEFAULT_API_KEY)
                .putHeader("Ocp-Apim-Subscription-Key", StarshipitOptions.DEFAULT_SUBSCRIPTION_KEY);
    }

    HttpResponse<Buffer> get(String path) throws Exception {
        return await(api(HttpMethod.GET, path).send());
    }

    HttpResponse<Buffer> send(HttpMethod method, String path, JsonObject body) throws Exception {
        return await(api(method, path).sendJsonObject(body));
    }

    HttpResponse<Buffer> control(HttpMethod method, String path, JsonObject body) throws Exception {
        return await(client.requestAbs(method, server.baseUrl() + path).sendJsonObject(body));
    }

    static JsonObject order(String number, String reference, String postCode) {
        return new JsonObject().put("order", new JsonObject().put("order_number", number).put("reference", reference)
                .put("carrier", "AusPost").put("carrier_service_code", "7B05").put("currency", "AUD")
                .put("destination", new JsonObject().put("name", "Jo Bloggs").put("street", "1 George St")
                        .put("suburb", "Sydney").put("state", "NSW").put("post_code", postCode).put("country", "AU")
                        .put("email", "jo@example.test"))
                .put("items", new JsonArray().add(new JsonObject().put("description", "Widget").put("sku", "W-1")
                        .put("quantity", 2).put("weight", 0.5).put("value", 12.5))));
    }

    /** Creates an order and returns its order_id. */
    int create(String number, String reference) throws Exception {
        HttpResponse<Buffer> r = send(HttpMethod.POST, "/api/orders", order(number, reference, "2000"));
        if (r.statusCode() != 200) throw new AssertionError(r.bodyAsString());
        return r.bodyAsJsonObject().getJsonObject("order").getInteger("order_id");
    }
}
