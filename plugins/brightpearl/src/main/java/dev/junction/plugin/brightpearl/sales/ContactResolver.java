package dev.junction.plugin.brightpearl.sales;

import dev.junction.api.error.PermanentException;
import dev.junction.api.model.Address;
import dev.junction.api.model.Party;
import dev.junction.plugin.brightpearl.client.BrightpearlClient;
import dev.junction.plugin.brightpearl.mapping.BpJson;
import dev.junction.plugin.brightpearl.support.TtlCache;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Brightpearl customer for an order, matched by exact primary email (Brightpearl's email search is
 * fuzzy, so every hit is re-checked; secondary and tertiary emails are not considered, as merchants
 * expect). A new customer is created with their address; a known one is updated from the order unless
 * {@code blockContactUpdates}. Contact ids are cached by email, and details already written are not
 * written again, to spare the account's 200 requests a minute.
 */
public final class ContactResolver {
    /** Outcome, for the sync log. */
    public record Resolved(long contactId, boolean created, boolean updated) {
    }

    private final BrightpearlClient client;
    private final TtlCache<String, Long> byEmail;
    private final Map<Long, Integer> written = new ConcurrentHashMap<>();

    public ContactResolver(BrightpearlClient client, Clock clock) {
        this.client = client;
        this.byEmail = new TtlCache<>(clock, Duration.ofMinutes(30));
    }

    public Future<Resolved> resolve(Party customer, boolean blockUpdates) {
        if (customer == null || customer.email() == null || customer.email().isBlank()) {
            return Future.failedFuture(new PermanentException(
                    "the order has no customer email, which Brightpearl customers are matched by: add one in the store"));
        }
        String email = customer.email().trim().toLowerCase(Locale.ROOT);
        boolean[] createdNow = {false};
        return byEmail.get(email, () -> search(email).compose(found -> {
            if (found != null) {
                return Future.succeededFuture(found);
            }
            createdNow[0] = true;
            return create(customer);
        })).compose(id -> {
            if (createdNow[0]) {
                written.put(id, fingerprint(customer));
                return Future.succeededFuture(new Resolved(id, true, false));
            }
            if (blockUpdates || Objects.equals(written.get(id), fingerprint(customer))) {
                return Future.succeededFuture(new Resolved(id, false, false));
            }
            return update(id, customer).map(v -> {
                written.put(id, fingerprint(customer));
                return new Resolved(id, false, true);
            });
        });
    }

    /** Forget a cached email (the contact was deleted or merged in Brightpearl). */
    public void invalidate(String email) {
        byEmail.invalidate(email.trim().toLowerCase(Locale.ROOT));
    }

    private Future<Long> search(String email) {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("primaryEmail", email);
        return client.search("/contact-service/contact-search", filters, 1, 100).map(page -> page.rows().stream()
                .filter(r -> r.getValue("primaryEmail") != null
                        && r.getValue("primaryEmail").toString().trim().equalsIgnoreCase(email))
                .map(r -> BpJson.longId(r.getValue("contactId"))).filter(Objects::nonNull)
                .sorted().findFirst().orElse(null));
    }

    private Future<Long> create(Party p) {
        return address(p.address()).compose(addressId -> {
            JsonObject body = details(p);
            if (addressId != null) {
                body.put("postAddressIds", new JsonObject().put("DEF", addressId).put("BIL", addressId).put("DEL", addressId));
            }
            body.put("relationshipToAccount", new JsonObject().put("isSupplier", false).put("isStaff", false));
            return client.post("/contact-service/contact", body).map(id -> Long.parseLong(String.valueOf(id)));
        });
    }

    private Future<Void> update(long id, Party p) {
        JsonArray ops = new JsonArray();
        JsonObject d = details(p);
        for (String key : new String[]{"firstName", "lastName"}) {
            if (d.getString(key) != null) {
                ops.add(new JsonObject().put("op", "add").put("path", "/" + key).put("value", d.getString(key)));
            }
        }
        if (p.phone() != null) {
            ops.add(new JsonObject().put("op", "add").put("path", "/communication/telephones/PRI").put("value", p.phone()));
        }
        Future<Object> patched = ops.isEmpty() ? Future.succeededFuture() : client.patch("/contact-service/contact/" + id, ops);
        return patched.compose(v -> address(p.address())).compose(addressId -> addressId == null ? Future.succeededFuture()
                : client.put("/contact-service/contact/" + id + "/postal-address",
                new JsonArray().add(new JsonObject().put("postalAddressId", addressId)))).mapEmpty();
    }

    private Future<Long> address(Address a) {
        if (a == null || a.line1() == null || a.line1().isBlank()) {
            return Future.succeededFuture(null);
        }
        JsonObject body = new JsonObject().put("addressLine1", a.line1()).put("addressLine2", a.line2())
                .put("addressLine3", a.city()).put("addressLine4", a.region()).put("postalCode", a.postalCode())
                .put("countryIsoCode", BpJson.iso3(a.countryIso2()));
        return client.post("/contact-service/postal-address", body).map(id -> Long.parseLong(String.valueOf(id)));
    }

    private static JsonObject details(Party p) {
        String last = p.lastName();
        if (last != null && last.length() > 32) {
            last = last.substring(0, 32); // Brightpearl's limit
        }
        JsonObject body = new JsonObject().put("firstName", p.firstName()).put("lastName", last == null ? "" : last);
        JsonObject comm = new JsonObject().put("emails", new JsonObject().put("PRI", new JsonObject().put("email", p.email())));
        if (p.phone() != null) {
            comm.put("telephones", new JsonObject().put("PRI", p.phone()));
        }
        body.put("communication", comm);
        if (p.company() != null) {
            body.put("organisation", new JsonObject().put("name", p.company()));
        }
        return body;
    }

    private static int fingerprint(Party p) {
        return Objects.hash(p.firstName(), p.lastName(), p.company(), p.phone(), p.address());
    }
}
