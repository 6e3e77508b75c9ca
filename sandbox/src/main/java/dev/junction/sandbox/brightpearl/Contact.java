package dev.junction.sandbox.brightpearl;

import io.vertx.core.json.JsonObject;

import java.time.Instant;

/** A contact (customer, supplier or staff); addresses are separate postal-address records. */
final class Contact {
    final long id;
    String salutation;
    String firstName;
    String lastName;
    String companyName;
    /** {@code PRI/SEC/TER → email}. */
    final JsonObject emails = new JsonObject();
    /** {@code PRI/SEC/MOB/FAX → number}. */
    final JsonObject telephones = new JsonObject();
    /** {@code DEF/BIL/DEL → postal address id}. */
    final JsonObject postAddressIds = new JsonObject();
    boolean isSupplier;
    boolean isStaff;
    boolean isCustomer = true;
    long priceListId = 2;
    final JsonObject customFields = new JsonObject();
    final Instant createdOn;
    Instant updatedOn;

    Contact(long id, Instant createdOn) {
        this.id = id;
        this.createdOn = createdOn;
        this.updatedOn = createdOn;
    }

    String primaryEmail() {
        JsonObject pri = emails.getJsonObject("PRI");
        return pri == null ? null : pri.getString("email");
    }
}
