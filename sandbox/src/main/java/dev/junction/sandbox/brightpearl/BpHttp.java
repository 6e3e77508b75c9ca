package dev.junction.sandbox.brightpearl;

import io.vertx.core.Handler;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/** Brightpearl's wire conventions: envelopes, error bodies, dates with millis and offset, money as strings. */
public final class BpHttp {
    public static final String CONTENT_TYPE = "application/json;charset=UTF-8";
    private static final DateTimeFormatter OUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx");

    /** A body written verbatim instead of being wrapped in {@code {"response": ...}}. */
    public record Raw(int status, Object body) {
    }

    private BpHttp() {
    }

    /** Wraps a route: its result becomes {@code {"response": result}}; a {@link BpException} its error shape. */
    public static Handler<RoutingContext> handle(Function<RoutingContext, Object> route) {
        return ctx -> {
            Object result;
            try {
                result = route.apply(ctx);
            } catch (BpException e) {
                fail(ctx, e);
                return;
            } catch (IllegalArgumentException | ClassCastException | DecodeException e) {
                // Brightpearl reports malformed input as a 400 with its own message
                fail(ctx, BpException.badRequest("CMNC-400", "Invalid request: " + e.getMessage()));
                return;
            }
            if (result instanceof Raw raw) {
                write(ctx, raw.status(), raw.body());
            } else {
                write(ctx, 200, new JsonObject().put("response", result));
            }
        };
    }

    public static void fail(RoutingContext ctx, BpException e) {
        Object body = e.responseString()
                ? new JsonObject().put("response", e.getMessage())
                : new JsonObject().put("errors", new JsonArray().add(
                        new JsonObject().put("code", e.code()).put("message", e.getMessage())));
        write(ctx, e.status(), body);
    }

    public static void write(RoutingContext ctx, int status, Object body) {
        if (ctx.response().ended()) {
            return;
        }
        String text = body instanceof JsonObject o ? o.encode()
                : body instanceof JsonArray a ? a.encode() : String.valueOf(body);
        ctx.response().setStatusCode(status).putHeader("Content-Type", CONTENT_TYPE).end(text);
    }

    /** The request body as a JSON object, or 400 CMNC-010 when absent or not JSON. */
    public static JsonObject body(RoutingContext ctx) {
        try {
            Object v = ctx.body() == null || ctx.body().length() == 0 ? null : ctx.body().asJsonObject();
            if (v == null) {
                throw BpException.noBody();
            }
            return (JsonObject) v;
        } catch (DecodeException | ClassCastException e) {
            throw BpException.noBody();
        }
    }

    public static JsonArray bodyArray(RoutingContext ctx) {
        try {
            JsonArray a = ctx.body() == null || ctx.body().length() == 0 ? null : ctx.body().asJsonArray();
            if (a == null) {
                throw BpException.noBody();
            }
            return a;
        } catch (DecodeException | ClassCastException e) {
            throw BpException.noBody();
        }
    }

    public static long idParam(RoutingContext ctx, String name) {
        String v = ctx.pathParam(name);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw BpException.badRequest("CMNC-400", "'" + v + "' is not a valid id");
        }
    }

    public static IdSet idSetParam(RoutingContext ctx, String name) {
        String v = ctx.pathParam(name);
        try {
            return IdSet.parse(v);
        } catch (IllegalArgumentException e) {
            throw BpException.badRequest("CMNC-400", "Invalid id set '" + v + "': " + e.getMessage());
        }
    }

    public static String date(Instant t, ZoneOffset zone) {
        return t == null ? null : OUT.format(t.atOffset(zone));
    }

    /** Accepts ISO instants, offset date-times, local date-times (UTC) and plain dates; null when unparseable. */
    public static Instant parseDate(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.trim();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Money and quantities travel as strings; numbers are accepted on input. */
    public static BigDecimal decimal(Object v, String field) {
        if (v == null) {
            return null;
        }
        try {
            return new BigDecimal(v.toString().trim());
        } catch (NumberFormatException e) {
            throw BpException.badRequest("CMNC-400", field + " must be a number, got '" + v + "'");
        }
    }

    public static String money(BigDecimal v, int scale) {
        return (v == null ? BigDecimal.ZERO : v).setScale(scale, RoundingMode.HALF_UP).toPlainString();
    }

    public static Long optLong(JsonObject o, String key) {
        Object v = o == null ? null : o.getValue(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Number n) {
            return n.longValue();
        }
        try {
            return Long.parseLong(v.toString().trim());
        } catch (NumberFormatException e) {
            throw BpException.badRequest("CMNC-400", key + " must be an integer id, got '" + v + "'");
        }
    }
}
