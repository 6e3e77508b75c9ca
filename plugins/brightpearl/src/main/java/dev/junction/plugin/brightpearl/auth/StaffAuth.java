package dev.junction.plugin.brightpearl.auth;

import dev.junction.api.error.PermanentException;
import dev.junction.api.http.RateLimitedClient;
import dev.junction.api.service.ConnectionState;
import dev.junction.plugin.brightpearl.client.BrightpearlConfig;
import dev.junction.plugin.brightpearl.client.Envelope;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Staff API user (as DropStream's setup uses): {@code POST {host}/{account}/authorise} with email and
 * password gives a token sent as {@code brightpearl-auth}. Tokens expire after idle time, so a 401 saying so
 * triggers one re-authorisation. The token is kept in the connection's encrypted state across restarts.
 */
public final class StaffAuth implements Authenticator {
    static final String STATE_KEY = "staff.token";

    private final BrightpearlConfig config;
    private final RateLimitedClient http;
    private final ConnectionState state;
    private volatile String token;
    private Future<String> inFlight;

    public StaffAuth(BrightpearlConfig config, RateLimitedClient http, ConnectionState state) {
        this.config = config;
        this.http = http;
        this.state = state;
    }

    @Override
    public Future<Map<String, String>> headers() {
        String t = token;
        Future<String> current = t != null ? Future.succeededFuture(t)
                : state.get(STATE_KEY).compose(saved -> saved.isPresent() ? Future.succeededFuture(remember(saved.get()))
                : authorise());
        return current.map(this::headersFor);
    }

    private Map<String, String> headersFor(String t) {
        Map<String, String> h = new HashMap<>();
        h.put("brightpearl-auth", t);
        if (config.appRef() != null) {
            h.put("brightpearl-app-ref", config.appRef());
        }
        if (config.devRef() != null) {
            h.put("brightpearl-dev-ref", config.devRef());
        }
        return h;
    }

    @Override
    public boolean renewable(String remoteMessage) {
        String m = remoteMessage == null ? "" : remoteMessage.toLowerCase(Locale.ROOT);
        return m.contains("expired") || m.contains("not authenticated");
    }

    @Override
    public Future<Void> renew() {
        token = null;
        return authorise().mapEmpty();
    }

    /** One login at a time: concurrent requests that all found the token expired share it. */
    private synchronized Future<String> authorise() {
        if (inFlight != null && !inFlight.isComplete()) {
            return inFlight;
        }
        JsonObject body = new JsonObject().put("apiAccountCredentials",
                new JsonObject().put("emailAddress", config.email()).put("password", config.password()));
        var request = http.webClient().postAbs(config.authoriseUrl()).putHeader("Content-Type", "application/json")
                ;
        if (config.appRef() != null) {
            request.putHeader("brightpearl-app-ref", config.appRef());
        }
        inFlight = http.send(request, Buffer.buffer(body.encode())).compose(resp -> {
            Object value;
            try {
                value = Envelope.parse(resp.statusCode(), resp.bodyAsString(), "POST /" + config.accountId() + "/authorise",
                        this::refused, java.util.Optional.empty());
            } catch (RuntimeException e) {
                return Future.failedFuture(e);
            }
            if (!(value instanceof String t) || t.isBlank()) {
                return Future.failedFuture(new PermanentException(refused("no token in the answer")));
            }
            remember(t);
            return state.put(STATE_KEY, t).map(t);
        });
        return inFlight;
    }

    private String remember(String t) {
        token = t;
        return t;
    }

    @Override
    public String refused(String remoteMessage) {
        return "Brightpearl refused the API user '" + config.email() + "' for account '" + config.accountId()
                + "': check the email and password, and that this staff user has the API column checked on the "
                + "List staff page (Brightpearl said: " + remoteMessage + ")";
    }
}
