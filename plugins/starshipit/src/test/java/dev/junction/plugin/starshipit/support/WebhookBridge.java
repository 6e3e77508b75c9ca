package dev.junction.plugin.starshipit.support;

import dev.junction.api.webhook.WebhookHandler;
import dev.junction.api.webhook.WebhookRequest;
import dev.junction.api.webhook.WebhookVerdict;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Stands in for the hub's webhook ingress: a loopback endpoint that hands each call, raw body and headers
 * as received, to a connection's {@link WebhookHandler} and answers as the hub would (2xx or the rejection's
 * status). Every verdict is kept for the test to inspect.
 */
public final class WebhookBridge implements AutoCloseable {
    private final BlockingQueue<WebhookVerdict> verdicts = new LinkedBlockingQueue<>();
    private HttpServer server;

    public static WebhookBridge start(Vertx vertx, WebhookHandler handler) throws Exception {
        WebhookBridge b = new WebhookBridge();
        b.server = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
            MultiMap headers = MultiMap.caseInsensitiveMultiMap().addAll(req.headers());
            MultiMap query = MultiMap.caseInsensitiveMultiMap().addAll(req.params());
            handler.receive(new WebhookRequest(req.method().name(), req.path(), headers, query, body)).onComplete(ar -> {
                WebhookVerdict v = ar.succeeded() ? ar.result() : WebhookVerdict.rejected(500, String.valueOf(ar.cause()));
                b.verdicts.add(v);
                req.response().setStatusCode(v instanceof WebhookVerdict.Rejected r ? r.status() : 200).end();
            });
        }));
        SimHarness.await(b.server.listen(0, "127.0.0.1"));
        return b;
    }

    public String url() {
        return "http://127.0.0.1:" + server.actualPort() + "/webhooks/ss";
    }

    /** The next verdict, waiting up to 10 s; fails the test when no call arrives. */
    public WebhookVerdict next() throws InterruptedException {
        WebhookVerdict v = verdicts.poll(10, TimeUnit.SECONDS);
        if (v == null) {
            throw new AssertionError("no webhook call arrived within 10 s");
        }
        return v;
    }

    @Override
    public void close() throws Exception {
        SimHarness.await(server.close());
    }
}
