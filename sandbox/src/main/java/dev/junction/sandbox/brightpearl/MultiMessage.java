package dev.junction.sandbox.brightpearl;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code POST /public-api/{account}/multi-message}: two to ten write requests in one call.
 *
 * <pre>{@code
 * {"processingMode":"SEQUENTIAL","onFail":"STOP",
 *  "messages":[{"label":"m1","uri":"/order-service/sales-order","httpMethod":"POST","body":{...}}, ...]}
 * -> 200 (every message 2xx) or 207:
 * {"response":{"processedMessages":[{"label":"m1","statusCode":200,"body":{"content":"{\"response\":123}"}}],
 *              "unprocessedMessages":["m2"]}}
 * }</pre>
 *
 * <p>The whole call passes the gate in {@link BrightpearlSimulator} once, like any request: it spends one request
 * of the budget ("count as only one request for rate limiting purposes", {@code davemorrissey/brightpearl-api-client-java}
 * {@code BrightpearlApiClient#execute(MultiRequest)}), and when refused (503, 401, injected 500) none of its messages
 * run. Each message then goes through the same handler as the same request sent alone ({@link BpRoutes}, no loopback
 * HTTP), so it validates, fails and fires webhooks exactly as that request would, without spending budget or being
 * authenticated again; {@code body.content} is that request's response body as a JSON string.
 *
 * <p>Messages run in the order given. {@code PARALLEL} is accepted but also run in order: the simulator handles a
 * request on one event loop, and in-order execution is one of the orders a parallel run may take. With {@code STOP}
 * the first non-2xx message ends the run and the later labels are listed in {@code unprocessedMessages}.
 */
final class MultiMessage {
    static final int MIN_MESSAGES = 2;
    static final int MAX_MESSAGES = 10;
    private static final Set<String> WRITE_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");

    private record Message(String label, String uri, String method, Object body) {
    }

    private final BpRoutes routes;
    private final Stats stats;

    MultiMessage(BpRoutes routes, Stats stats) {
        this.routes = routes;
        this.stats = stats;
    }

    /** The route handler: validates the envelope (400 for the whole call), then runs the messages. */
    Object run(BpRequest req) {
        JsonObject b = req.body();
        String mode = oneOf(b, "processingMode", "SEQUENTIAL", "PARALLEL");
        String onFail = oneOf(b, "onFail", "STOP", "CONTINUE");
        if (mode.equals("PARALLEL") && onFail.equals("STOP")) {
            throw invalid("processingMode PARALLEL cannot be combined with onFail STOP: use SEQUENTIAL with STOP, "
                    + "or PARALLEL with CONTINUE.");
        }
        List<Message> messages = messages(b.getValue("messages"));
        stats.multiMessages.increment();
        stats.multiMessageItems.add(messages.size());

        JsonArray processed = new JsonArray();
        JsonArray unprocessed = new JsonArray();
        boolean allOk = true;
        boolean stopped = false;
        for (Message m : messages) {
            if (stopped) {
                unprocessed.add(m.label());
                continue;
            }
            BpHttp.Raw out = execute(m, req.pathParam("account"));
            boolean ok = out.status() >= 200 && out.status() < 300;
            allOk &= ok;
            stopped = !ok && onFail.equals("STOP");
            processed.add(new JsonObject().put("label", m.label()).put("statusCode", out.status())
                    .put("body", new JsonObject().put("content", BpHttp.encode(out.body()))));
        }
        JsonObject response = new JsonObject().put("processedMessages", processed)
                .put("unprocessedMessages", unprocessed);
        return new BpHttp.Raw(allOk ? 200 : 207, new JsonObject().put("response", response));
    }

    /** One message, answered as the same request sent alone would be (minus the gate, which the call passed). */
    private BpHttp.Raw execute(Message m, String account) {
        int q = m.uri().indexOf('?');
        String path = q < 0 ? m.uri() : m.uri().substring(0, q);
        stats.countMessage(m.method(), path);
        if (!WRITE_METHODS.contains(m.method())) {
            return error(invalid("httpMethod " + m.method() + " is not allowed in a multi-message: use POST, PUT, "
                    + "PATCH or DELETE, and send reads as ordinary requests."));
        }
        HttpMethod method = HttpMethod.valueOf(m.method());
        BpRoutes.Match match = routes.match(method, path);
        if (match == null) {
            // what the router's fallback answers for the same request sent alone
            return error(BpException.notFound("No such resource: " + m.method() + " /public-api/" + account + path));
        }
        BpRequest inner = BpRequest.message(method, match.params(), q < 0 ? null : m.uri().substring(q + 1), m.body());
        try {
            return BpHttp.outcome(match.route().handler(), inner);
        } catch (RuntimeException e) {
            // alone, a handler bug would answer a bare 500; here it must not lose the other messages' results
            return error(BpException.error(500, "CMNU-003", "An unexpected error occurred. Please try again later."));
        }
    }

    private static List<Message> messages(Object value) {
        if (!(value instanceof JsonArray list)) {
            throw invalid("messages is required: an array of " + MIN_MESSAGES + " to " + MAX_MESSAGES
                    + " objects {label, uri, httpMethod, body}.");
        }
        if (list.size() < MIN_MESSAGES || list.size() > MAX_MESSAGES) {
            throw invalid("A multi-message carries " + MIN_MESSAGES + " to " + MAX_MESSAGES + " messages, not "
                    + list.size() + "; send a single request on its own and split larger batches.");
        }
        List<Message> out = new ArrayList<>();
        Set<String> labels = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.getValue(i) instanceof JsonObject m)) {
                throw invalid("messages[" + i + "] must be an object {label, uri, httpMethod, body}.");
            }
            String label = text(m, "label", i);
            if (!labels.add(label)) {
                throw invalid("messages[" + i + "]: label '" + label + "' is used twice; every message needs its own "
                        + "label to find its result.");
            }
            String uri = text(m, "uri", i);
            if (!uri.startsWith("/")) {
                throw invalid("messages[" + i + "]: uri must be the path after /public-api/{account}, e.g. "
                        + "/order-service/sales-order, got '" + uri + "'.");
            }
            out.add(new Message(label, uri, text(m, "httpMethod", i), m.getValue("body")));
        }
        return out;
    }

    private static String text(JsonObject m, String field, int i) {
        if (m.getValue(field) instanceof String s && !s.isBlank()) {
            return s;
        }
        throw invalid("messages[" + i + "]: " + field + " is required (a non-empty string).");
    }

    private static String oneOf(JsonObject b, String field, String a, String c) {
        Object v = b.getValue(field);
        if (a.equals(v) || c.equals(v)) {
            return (String) v;
        }
        throw invalid(field + " must be " + a + " or " + c + (v == null ? "; it is missing." : ", not '" + v + "'."));
    }

    private static BpException invalid(String message) {
        return BpException.badRequest("CMNC-400", message);
    }

    private static BpHttp.Raw error(BpException e) {
        return new BpHttp.Raw(e.status(), BpHttp.errorBody(e));
    }
}
