package dev.junction.sandbox.core;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Serves one simulator on a loopback port. Control routes ({@code /_sandbox/faults}, {@code /_sandbox/reset})
 * are shared; everything else first passes the latency knob. Error injection, throttling and outages are
 * answered by each simulator in its own system's shapes (see {@link Faults}), since each remote fails
 * differently.
 */
public final class SimulatorServer {
    private final Simulator simulator;
    private final Faults faults;
    private HttpServer server;
    private String baseUrl;
    private String deploymentId;
    private Vertx vertx;

    public SimulatorServer(Simulator simulator, long seed) {
        this.simulator = simulator;
        this.faults = new Faults(seed);
    }

    /**
     * Starts on {@code port} (0 for any free port) on 127.0.0.1, in a verticle of its own so that each simulator
     * has an event loop of its own: started one after another from one context, all five shared one event loop,
     * which saturated at 100,000-order scale while the machine's other core sat idle.
     */
    public Future<SimulatorServer> start(Vertx vertx, int port) {
        return vertx.deployVerticle(new io.vertx.core.VerticleBase() {
            @Override
            public Future<?> start() {
                return listen(vertx, port);
            }
        }).map(id -> {
            this.deploymentId = id;
            return this;
        });
    }

    private Future<SimulatorServer> listen(Vertx vertx, int port) {
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create().setBodyLimit(20 * 1024 * 1024));
        router.put("/_sandbox/faults").handler(ctx -> {
            faults.update(ctx.body().asJsonObject() == null ? new JsonObject() : ctx.body().asJsonObject());
            ctx.json(faults.toJson());
        });
        router.get("/_sandbox/faults").handler(ctx -> ctx.json(faults.toJson()));
        router.post("/_sandbox/reset").handler(ctx -> {
            simulator.reset();
            faults.clear();
            ctx.response().setStatusCode(204).end();
        });
        router.route().handler(ctx -> {
            long latency = faults.latencyMs();
            if (latency > 0 && !ctx.request().path().startsWith("/_sandbox")) {
                vertx.setTimer(latency, t -> ctx.next());
            } else {
                ctx.next();
            }
        });
        this.vertx = vertx;
        HttpServer http = vertx.createHttpServer();
        return http.requestHandler(router).listen(port, "127.0.0.1").map(s -> {
            this.server = s;
            this.baseUrl = "http://127.0.0.1:" + s.actualPort();
            simulator.attach(vertx, faults, baseUrl);
            simulator.routes(router);
            return this;
        });
    }

    public String baseUrl() {
        return baseUrl;
    }

    public int port() {
        return server.actualPort();
    }

    public Faults faults() {
        return faults;
    }

    public Simulator simulator() {
        return simulator;
    }

    public Future<Void> stop() {
        if (deploymentId != null) {
            return vertx.undeploy(deploymentId); // closes the server it started
        }
        return server == null ? Future.succeededFuture() : server.close();
    }
}
