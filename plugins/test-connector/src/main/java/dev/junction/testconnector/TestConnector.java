package dev.junction.testconnector;

import dev.junction.api.CheckResult;
import dev.junction.api.ConfigField;
import dev.junction.api.ConfigSchema;
import dev.junction.api.ConnectionContext;
import dev.junction.api.Connector;
import dev.junction.api.ConnectorDescriptor;
import dev.junction.api.HandlerRegistry;
import dev.junction.api.OAuthSupport;
import dev.junction.api.http.RateLimitPolicy;
import dev.junction.api.http.RateLimitedClient;
import dev.junction.api.model.Product;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.pf4j.Extension;

import java.time.Duration;

/**
 * A connector to the hub tests' small HTTP "remote" (items in, items out). It is built into a real pf4j
 * zip so that the hub's tests go through the plugin host, class loaders and handler registration exactly
 * as a real connector does.
 */
@Extension
public final class TestConnector implements Connector, OAuthSupport {

    static final ConfigSchema SCHEMA = ConfigSchema.of(
            ConfigField.required("baseUrl", ConfigField.Type.URL, "the test remote's base URL"),
            ConfigField.secret("token", "the test remote's API token"),
            ConfigField.optionalSecret("webhookSecret", "shared secret sent in X-Test-Secret by webhooks"),
            ConfigField.optional("rateLimit", ConfigField.Type.INTEGER, "requests per second budget", "1000"));

    @Override
    public ConnectorDescriptor descriptor() {
        return new ConnectorDescriptor("test-connector", "Test connector", "1.0.0", SCHEMA);
    }

    @Override
    public Future<CheckResult> check(ConnectionContext ctx) {
        TestRemoteClient client = client(ctx);
        return client.get("/ping").map(r -> switch (r.statusCode()) {
            case 200 -> CheckResult.ok("the test remote accepted the token");
            case 401 -> CheckResult.failed("the test remote refused the token: set 'token' to the remote's API token");
            default -> CheckResult.failed("the test remote answered HTTP " + r.statusCode());
        }).recover(e -> Future.succeededFuture(CheckResult.failed("cannot reach " + ctx.config().getString("baseUrl")
                + ": " + e.getMessage())));
    }

    @Override
    public void register(ConnectionContext ctx, HandlerRegistry registry) {
        TestRemoteClient client = client(ctx);
        registry.source("items", new ItemsSource(client));
        registry.mapper("items", JsonObject.class, Product.class, (json, mctx) -> ItemMapper.toProduct(json, mctx));
        registry.sink("items", Product.class, new ItemsSink(client));
        registry.webhooks(new ItemsWebhooks(ctx));
    }

    @Override
    public String authorizeUrl(ConnectionContext ctx, String redirectUri, String state) {
        return ctx.config().getString("baseUrl") + "/oauth/authorize?redirect_uri="
                + java.net.URLEncoder.encode(redirectUri, java.nio.charset.StandardCharsets.UTF_8) + "&state=" + state;
    }

    @Override
    public Future<Void> exchangeCode(ConnectionContext ctx, String code, String redirectUri) {
        return client(ctx).post("/oauth/token", new JsonObject().put("code", code).put("redirect_uri", redirectUri))
                .compose(TestRemoteClient::json)
                .compose(body -> ctx.state().put("oauthToken", body.getString("access_token")));
    }

    static TestRemoteClient client(ConnectionContext ctx) {
        JsonObject cfg = ctx.config();
        int perSecond = Integer.parseInt(cfg.getString("rateLimit", "1000"));
        RateLimitedClient http = ctx.http().client("test:" + cfg.getString("baseUrl"),
                RateLimitPolicy.fixed(perSecond, Duration.ofSeconds(1)));
        return new TestRemoteClient(http, cfg.getString("baseUrl"), cfg.getString("token"));
    }
}
