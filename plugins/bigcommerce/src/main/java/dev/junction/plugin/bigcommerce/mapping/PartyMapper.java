package dev.junction.plugin.bigcommerce.mapping;

import dev.junction.api.model.Address;
import dev.junction.api.model.Party;
import io.vertx.core.json.JsonObject;

/** BigCommerce billing and shipping addresses (same field names) to canonical parties. */
final class PartyMapper {

    private PartyMapper() {
    }

    static Party party(JsonObject a) {
        if (a == null) {
            return null;
        }
        Address address = new Address(text(a, "street_1"), text(a, "street_2"), text(a, "city"), text(a, "state"),
                text(a, "zip"), upper(text(a, "country_iso2")));
        return new Party(text(a, "first_name"), text(a, "last_name"), text(a, "company"), lower(text(a, "email")),
                text(a, "phone"), address);
    }

    /**
     * The buyer: names and address from the primary party (delivery by default, as merchants expect), but
     * always the billing email, which is how the back office finds the customer.
     */
    static Party customer(Party primary, Party billing) {
        Party base = primary == null ? billing : primary;
        if (base == null) {
            return null;
        }
        String email = billing != null && billing.email() != null ? billing.email() : base.email();
        String phone = base.phone() != null ? base.phone() : billing == null ? null : billing.phone();
        return new Party(base.firstName(), base.lastName(), base.company(), email, phone, base.address());
    }

    static String text(JsonObject o, String field) {
        Object v = o.getValue(field);
        if (v == null) {
            return null;
        }
        String s = String.valueOf(v).trim();
        return s.isEmpty() ? null : s;
    }

    private static String upper(String s) {
        return s == null ? null : s.toUpperCase(java.util.Locale.ROOT);
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(java.util.Locale.ROOT);
    }
}
