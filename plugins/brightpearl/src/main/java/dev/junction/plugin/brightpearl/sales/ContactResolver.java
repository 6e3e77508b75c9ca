package dev.junction.plugin.brightpearl.sales;

import dev.junction.api.error.PermanentException;
import dev.junction.api.error.RetryableException;
import dev.junction.api.model.Address;
import dev.junction.api.model.Party;
import dev.junction.plugin.brightpearl.client.BrightpearlClient;
import dev.junction.plugin.brightpearl.client.BrightpearlFailure;
import dev.junction.plugin.brightpearl.mapping.BpJson;
import dev.junction.plugin.brightpearl.support.LruMap;
import dev.junction.plugin.brightpearl.support.SearchIndex;
import dev.junction.plugin.brightpearl.support.TtlCache;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Brightpearl customer for an order, matched by exact primary email (Brightpearl's email search is
 * fuzzy, so every hit is re-checked; secondary and tertiary emails are not considered, as merchants
 * expect). A new customer is created with their address; a known one is updated from the order unless
 * {@code blockContactUpdates} (the Brightpearl app's documented default), and only with what changed.
 *
 * <p><b>Finding the contact</b> costs no request for a known email: contacts are held in a
 * {@link SearchIndex} by primary email (all contacts, as the per-email search matched any contact), loaded
 * once by paging {@code contact-search} and kept fresh by {@code updatedOn=<since>/} searches. An email
 * absent from the index is only taken as a new customer once a refresh that <em>began after the lookup
 * began</em> has come back without it, so a contact created elsewhere a moment ago is still found; all
 * lookups waiting at that moment share that one search. At low rates that is one search per new customer,
 * as before; at high rates one search serves many orders. While a lookup waits for that refresh, the order's
 * postal address is already posted: a new customer needs it for the create, and a customer the refresh does find
 * is one the hub has not written an address for since it started, whose update attaches it. The wait and the
 * address's round trip overlap instead of adding up (not with {@code blockContactUpdates}, where a found customer
 * would leave the address unused).
 *
 * <p>Accounts with more contacts than {@code contactIndexLimit} (connection setting, default 50,000: 100
 * search pages at start-up and per reload, some 10 MB) are not indexed: each unknown email is then one
 * {@code contact-search?primaryEmail=} as before, and found contacts are cached for 30 minutes. The size is
 * checked again at each reload; 0 turns the index off.
 *
 * <p><b>Updating a repeat customer</b>: names and phone are compared with what Brightpearl holds (the
 * index's columns, kept current with the hub's own writes) and patched only when they differ; the address
 * (not a search column) is posted and attached only when it differs from the one the hub last wrote for
 * that contact, or when the hub has not written one since it started.
 */
public final class ContactResolver {
    /** Outcome, for the sync log. */
    public record Resolved(long contactId, boolean created, boolean updated) {
    }

    /** contact-search columns kept per contact, to tell whether the order changes them. */
    static final List<String> DETAIL_COLUMNS = List.of("firstName", "lastName", "pri");
    static final String SEARCH = "/contact-service/contact-search";
    /** How many contacts' last-written names and address are remembered: as many as the index keeps by default. */
    static final int REMEMBERED_CONTACTS = 50_000;

    /**
     * A contact found or created; {@code details} are its {@link #DETAIL_COLUMNS} as far as known, or null;
     * {@code earlyAddress} the order's postal address posted while the lookup waited, or null.
     */
    private record Found(long id, boolean created, Map<String, Object> details, Future<Long> earlyAddress) {
    }

    private final BrightpearlClient client;
    private final SearchIndex index;
    /** Per-email searches when the index is not kept: found contacts only, misses are never cached. */
    private final TtlCache<String, Optional<SearchIndex.Entry>> searched;
    /** Find-or-create in progress per email: concurrent orders of one new customer create one contact. */
    private final Map<String, Future<Found>> pending = new ConcurrentHashMap<>();
    /*
     * What the hub last wrote per contact, so a repeat customer's unchanged names and address cost no request.
     * Bounded: a hub runs for months and would otherwise keep an entry for every customer it ever wrote. A contact
     * dropped from here is written once more on its next order, after which it is remembered again.
     */
    private final LruMap<Long, Address> addressWritten = new LruMap<>(REMEMBERED_CONTACTS);
    private final LruMap<Long, List<String>> detailsWritten = new LruMap<>(REMEMBERED_CONTACTS);

    public ContactResolver(BrightpearlClient client, Clock clock) {
        this(client, clock, org.slf4j.LoggerFactory.getLogger(ContactResolver.class), Duration.ofSeconds(60),
                Duration.ofHours(6), 50_000);
    }

