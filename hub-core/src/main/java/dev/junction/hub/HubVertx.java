package dev.junction.hub;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Vert.x instance a Junction process (hub, sandbox, demo, bench) runs on: on Linux, Netty's native epoll
 * transport rather than the JDK's selector. Every order is several loopback or remote HTTP exchanges, and with
 * the JDK selector each costs more system calls and wake-ups; elsewhere, or without the native library, Vert.x
 * runs on NIO as before and the log says why.
 */
public final class HubVertx {
    private static final Logger LOG = LoggerFactory.getLogger(HubVertx.class);

    private HubVertx() {
    }

    public static Vertx create() {
        Vertx vertx = Vertx.builder().with(new VertxOptions().setPreferNativeTransport(true)).build();
        if (vertx.isNativeTransportEnabled()) {
            LOG.debug("Vert.x runs on the native transport");
        } else {
            Throwable why = vertx.unavailableNativeTransportCause();
            LOG.info("Vert.x runs on the JDK's NIO transport (native transport unavailable: {})",
                    why == null ? "not on this platform" : why.getMessage());
        }
        return vertx;
    }
}
