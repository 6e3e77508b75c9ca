package dev.junction.hub.admin;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The hand-written OpenAPI 3 document of this API, served as is. Hand-written so it can say why, not only
 * what; a test keeps it and the router's routes in step.
 */
final class OpenApiDocument {
    static final String RESOURCE = "/openapi/admin-api.json";

    private OpenApiDocument() {
    }

    static Buffer load() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the OpenAPI document " + RESOURCE + " is missing from the hub's jar");
            }
            return Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void serve(RoutingContext ctx, Buffer document) {
        ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").end(document);
    }
}