    public ContactResolver(BrightpearlClient client, Clock clock, Logger log, Duration refreshEvery, Duration reloadEvery,
                           long indexLimit) {
        this.client = client;
        this.index = new SearchIndex(client, clock, log, new SearchIndex.Spec("contacts by primary email", SEARCH,
                "contactId", "primaryEmail", DETAIL_COLUMNS, ContactResolver::normalise), refreshEvery, reloadEvery,
                indexLimit);
        this.searched = new TtlCache<>(clock, Duration.ofMinutes(30));
    }

    static String normalise(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    public Future<Resolved> resolve(Party customer, boolean blockUpdates) {
        if (customer == null || customer.email() == null || customer.email().isBlank()) {
            return Future.failedFuture(new PermanentException(
                    "the order has no customer email, which Brightpearl customers are matched by: add one in the store"));
        }
        String email = normalise(customer.email());
        return found(email, customer, blockUpdates).compose(f -> {
            if (f.created()) {
                return Future.succeededFuture(new Resolved(f.id(), true, false));
            }
            if (blockUpdates) {
                return Future.succeededFuture(new Resolved(f.id(), false, false));
            }
            return update(email, f, customer);
        });
    }

    /** Forget a cached email (the contact was deleted or merged in Brightpearl). */
    public void invalidate(String email) {
        searched.invalidate(normalise(email));
        index.markStale();
    }

    /** Forget a contact Brightpearl no longer has (refused as unknown); the next order looks its email up again. */
    public void forget(long contactId, String email) {
        index.forget(contactId);
        if (email != null) {
            searched.invalidate(normalise(email));
        }
        addressWritten.remove(contactId);
        detailsWritten.remove(contactId);
    }

    /** The index (for tests). */
    SearchIndex index() {
        return index;
    }

    private Future<Found> found(String email, Party customer, boolean blockUpdates) {
        Promise<Found> promise = Promise.promise();
        Future<Found> running = pending.putIfAbsent(email, promise.future());
        if (running != null) {
            // another order of this customer is finding or creating the contact: share it, then compare as a repeat
            return running.map(f -> new Found(f.id(), false, f.details(), null));
        }
        Future<Optional<SearchIndex.Entry>> looked = lookup(email);
        // Not answered at once by a kept index: the email is not in it and the lookup waits for a refresh (see
        // the class comment). A lookup by per-email search is left alone: a customer it finds may already have
        // this very address from the hub, which would then post one nobody uses.
        Future<Long> early = looked.isComplete() || blockUpdates || !index.indexed() ? null : address(customer.address());
        looked.compose(hit -> hit.isPresent()
                        ? Future.succeededFuture(new Found(hit.get().id(), false, hit.get().extra(), early))
                        : create(email, customer, early))
                .onComplete(ar -> {
                    pending.remove(email, promise.future());
                    promise.handle(ar);
                });
        return promise.future();
    }

    private Future<Optional<SearchIndex.Entry>> lookup(String email) {
        return index.find(email, true).compose(r -> r.indexed() ? Future.succeededFuture(r.entry())
                : searched.get(email, () -> search(email)).map(hit -> {
                    if (hit.isEmpty()) {
                        searched.invalidate(email); // only found contacts are cached
                    }
                    return hit;
                }));
    }

    /** One {@code contact-search?primaryEmail=}, re-checked for the exact address; the lowest id wins. */
    private Future<Optional<SearchIndex.Entry>> search(String email) {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("primaryEmail", email);
        filters.put("columns", "contactId,primaryEmail,updatedOn," + String.join(",", DETAIL_COLUMNS));
        filters.put("sort", "contactId|ASC");
        return client.search(SEARCH, filters, 1, 100).map(page -> page.rows().stream()
                .filter(r -> r.getValue("primaryEmail") != null && email.equals(normalise(r.getValue("primaryEmail").toString())))
                .filter(r -> BpJson.longId(r.getValue("contactId")) != null)
                .min((a, b) -> Long.compare(BpJson.longId(a.getValue("contactId")), BpJson.longId(b.getValue("contactId"))))
                .map(r -> {
                    Map<String, Object> extra = new HashMap<>();
                    DETAIL_COLUMNS.forEach(c -> {
                        if (r.getValue(c) != null) {
                            extra.put(c, r.getValue(c));
                        }
                    });
                    return new SearchIndex.Entry(BpJson.longId(r.getValue("contactId")), email,
                            BpJson.instant(r.getValue("updatedOn")), Map.copyOf(extra));
                }));
    }

    private Future<Found> create(String email, Party p, Future<Long> early) {
        return (early != null ? early : address(p.address())).compose(addressId -> {
            JsonObject body = details(p);
            if (addressId != null) {
                body.put("postAddressIds", new JsonObject().put("DEF", addressId).put("BIL", addressId).put("DEL", addressId));
            }
            body.put("relationshipToAccount", new JsonObject().put("isSupplier", false).put("isStaff", false));
            return client.post("/contact-service/contact", body).map(v -> {
                long id = Long.parseLong(String.valueOf(v));
                Map<String, Object> written = detailColumns(p);
                index.putLocal(id, email, written);
                if (!index.indexed()) {
                    searched.put(email, Optional.of(new SearchIndex.Entry(id, email, null, written)));
                }
                detailsWritten.put(id, detailKey(p));
                if (addressId != null) {
                    addressWritten.put(id, p.address());
                }
                return new Found(id, true, written, null);
            });
        });
    }

    /** Writes what the order changes: names and phone by one PATCH, a changed address by POST + PUT. */
    private Future<Resolved> update(String email, Found f, Party p) {
        long id = f.id();
        Boolean same = f.details() == null ? null : sameDetails(f.details(), p);
        boolean detailsChanged = same != null ? !same : !Objects.equals(detailsWritten.get(id), detailKey(p));
        boolean addressChanged = p.address() != null && p.address().line1() != null && !p.address().line1().isBlank()
                && !Objects.equals(addressWritten.get(id), p.address());
        JsonArray ops = detailsChanged ? patchOps(p) : new JsonArray();
        if (ops.isEmpty() && !addressChanged) {
            return Future.succeededFuture(new Resolved(id, false, false));
        }
        Future<Object> patched = ops.isEmpty() ? Future.succeededFuture() : client.patch("/contact-service/contact/" + id, ops);
        return patched.compose(v -> {
            if (!ops.isEmpty()) {
                Map<String, Object> written = detailColumns(p);
                index.patchLocal(id, written);
                Map<String, Object> merged = new HashMap<>(f.details() == null ? Map.of() : f.details());
                merged.putAll(written);
                if (!index.indexed()) {
                    searched.put(email, Optional.of(new SearchIndex.Entry(id, email, null, Map.copyOf(merged))));
                }
                detailsWritten.put(id, detailKey(p));
            }
            if (!addressChanged) {
                return Future.succeededFuture();
            }
            Future<Long> posted = f.earlyAddress() != null ? f.earlyAddress() : address(p.address());
            return posted.compose(addressId -> client.put("/contact-service/contact/" + id + "/postal-address",
                    new JsonArray().add(new JsonObject().put("postalAddressId", addressId)))).map(x -> {
                addressWritten.put(id, p.address());
                return x;
            });
        }).<Resolved>map(v -> new Resolved(id, false, true)).recover(e -> {
            if (e instanceof BrightpearlFailure bf && bf.status() == 404) {
                forget(id, email);
                return Future.failedFuture(new RetryableException("Brightpearl contact " + id + " for " + email
                        + " no longer exists; the customer will be looked up again", null, e));
            }
            return Future.failedFuture(e);
        });
    }

    /**
     * Whether Brightpearl already holds the order's names and phone; null when a column it would write is not
     * known (not in the search answer), then the hub's own last write decides.
     */
    private static Boolean sameDetails(Map<String, Object> known, Party p) {
        Map<String, Object> order = detailColumns(p);
        for (String c : DETAIL_COLUMNS) {
            Object want = order.get(c);
            if (want == null) {
                continue; // not written (no first name, no phone), so it cannot differ
            }
            if (!known.containsKey(c)) {
                return null;
            }
            if (!text(want).equals(text(known.get(c)))) {
                return false;
            }
        }
        return true;
    }

    private static String text(Object v) {
        return v == null ? "" : v.toString().trim();
    }

    /** The order's values of {@link #DETAIL_COLUMNS}, as the hub writes them. */
    private static Map<String, Object> detailColumns(Party p) {
        Map<String, Object> m = new HashMap<>();
        JsonObject d = details(p);
        if (d.getString("firstName") != null) {
            m.put("firstName", d.getString("firstName"));
        }
        m.put("lastName", d.getString("lastName"));
        if (p.phone() != null) {
            m.put("pri", p.phone());
        }
        return m;
    }

    private static List<String> detailKey(Party p) {
        Map<String, Object> m = detailColumns(p);
        return java.util.Arrays.asList(text(m.get("firstName")), text(m.get("lastName")), text(m.get("pri")));
    }

    private static JsonArray patchOps(Party p) {
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
        return ops;
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
}
