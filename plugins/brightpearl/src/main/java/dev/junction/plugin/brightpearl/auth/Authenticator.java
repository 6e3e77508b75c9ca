package dev.junction.plugin.brightpearl.auth;

import io.vertx.core.Future;

import java.util.Map;
import java.util.Optional;

/** One of Brightpearl's authentication modes: the headers to send, and how (if at all) to renew them. */
public interface Authenticator {

    /** Headers for the next request; may first obtain or refresh a token. */
    Future<Map<String, String>> headers();

    /** Whether a 401 with this remote message is an expired token that {@link #renew()} can replace. */
    boolean renewable(String remoteMessage);

    /** Obtains a fresh token (re-authorise, or refresh an OAuth token). */
    Future<Void> renew();

    /**
     * The API base URL this mode learned (OAuth's {@code api_domain}), which replaces the configured one unless
     * the merchant set {@code baseUrl} explicitly. Asked after {@link #headers()} has completed.
     */
    default Optional<String> apiBaseUrl() {
        return Optional.empty();
    }

    /** A sentence a merchant can act on when Brightpearl refuses the credentials. */
    String refused(String remoteMessage);
}
