package dev.junction.plugin.shiphero.webhooks;

import dev.junction.api.service.ConnectionState;
import dev.junction.api.webhook.WebhookEvent;
import dev.junction.api.webhook.WebhookHandler;
import dev.junction.api.webhook.WebhookRequest;
import dev.junction.api.webhook.WebhookVerdict;
import dev.junction.plugin.shiphero.client.Queries;
import dev.junction.plugin.shiphero.client.Relay;
import dev.junction.plugin.shiphero.client.ShipHeroClient;
import dev.junction.plugin.shiphero.inventory.InventorySource;
import dev.junction.plugin.shiphero.shipments.ShipmentPayload;
import dev.junction.plugin.shiphero.warehouses.ShipHeroIds;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * ShipHero webhooks: "Shipment Update" and "Inventory Update", registered account-wide (shop {@code api})
 * at the hub's webhook URL. ShipHero shows a hook's {@code shared_signature_secret} only when it creates it,
 * so registration keeps each secret in the connection's state, and re-creates a hook whose secret it does
 * not hold or whose URL changed. Each call is verified against that secret; both events are thin (the
 * hub fetches the shipment or stock level through the source), and the answer is the
 * {@code {"code":"200","Status":"Success"}} ShipHero expects.
 */
public final class ShipHeroWebhooks implements WebhookHandler {
    static final String SHIPMENT_UPDATE = "Shipment Update";
    static final String INVENTORY_UPDATE = "Inventory Update";
    static final List<String> TYPES = List.of(SHIPMENT_UPDATE, INVENTORY_UPDATE);
    static final String SHOP = "api";
    static final String ACK = new JsonObject().put("code", "200").put("Status", "Success").encode();

    private final ShipHeroClient client;
    private final ConnectionState state;

    public ShipHeroWebhooks(ShipHeroClient client, ConnectionState state) {
        this.client = client;
        this.state = state;
    }

    static String secretKey(String type) {
        return "webhook-secret:" + type;
    }

    @Override
    public Future<WebhookVerdict> receive(WebhookRequest request) {
        String signature = request.headers().get(Signatures.HEADER);
        if (signature == null || signature.isBlank()) {
            return Future.succeededFuture(WebhookVerdict.rejected(401, "ShipHero webhook without " + Signatures.HEADER));
        }
        byte[] raw = request.body() == null ? new byte[0] : request.body().getBytes();
        return secrets().map(secrets -> {
            if (secrets.isEmpty()) {
                return WebhookVerdict.rejected(401, "no ShipHero webhook secret is stored for this connection; "
                        + "register the webhooks again");
            }
            boolean ok = false;
            for (String s : secrets) {
                ok |= Signatures.matches(s, raw, signature);
            }
            if (!ok) {
                return WebhookVerdict.rejected(401, "ShipHero webhook signature does not match the stored secret");
            }
            JsonObject body;
            try {
                body = new JsonObject(new String(raw, java.nio.charset.StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                return WebhookVerdict.rejected(400, "ShipHero webhook body is not a JSON object");
            }
            return new WebhookVerdict.Accepted(events(body), ACK, "application/json");
        });
    }

    /** The records a webhook body names. Unknown types are acknowledged with no events. */
    static List<WebhookEvent> events(JsonObject body) {
        List<WebhookEvent> events = new ArrayList<>();
        String type = body.getString("webhook_type", "");
        if (type.equalsIgnoreCase(SHIPMENT_UPDATE)) {
            JsonObject f = body.getJsonObject("fulfillment", new JsonObject());
            String order = ShipHeroIds.legacy(f.getValue("order_id", f.getValue("order_uuid")));
            String shipment = ShipHeroIds.legacy(f.getValue("shipment_id", f.getValue("shipment_uuid")));
            if (order != null && shipment != null) {
                events.add(WebhookEvent.thin("shipments", ShipmentPayload.recordId(order, shipment)));
            }
        } else if (type.equalsIgnoreCase(INVENTORY_UPDATE)) {
            for (Object o : body.getJsonArray("inventory", new JsonArray())) {
                if (o instanceof JsonObject item && item.getString("sku") != null) {
                    JsonObject wh = item.getJsonObject("updated_warehouse", new JsonObject());
                    String warehouse = ShipHeroIds.legacy(wh.getValue("warehouse_id"));
                    if (warehouse != null) {
                        events.add(WebhookEvent.thin("inventory", InventorySource.recordId(item.getString("sku"), warehouse)));
                    }
                }
            }
        }
        return events;
    }

    private Future<List<String>> secrets() {
        List<Future<Optional<String>>> reads = TYPES.stream().map(t -> state.get(secretKey(t))).toList();
        return Future.all(reads).map(all -> {
            List<String> out = new ArrayList<>();
            reads.forEach(f -> f.result().ifPresent(out::add));
            return out;
        });
    }

    @Override
    public Future<Void> register(String callbackUrl) {
        return client.call("webhooks", Queries.WEBHOOKS, null).compose(r -> {
            List<JsonObject> hooks = Relay.nodes(r.getJsonObject("data"));
            Future<Void> chain = Future.succeededFuture();
            for (String type : TYPES) {
                chain = chain.compose(v -> ensure(type, callbackUrl, hooks));
            }
            return chain;
        });
    }

    private Future<Void> ensure(String type, String url, List<JsonObject> hooks) {
        Optional<JsonObject> existing = hooks.stream().filter(h -> type.equals(h.getString("name"))
                && SHOP.equals(h.getString("shop_name", SHOP))).findFirst();
        return state.get(secretKey(type)).compose(secret -> {
            if (existing.isPresent() && secret.isPresent() && url.equals(existing.get().getString("url"))) {
                return Future.succeededFuture();
            }
            Future<Void> cleared = existing.isEmpty() ? Future.succeededFuture()
                    : client.call("webhook_delete", Queries.WEBHOOK_DELETE, new JsonObject().put("data",
                    new JsonObject().put("name", type).put("shop_name", SHOP))).mapEmpty();
            return cleared.compose(v -> client.call("webhook_create", Queries.WEBHOOK_CREATE, new JsonObject().put("data",
                    new JsonObject().put("name", type).put("url", url).put("shop_name", SHOP))))
                    .compose(created -> {
                        String s = created.getJsonObject("webhook", new JsonObject()).getString("shared_signature_secret");
                        return s == null ? Future.<Void>failedFuture(new IllegalStateException("ShipHero created the "
                                + type + " webhook without a signing secret")) : state.put(secretKey(type), s);
                    });
        });
    }
}
