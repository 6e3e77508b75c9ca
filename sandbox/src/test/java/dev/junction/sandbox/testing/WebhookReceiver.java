package dev.junction.sandbox.testing;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A tiny loopback endpoint that records every webhook it receives and answers 200. */
/** Receives a simulator's webhook calls in a test: each request's headers and raw body, in arrival order. */
public final class WebhookReceiver {
    public record Received(MultiMap headers, Buffer body) {
    }

    private final BlockingQueue<Received> queue = new LinkedBlockingQueue<>();
    private HttpServer server;

    public static WebhookReceiver start(Vertx vertx) throws Exception {
        WebhookReceiver r = new WebhookReceiver();
        r.server = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
            r.queue.add(new Received(MultiMap.caseInsensitiveMultiMap().addAll(req.headers()), body));
            req.response().putHeader("Content-Type", "application/json").end("{\"code\":\"200\",\"Status\":\"Success\"}");
        }));
        r.server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        return r;
    }

    public String url() {
        return "http://127.0.0.1:" + server.actualPort() + "/hooks";
    }

    /** The next delivery, waiting up to 5 s; fails the test when nothing arrives. */
    public Received next() throws InterruptedException {
        Received r = queue.poll(5, TimeUnit.SECONDS);
        if (r == null) throw new AssertionError("no webhook arrived within 5 s");
        return r;
    }

    /** A delivery arriving within {@code ms}; null when none. */
    public Received poll(long ms) throws InterruptedException {
        return queue.poll(ms, TimeUnit.MILLISECONDS);
    }
}
