package dev.junction.api;

import io.vertx.core.Future;

/**
 * Implemented by a {@link Connector} whose connections can sign in with OAuth's authorization-code grant
 * (e.g. a Brightpearl instance app). The hub's admin API sends the merchant to {@link #authorizeUrl}; the
 * remote redirects the browser back to the hub's callback, which calls {@link #exchangeCode}. The
 * connector keeps the tokens in {@link ConnectionContext#state()}, which the hub encrypts.
 */
public interface OAuthSupport {

    /**
     * The remote's consent page for this connection.
     *
     * @param redirectUri the hub's callback URL, to be sent unchanged
     * @param state       an unguessable value the hub checks when the browser comes back
     */
    String authorizeUrl(ConnectionContext context, String redirectUri, String state);

    /** Exchanges the code from the callback for tokens and stores them; fails with a reason a person can act on. */
    Future<Void> exchangeCode(ConnectionContext context, String code, String redirectUri);
}
