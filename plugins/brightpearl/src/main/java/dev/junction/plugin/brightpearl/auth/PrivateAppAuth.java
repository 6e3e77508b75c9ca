package dev.junction.plugin.brightpearl.auth;

import dev.junction.plugin.brightpearl.client.BrightpearlConfig;
import io.vertx.core.Future;

import java.util.Map;

/** Private system app: a fixed app reference and account token, nothing to renew. */
public final class PrivateAppAuth implements Authenticator {
    private final BrightpearlConfig config;

    public PrivateAppAuth(BrightpearlConfig config) {
        this.config = config;
    }

    @Override
    public Future<Map<String, String>> headers() {
        return Future.succeededFuture(Map.of("brightpearl-app-ref", config.appRef(),
                "brightpearl-account-token", config.accountToken()));
    }

    @Override
    public boolean renewable(String remoteMessage) {
        return false;
    }

    @Override
    public Future<Void> renew() {
        return Future.succeededFuture();
    }

    @Override
    public String refused(String remoteMessage) {
        return "Brightpearl refused the account token for account '" + config.accountId() + "' (app '"
                + config.appRef() + "'): copy the reference and token again from App Store > Private Apps"
                + " (Brightpearl said: " + remoteMessage + ")";
    }
}
