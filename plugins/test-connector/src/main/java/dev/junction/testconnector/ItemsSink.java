package dev.junction.testconnector;

import dev.junction.api.model.Product;
import dev.junction.api.sink.SinkHandler;
import dev.junction.api.sink.SinkRequest;
import dev.junction.api.sink.SinkResult;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Writes products to the remote's sink, looking up the idempotency key first so a repeat never duplicates. */
final class ItemsSink implements SinkHandler<Product> {
    private final TestRemoteClient client;

    ItemsSink(TestRemoteClient client) {
        this.client = client;
    }

    @Override
    public Future<SinkResult> write(SinkRequest<Product> req) {
        if (req.linkedId().isPresent()) {
            return Future.succeededFuture(SinkResult.alreadyPresent(req.linkedId().get(), "already linked"));
        }
        String key = req.idempotencyKey();
        return client.get("/sink/items?ref=" + URLEncoder.encode(key, StandardCharsets.UTF_8))
                .compose(TestRemoteClient::json)
                .compose(found -> {
                    if (found.getString("id") != null) {
                        return Future.succeededFuture(SinkResult.alreadyPresent(found.getString("id"),
                                "found by reference " + key));
                    }
                    Product p = req.record();
                    JsonObject body = new JsonObject().put("ref", key).put("sku", p.sku()).put("name", p.name())
                            .put("hsCode", p.hsCode());
                    return client.post("/sink/items", body).compose(TestRemoteClient::json)
                            .map(created -> SinkResult.created(created.getString("id"), "created " + created.getString("id"))
                                    .withFacts(java.util.Map.of("orderReference", String.valueOf(p.name()),
                                            "shippingMethod", "ground")));
                });
    }
}
