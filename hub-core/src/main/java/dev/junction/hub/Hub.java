package dev.junction.hub;

import dev.junction.api.ConfigSchema;
import dev.junction.hub.admin.AdminApi;
import dev.junction.hub.admin.AdminToken;
import dev.junction.hub.config.HubConfig;
import dev.junction.hub.connection.ConnectionRegistry;
import dev.junction.hub.connection.ConnectionRuntime;
import dev.junction.hub.connection.MappingTablesService;
import dev.junction.hub.flow.FlowEngine;
import dev.junction.hub.http.HubRemoteHttp;
import dev.junction.hub.logging.SecretMasker;
import dev.junction.hub.metrics.HubMetrics;
import dev.junction.hub.plugin.PluginHost;
import dev.junction.hub.secrets.SecretCipher;
import dev.junction.hub.store.MappingTable;
import dev.junction.hub.store.StoredConnection;
import dev.junction.hub.store.SyncStore;
import dev.junction.hub.store.hsqldb.HsqldbSyncStore;
import dev.junction.hub.webhook.WebhookIngress;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The hub process: store, plugins, connections, flows, webhook ingress and admin API, started in that
 * order and stopped in reverse. Anything that fails to start past the store (a plugin, a connection, a
 * flow) is reported and skipped; the hub keeps running.
 */
public final class Hub {
    private static final Logger LOG = LoggerFactory.getLogger(Hub.class);

    private final Vertx vertx;
    private final HubConfig config;
    private final Map<String, String> env;
    private final Clock clock;
    private final HubMetrics metrics = new HubMetrics();
    private SyncStore store;
    private PluginHost plugins;
    private HubRemoteHttp http;
    private MappingTablesService mappings;
    private ConnectionRegistry connections;
    private FlowEngine engine;
    private HttpServer server;
    private AdminToken adminToken;
    private String publicUrl;
    private final Instant startedAt;

    public Hub(Vertx vertx, HubConfig config, Map<String, String> env, Clock clock) {
        this.vertx = vertx;
        this.config = config;
        this.env = env;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    public static String version() {
        try (InputStream in = Hub.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "0.0.0");
        } catch (IOException e) {
            return "0.0.0";
        }
    }

    public Future<Hub> start() {
        SecretCipher cipher;
        try {
            cipher = SecretCipher.load(env, config.dataDir());
            adminToken = AdminToken.resolve(config.adminToken(), env, config.dataDir());
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
        SecretMasker.register(adminToken.value());
        return HsqldbSyncStore.open(vertx, config.dataDir(), cipher)
                .compose(s -> {
                    store = s;
                    // This is the only hub on this store: every lease held at a crash belongs to a dead process.
                    return store.releaseExpiredLeases(Instant.parse("9999-01-01T00:00:00Z"));
                })
                .compose(released -> {
                    if (released > 0) {
                        LOG.info("Returned {} records left in progress by the previous run to the queue", released);
                    }
                    mappings = new MappingTablesService(store);
                    return seedMappingTables();
                })
                .compose(v -> mappings.reload())
                .compose(v -> startHttp())
                .compose(v -> {
                    plugins = new PluginHost(config.pluginsDir(), version());
                    plugins.start();
                    http = new HubRemoteHttp(vertx, clock, metrics);
                    connections = new ConnectionRegistry(vertx, plugins, store, http, mappings, clock, metrics, publicUrl);
                    return storeConfiguredConnections();
                })
                .compose(v -> store.connections())
                .compose(all -> {
                    all.forEach(c -> {
                        c.config().forEach(e -> {
                            if (c.secretFields().contains(e.getKey()) && e.getValue() != null) {
                                SecretMasker.register(String.valueOf(e.getValue()));
                            }
                        });
                        connections.start(c);
                    });
                    engine = new FlowEngine(vertx, store, mappings, metrics, clock, connections);
                    return engine.start(config.flows());
                })
                .map(v -> {
                    if (config.registerWebhooks()) {
                        registerWebhooks();
                    }
                    LOG.info("Junction {} ready on {} ({} plugins, {} connections, {} flows)", version(), publicUrl,
                            plugins.connectors().size(), connections.all().size(), engine.flows().size());
                    if (adminToken.generated()) {
                        // Printed once, on the start that created it; later starts read it from the token file.
                        System.out.println("Admin API token (shown once; stored in " + adminToken.file() + "): "
                                + adminToken.value());
                    }
                    return this;
                });
    }

    private Future<Void> startHttp() {
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create().setBodyLimit(10 * 1024 * 1024));
        router.get("/health").handler(ctx -> ctx.json(Map.of("status", "UP")));
        router.get("/ready").handler(ctx -> {
            boolean ready = store != null && plugins != null && engine != null;
            ctx.response().setStatusCode(ready ? 200 : 503);
            ctx.json(Map.of("status", ready ? "READY" : "STARTING"));
        });
        new WebhookIngress(() -> connections, () -> engine, metrics).mount(router);
        new AdminApi(this).mount(router);
        return vertx.createHttpServer().requestHandler(router).listen(config.port(), config.host()).map(s -> {
            server = s;
            publicUrl = config.effectivePublicUrl(s.actualPort());
            return null;
        });
    }

