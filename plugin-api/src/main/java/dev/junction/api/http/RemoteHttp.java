package dev.junction.api.http;

/**
 * Outbound HTTP for plugins, on Vert.x WebClient. Requests to one remote account share one limiter, keyed
 * by the plugin (e.g. {@code brightpearl:euw1:acme}): two connections to the same account (say a private
 * app and a staff user) draw on one budget, as the remote counts them.
 */
public interface RemoteHttp {
    RateLimitedClient client(String limiterKey, RateLimitPolicy policy);
}
