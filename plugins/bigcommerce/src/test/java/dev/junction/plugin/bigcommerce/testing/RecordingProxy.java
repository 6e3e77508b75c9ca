package dev.junction.plugin.bigcommerce.testing;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback pass-through in front of the simulator that keeps a copy of every request the connector sends
 * (method, path, query, headers, body), so tests can check them against BigCommerce's OpenAPI files.
 * Responses, status and headers included, are passed back unchanged.
 */
public final class RecordingProxy {

    public record Recorded(String method, String path, MultiMap query, MultiMap headers, String body) {
    }

    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private HttpServer server;

    public Future<String> start(Vertx vertx, String target) {
        WebClient client = WebClient.create(vertx);
        server = vertx.createHttpServer();
        server.requestHandler(req -> req.body().onSuccess(body -> {
            MultiMap headers = MultiMap.caseInsensitiveMultiMap().addAll(req.headers());
            MultiMap query = MultiMap.caseInsensitiveMultiMap().addAll(req.params());
            requests.add(new Recorded(req.method().name(), req.path(), query, headers, body == null ? "" : body.toString()));
            HttpRequest<Buffer> forward = client.requestAbs(HttpMethod.valueOf(req.method().name()), target + req.uri());
            req.headers().forEach(h -> {
                if (!h.getKey().equalsIgnoreCase("host") && !h.getKey().equalsIgnoreCase("content-length")) {
                    forward.putHeader(h.getKey(), h.getValue());
                }
            });
            forward.sendBuffer(body).onComplete(ar -> {
                if (ar.failed()) {
                    req.response().setStatusCode(502).end();
                    return;
                }
                var resp = ar.result();
                req.response().setStatusCode(resp.statusCode());
                resp.headers().forEach(h -> {
                    if (!h.getKey().equalsIgnoreCase("content-length") && !h.getKey().equalsIgnoreCase("transfer-encoding")) {
                        req.response().putHeader(h.getKey(), h.getValue());
                    }
                });
                req.response().end(resp.body() == null ? Buffer.buffer() : resp.body());
            });
        }));
        return server.listen(0, "127.0.0.1").map(s -> "http://127.0.0.1:" + s.actualPort());
    }

    public List<Recorded> requests() {
        return List.copyOf(requests);
    }

    public Future<Void> stop() {
        return server == null ? Future.succeededFuture() : server.close();
    }
}
