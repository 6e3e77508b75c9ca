package dev.junction.sandbox.brightpearl;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.List;

import static dev.junction.sandbox.brightpearl.Search.Type.BOOLEAN;
import static dev.junction.sandbox.brightpearl.Search.Type.IDSET;
import static dev.junction.sandbox.brightpearl.Search.Type.INTEGER;
import static dev.junction.sandbox.brightpearl.Search.Type.PERIOD;
import static dev.junction.sandbox.brightpearl.Search.Type.SEARCH_STRING;
import static dev.junction.sandbox.brightpearl.Search.Type.STRING;
import static dev.junction.sandbox.brightpearl.Search.col;

/**
 * {@code /contact-service}: contact search (email columns are fuzzy: case-insensitive substring here, so
 * clients must re-check the exact address), GET, create, PUT/PATCH updates, postal addresses.
 */
final class ContactService {
    private final BpState state;
    private final Search<Contact> search;

    ContactService(BpState state) {
        this.state = state;
        this.search = new Search<Contact>(List.of(
                col("contactId", IDSET, c -> c.id), col("primaryEmail", SEARCH_STRING, Contact::primaryEmail),
                col("secondaryEmail", SEARCH_STRING, c -> email(c, "SEC")),
                col("tertiaryEmail", SEARCH_STRING, c -> email(c, "TER")),
                col("firstName", SEARCH_STRING, c -> c.firstName), col("lastName", SEARCH_STRING, c -> c.lastName),
                col("isSupplier", BOOLEAN, c -> c.isSupplier), col("companyName", SEARCH_STRING, c -> c.companyName),
                col("isStaff", BOOLEAN, c -> c.isStaff), col("isCustomer", BOOLEAN, c -> c.isCustomer),
                col("createdOn", PERIOD, c -> c.createdOn), col("updatedOn", PERIOD, c -> c.updatedOn),
                col("lastContactedOn", PERIOD, c -> null), col("lastOrderedOn", PERIOD, c -> null),
                col("nominalCode", INTEGER, c -> 4000), col("isPrimary", BOOLEAN, c -> true),
                col("pri", STRING, c -> c.telephones.getString("PRI")), col("sec", STRING, c -> c.telephones.getString("SEC")),
                col("mob", STRING, c -> c.telephones.getString("MOB")),
                col("exactCompanyName", STRING, c -> c.companyName), col("title", STRING, c -> c.salutation)))
                .indexed("contactId", Search.byIds(state.contacts))
                .indexed("updatedOn", state.contactsByUpdatedOn.candidates());
    }

    void routes(BpRoutes r) {
        String s = "/contact-service";
        r.get(s + "/contact-search", req -> new BpHttp.Raw(200,
                search.run(state.contacts.values(), req.queryParams(), new JsonObject(), state)));
        r.get(s + "/contact/:ids", this::get);
        r.post(s + "/contact", req -> create(req.body(), null).id);
        r.put(s + "/contact/:id", this::put);
        r.patch(s + "/contact/:id", this::patch);
        r.put(s + "/contact/:id/postal-address", this::associate);
        r.post(s + "/postal-address", req -> createAddress(req.body()));
        r.get(s + "/postal-address/:ids", req -> {
            JsonArray out = OrderService.byIds(state.addresses, req.idSetParam("ids"));
            if (out.isEmpty()) {
                throw BpException.notFound("No Postal Address Found");
            }
            return out;
        });
    }

    long createAddress(JsonObject b) {
        if (b.getString("addressLine1") == null || b.getString("addressLine1").isBlank()) {
            throw BpException.badRequest("CONC-020", "addressLine1 is required for a postal address.");
        }
        String iso = b.getString("countryIsoCode");
        if (iso == null && b.getValue("countryId") == null) {
            throw BpException.badRequest("CONC-021", "countryIsoCode (3-letter ISO code) or countryId is required.");
        }
        long id = state.addressIds.incrementAndGet();
        JsonObject a = new JsonObject().put("addressId", id);
        for (String k : new String[] {"addressLine1", "addressLine2", "addressLine3", "addressLine4", "postalCode"}) {
            a.put(k, b.getString(k, ""));
        }
        a.put("countryIsoCode", iso == null ? "" : Countries.iso2(iso)).put("countryIsoCode3", iso == null ? ""
                : Countries.iso3(Countries.iso2(iso))).put("countryId", b.getValue("countryId", 0));
        state.addresses.put(id, a);
        return id;
    }

    /** Creates a contact from the API shape; {@code id} is only given by the control API. */
    Contact create(JsonObject b, Long id) {
        String last = b.getString("lastName");
        if ((last == null || last.isBlank()) && (b.getString("firstName") == null || b.getString("firstName").isBlank())) {
            throw BpException.badRequest("CONC-001", "A contact needs a firstName or lastName.");
        }
        if (last != null && last.length() > 32) {
            throw BpException.badRequest("CONC-002", "lastName is limited to 32 characters.");
        }
        long cid = id != null ? id : state.contactIds.incrementAndGet();
        if (id != null) {
            state.contactIds.accumulateAndGet(id, Math::max);
        }
        Contact c = new Contact(cid, state.now());
        apply(c, b);
        state.contactsByUpdatedOn.publish(c); // the put, plus the updatedOn index (replacing a seeded id re-keys it)
        return c;
    }

