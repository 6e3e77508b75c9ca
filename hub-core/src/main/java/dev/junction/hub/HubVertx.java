package dev.junction.hub;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.transport.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;

/**
 * The Vert.x instance a Junction process (hub, sandbox, demo, bench) runs on: on Linux, Netty's native epoll
 * transport rather than the JDK's selector. Every order is several loopback or remote HTTP exchanges, and with
 * the JDK selector each costs more system calls and wake-ups (same-hour A/B, capacity bench: 882.7 orders/s on
 * NIO, 945.8 on epoll). Elsewhere, or without the native library, Vert.x runs on NIO and the log says why.
 *
 * <p>{@code -Djunction.transport=nio} forces the JDK selector, to rule the native library out when diagnosing.
 * (io_uring, tried the same hour through Netty's io_uring library, was no faster than epoll: 924.4/s.)
 */
public final class HubVertx {
    private static final Logger LOG = LoggerFactory.getLogger(HubVertx.class);

    private HubVertx() {
    }

    public static Vertx create() {
        String asked = System.getProperty("junction.transport", "native").trim().toLowerCase(Locale.ROOT);
        Vertx vertx = switch (asked) {
            case "nio" -> Vertx.builder().withTransport(Transport.NIO).build();
            case "native", "epoll", "" -> Vertx.builder().with(new VertxOptions().setPreferNativeTransport(true)).build();
            default -> throw new IllegalArgumentException("junction.transport is '" + asked
                    + "'; use native (the default) or nio");
        };
        if (vertx.isNativeTransportEnabled()) {
            LOG.debug("Vert.x runs on a native transport");
        } else if (!asked.equals("nio")) {
            Throwable why = vertx.unavailableNativeTransportCause();
            LOG.info("Vert.x runs on the JDK's NIO transport (native transport unavailable: {})",
                    why == null ? "not on this platform" : why.getMessage());
        }
        return vertx;
    }
}
