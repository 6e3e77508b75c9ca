package dev.junction.hub.flow;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;

/**
 * An object passed between flow stages over the local event bus by reference: stages exchange Java
 * records and exceptions (whose type decides retry versus failure), which must not be flattened to
 * strings on the way. Local only: clustering would need a real codec.
 */
record LocalMessage(Object body) {

    static final String CODEC = "junction-local";

    static void registerCodec(Vertx vertx) {
        try {
            vertx.eventBus().registerCodec(new Codec());
        } catch (IllegalStateException alreadyRegistered) {
            // one codec per Vert.x instance; several hubs in one test JVM share it
        }
    }

    private static final class Codec implements MessageCodec<LocalMessage, LocalMessage> {
        @Override
        public void encodeToWire(Buffer buffer, LocalMessage m) {
            throw new UnsupportedOperationException("flow stages are local to one hub process");
        }

        @Override
        public LocalMessage decodeFromWire(int pos, Buffer buffer) {
            throw new UnsupportedOperationException("flow stages are local to one hub process");
        }

        @Override
        public LocalMessage transform(LocalMessage m) {
            return m;
        }

        @Override
        public String name() {
            return CODEC;
        }

        @Override
        public byte systemCodecID() {
            return -1;
        }
    }
}