    private void apply(Contact c, JsonObject b) {
        JsonObject addrIds = b.getJsonObject("postAddressIds");
        if (addrIds != null) {
            for (String k : addrIds.fieldNames()) {
                Long aid = BpHttp.optLong(addrIds, k);
                if (aid != null && !state.addresses.containsKey(aid)) {
                    throw BpException.badRequest("CONC-022", "postAddressIds." + k + ": postal address " + aid + " does not exist.");
                }
            }
        }
        synchronized (c) {
            if (b.containsKey("salutation")) c.salutation = b.getString("salutation");
            if (b.containsKey("firstName")) c.firstName = b.getString("firstName");
            if (b.containsKey("lastName")) c.lastName = b.getString("lastName");
            JsonObject org = b.getJsonObject("organisation");
            if (org != null && org.containsKey("name")) c.companyName = org.getString("name");
            if (b.containsKey("companyName")) c.companyName = b.getString("companyName");
            JsonObject comm = b.getJsonObject("communication", new JsonObject());
            JsonObject emails = comm.getJsonObject("emails", new JsonObject());
            emails.forEach(e -> c.emails.put(e.getKey(), e.getValue()));
            JsonObject phones = comm.getJsonObject("telephones", new JsonObject());
            phones.forEach(e -> c.telephones.put(e.getKey(), e.getValue()));
            if (addrIds != null) addrIds.forEach(e -> c.postAddressIds.put(e.getKey(), BpHttp.optLong(addrIds, e.getKey())));
            JsonObject rel = b.getJsonObject("relationshipToAccount", new JsonObject());
            if (b.containsKey("isSupplier") || rel.containsKey("isSupplier")) c.isSupplier = b.getBoolean("isSupplier", rel.getBoolean("isSupplier", false));
            if (b.containsKey("isStaff") || rel.containsKey("isStaff")) c.isStaff = b.getBoolean("isStaff", rel.getBoolean("isStaff", false));
            JsonObject cf = b.getJsonObject("customFields");
            if (cf != null) cf.forEach(e -> c.customFields.put(e.getKey(), e.getValue()));
            Instant before = c.updatedOn;
            c.updatedOn = state.now();
            state.contactsByUpdatedOn.moved(c, before);
        }
    }

    private Object get(BpRequest req) {
        IdSet ids = req.idSetParam("ids");
        JsonArray out = new JsonArray();
        state.contacts.values().stream().filter(c -> ids.contains(c.id)).forEach(c -> out.add(json(c)));
        if (out.isEmpty()) {
            throw BpException.notFound("No Contact Found");
        }
        return out;
    }

    JsonObject json(Contact c) {
        synchronized (c) {
            return new JsonObject().put("contactId", c.id).put("isPrimaryContact", true)
                    .put("salutation", c.salutation).put("firstName", c.firstName).put("lastName", c.lastName)
                    .put("postAddressIds", c.postAddressIds.copy())
                    .put("communication", new JsonObject().put("emails", c.emails.copy())
                            .put("telephones", c.telephones.copy()))
                    .put("relationshipToAccount", new JsonObject().put("isSupplier", c.isSupplier)
                            .put("isStaff", c.isStaff))
                    .put("financialDetails", new JsonObject().put("priceListId", c.priceListId).put("currencyId", 1)
                            .put("nominalCode", 4000).put("taxCodeId", 1).put("creditLimit", 0).put("creditTermDays", 0))
                    .put("organisation", new JsonObject().put("organisationId", 0)
                            .put("name", c.companyName == null ? "" : c.companyName))
                    .put("createdOn", state.date(c.createdOn)).put("updatedOn", state.date(c.updatedOn));
        }
    }

    private Object put(BpRequest req) {
        Contact c = contact(req);
        apply(c, req.body());
        return new BpHttp.Raw(200, new JsonObject());
    }

    /** JSON-Patch over the contact's own JSON shape, then written back (e.g. {@code /firstName}, {@code /communication/emails/PRI/email}). */
    private Object patch(BpRequest req) {
        Contact c = contact(req);
        JsonArray ops = req.bodyArray();
        JsonObject doc = json(c);
        JsonPatch.apply(doc, ops);
        apply(c, doc);
        return json(c);
    }

    private Object associate(BpRequest req) {
        Contact c = contact(req);
        JsonArray list = req.bodyArray();
        JsonObject ids = new JsonObject();
        for (int i = 0; i < list.size(); i++) {
            JsonObject e = list.getJsonObject(i);
            Long aid = BpHttp.optLong(e, "postalAddressId");
            String type = e.getString("type");
            if (type == null) {
                ids.put("DEF", aid).put("BIL", aid).put("DEL", aid);
            } else {
                ids.put(type, aid);
            }
        }
        apply(c, new JsonObject().put("postAddressIds", ids));
        return new BpHttp.Raw(200, new JsonObject());
    }

    private Contact contact(BpRequest req) {
        Contact c = state.contacts.get(req.idParam("id"));
        if (c == null) {
            throw BpException.notFound("No Contact Found");
        }
        return c;
    }

    private static String email(Contact c, String kind) {
        JsonObject e = c.emails.getJsonObject(kind);
        return e == null ? null : e.getString("email");
    }
}
