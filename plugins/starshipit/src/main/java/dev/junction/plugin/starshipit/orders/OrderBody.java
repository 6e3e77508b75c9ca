package dev.junction.plugin.starshipit.orders;

import dev.junction.api.error.PermanentException;
import dev.junction.api.mapping.MappingTables;
import dev.junction.api.model.Address;
import dev.junction.api.model.Fulfilment;
import dev.junction.api.model.FulfilmentLine;
import dev.junction.api.model.Party;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A {@link Fulfilment} as the body of {@code POST /api/orders}. Pure. Carrier and service come from
 * mapping table {@value #CARRIERS}: key = the fulfilment's shipping method (Brightpearl method name, or
 * its id), value = a Starshipit carrier code, optionally with a service code after a colon
 * ({@code AusPost:7B05}); the table's default applies to unmapped methods. With no mapping and no default
 * the order goes without a carrier, so Starshipit's own shipping rules choose one.
 */
public final class OrderBody {
    public static final String CARRIERS = "starshipit-carriers";
    static final int MAX_TARIFF_CODE = 18;

    private OrderBody() {
    }

    public static JsonObject build(Fulfilment f, OrderKeys keys, MappingTables tables) {
        JsonObject order = new JsonObject()
                .put("order_number", keys.orderNumber())
                .put("reference", keys.reference())
                .put("destination", destination(f));
        if (f.createdAt() != null) {
            order.put("order_date", f.createdAt().toString());
        }
        if (f.shippingMethod() != null && !f.shippingMethod().isBlank()) {
            order.put("shipping_method", f.shippingMethod().trim());
        }
        carrier(f, tables).ifPresent(c -> {
            int colon = c.indexOf(':');
            order.put("carrier", colon < 0 ? c : c.substring(0, colon).trim());
            if (colon >= 0 && colon < c.length() - 1) {
                order.put("carrier_service_code", c.substring(colon + 1).trim());
            }
        });
        currency(f).ifPresent(c -> order.put("currency", c));
        JsonArray items = new JsonArray();
        f.lines().forEach(l -> items.add(item(l)));
        return order.put("items", items);
    }

    static Optional<String> carrier(Fulfilment f, MappingTables tables) {
        return tables.lookupOrDefault(CARRIERS, f.shippingMethod()).map(String::trim).filter(s -> !s.isEmpty());
    }

    private static JsonObject destination(Fulfilment f) {
        Party p = f.delivery();
        Address a = p == null ? null : p.address();
        if (a == null) {
            throw new PermanentException("fulfilment " + f.id() + " has no delivery address: add one to the order in "
                    + "Brightpearl, then import it again");
        }
        String name = p.fullName().isEmpty() ? p.company() : p.fullName();
        String street = join(a.line1(), a.line2());
        JsonObject d = new JsonObject();
        put(d, "name", name);
        put(d, "company", p.company());
        put(d, "email", p.email() != null ? p.email() : f.customerEmail());
        put(d, "phone", p.phone());
        put(d, "street", street);
        // Starshipit reads the locality from suburb for AU/NZ and from city elsewhere: send it as both.
        put(d, "suburb", a.city());
        put(d, "city", a.city());
        put(d, "state", a.region());
        put(d, "post_code", a.postalCode());
        put(d, "country", a.countryIso2());
        return d;
    }

    private static JsonObject item(FulfilmentLine l) {
        JsonObject i = new JsonObject();
        put(i, "description", l.name() != null && !l.name().isBlank() ? l.name() : l.sku());
        put(i, "sku", l.sku());
        i.put("quantity", number(l.quantity() == null ? BigDecimal.ONE : l.quantity()));
        if (l.weightKg() != null) {
            i.put("weight", number(l.weightKg()));
        }
        if (l.unitValue() != null) {
            i.put("value", number(l.unitValue().amount()));
        }
        String hs = l.hsCode() == null ? null : l.hsCode().trim();
        if (hs != null && hs.length() > MAX_TARIFF_CODE) {
            throw new PermanentException("HS code '" + l.hsCode() + "' of SKU " + l.sku() + " is longer than Starshipit's "
                    + MAX_TARIFF_CODE + " characters: correct the product's HS code custom field in Brightpearl");
        }
        put(i, "tariff_code", hs);
        put(i, "country_of_origin", l.countryOfOrigin());
        return i;
    }

    private static Optional<String> currency(Fulfilment f) {
        if (f.orderTotal() != null) {
            return Optional.of(f.orderTotal().currency());
        }
        return f.lines().stream().filter(l -> l.unitValue() != null).map(l -> l.unitValue().currency()).findFirst();
    }

    /** Whole numbers as integers (Starshipit's quantities are), others exact. */
    private static Number number(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        if (s.scale() <= 0 && s.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) < 0) {
            return s.intValueExact();
        }
        return s;
    }

    private static String join(String a, String b) {
        boolean hasA = a != null && !a.isBlank();
        boolean hasB = b != null && !b.isBlank();
        return hasA && hasB ? a.trim() + ", " + b.trim() : hasA ? a.trim() : hasB ? b.trim() : null;
    }

    private static void put(JsonObject o, String key, String value) {
        if (value != null && !value.isBlank()) {
            o.put(key, value.trim());
        }
    }
}