    private Future<Void> seedMappingTables() {
        List<Future<Void>> puts = new ArrayList<>();
        for (MappingTable t : config.mappingTables()) {
            puts.add(store.mappingTable(t.name()).compose(existing ->
                    existing.isPresent() ? Future.succeededFuture() : store.putMappingTable(t)));
        }
        return Future.all(puts).mapEmpty();
    }

    /** Connections declared in the config file are saved on every start (the file is their source of truth). */
    private Future<Void> storeConfiguredConnections() {
        List<Future<Void>> puts = new ArrayList<>();
        for (HubConfig.ConnectionConfig c : config.connections()) {
            Set<String> secrets = plugins.connector(c.connector())
                    .map(lc -> PluginHost.withClassLoader(lc.classLoader(), () -> lc.connector().descriptor().config()))
                    .map(ConfigSchema::secretNames).orElse(Set.of());
            puts.add(store.putConnection(new StoredConnection(c.id(), c.connector(), c.settings(), secrets)));
        }
        return Future.all(puts).mapEmpty();
    }

    private void registerWebhooks() {
        for (ConnectionRuntime rt : connections.all().values()) {
            if (!rt.running() || rt.handlers().webhooks().isEmpty()) {
                continue;
            }
            String url = rt.context().webhookUrl();
            PluginHost.withClassLoader(rt.classLoader(), () -> rt.handlers().webhooks().get().register(url))
                    .onSuccess(v -> LOG.info("Webhooks of {} registered to {}", rt.id(), url))
                    .onFailure(e -> LOG.warn("Webhooks of {} could not be registered (polling still runs): {}", rt.id(),
                            e.getMessage()));
        }
    }

    public Future<Void> stop() {
        Future<Void> f = engine == null ? Future.succeededFuture() : engine.stop();
        return f.compose(v -> server == null ? Future.succeededFuture() : server.close())
                .compose(v -> {
                    if (plugins != null) {
                        plugins.close();
                    }
                    if (http != null) {
                        http.close();
                    }
                    return store == null ? Future.succeededFuture() : store.close();
                });
    }

    public Vertx vertx() { return vertx; }
    public HubConfig config() { return config; }
    public SyncStore store() { return store; }
    public PluginHost plugins() { return plugins; }
    public ConnectionRegistry connections() { return connections; }
    public FlowEngine engine() { return engine; }
    public MappingTablesService mappings() { return mappings; }
    public HubMetrics metrics() { return metrics; }
    public HubRemoteHttp http() { return http; }
    public Clock clock() { return clock; }
    public AdminToken adminToken() { return adminToken; }
    public Instant startedAt() { return startedAt; }

    /** Where remotes reach this hub (webhooks); known once the HTTP server listens. */
    public String publicUrl() { return publicUrl; }

    public int port() { return server == null ? -1 : server.actualPort(); }
}
