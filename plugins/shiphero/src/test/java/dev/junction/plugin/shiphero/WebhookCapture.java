package dev.junction.plugin.shiphero;

import dev.junction.api.webhook.WebhookRequest;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A loopback endpoint that records the webhooks the simulator delivers, exactly as received. */
final class WebhookCapture {
    private final List<WebhookRequest> received = new ArrayList<>();
    private HttpServer server;

    static WebhookCapture start(Vertx vertx) throws Exception {
        WebhookCapture c = new WebhookCapture();
        c.server = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
            synchronized (c.received) {
                c.received.add(new WebhookRequest(req.method().name(), req.path(), MultiMap.caseInsensitiveMultiMap().addAll(req.headers()),
                        MultiMap.caseInsensitiveMultiMap().addAll(req.params()), body));
                c.received.notifyAll();
            }
            req.response().setStatusCode(200).end();
        })).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
        return c;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    /** The first delivery whose JSON body matches, waiting up to 10 s for it to arrive. */
    WebhookRequest await(Predicate<JsonObject> body) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        synchronized (received) {
            while (true) {
                for (WebhookRequest r : received) {
                    if (body.test(r.body().toJsonObject())) {
                        return r;
                    }
                }
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    throw new AssertionError("no webhook delivery matched within 10 s; received " + received.size());
                }
                received.wait(left);
            }
        }
    }

    void stop() throws Exception {
        server.close().await(10, TimeUnit.SECONDS);
    }
}
