package dev.junction.sandbox.bigcommerce;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Realistic orders from the seeded catalog for the demo and benchmarks: 1-8 lines, repeat customers, some
 * coupons and manual discounts spread over the lines, free-shipping coupons, gift wrapping, gift
 * certificates, messages and foreign currencies. The same seed and catalog give the same orders (dates
 * are "now", so pollers see them).
 *
 * <p>A repeat customer mostly orders to the address of their previous generated order (billing and shipping,
 * with the same name and phone), as real returning customers do; with probability {@code addressChangeRate}
 * they come with a new one, which then becomes the one they keep. The store remembers each customer's last
 * generated address across calls ({@link BcStore#generatedAddresses}), so batches of a benchmark behave like
 * one stream; the keep-or-change draws come from their own random sequence of the seed, so the rest of an
 * order (lines, coupons, shipping) is drawn as it would be without them.
 */
final class OrderGenerator {
    private static final String[] FIRST = {"Jane", "John", "Ava", "Liam", "Mia", "Noah", "Zoe", "Omar", "Ines", "Kai"};
    private static final String[] LAST = {"Doe", "Smith", "Nguyen", "Garcia", "Khan", "Muller", "Rossi", "Tanaka"};
    private static final String[][] CITIES = {{"Austin", "Texas", "78751", "United States", "US"},
            {"Portland", "Oregon", "97201", "United States", "US"}, {"Toronto", "Ontario", "M5V 2T6", "Canada", "CA"},
            {"London", "", "SW1A 1AA", "United Kingdom", "GB"}, {"Berlin", "", "10115", "Germany", "DE"}};
    private static final String[][] CURRENCIES = {{"EUR", "0.9200000000"}, {"GBP", "0.7900000000"}, {"CAD", "1.3600000000"}};

    private final BcStore store;
    private final OrderFactory factory;

    OrderGenerator(BcStore store, OrderFactory factory) {
        this.store = store;
        this.factory = factory;
    }

    /** Share of a repeat customer's orders that come with a new address, unless a call says otherwise. */
    static final double DEFAULT_ADDRESS_CHANGE_RATE = 0.15;

    List<BcOrder> generate(int count, long seed) {
        return generate(count, seed, -1);
    }

    List<BcOrder> generate(int count, long seed, double repeatRate) {
        return generate(count, seed, repeatRate, DEFAULT_ADDRESS_CHANGE_RATE, null);
    }

    /**
     * @param repeatRate        share of orders (0..1) placed by a customer who ordered before; negative = the
     *                          default of about a third (benchmarks ask for 0.6)
     * @param addressChangeRate chance (0..1) that a repeat customer's order goes to a new address instead of
     *                          the one of their previous generated order
     * @param pool              the customers to draw from ({@link CustomerPools}): null for the default pool;
     *                          a named pool's new customers have the pool in their email
     */
    List<BcOrder> generate(int count, long seed, double repeatRate, double addressChangeRate, String pool) {
        if (pool != null && !pool.matches("[a-z0-9-]{1,40}")) {
            throw new Formats.BadInput("pool must be 1-40 lower-case letters, digits or dashes");
        }
        if (addressChangeRate < 0 || addressChangeRate > 1) throw new Formats.BadInput("addressChangeRate must be 0..1");
        List<Catalog.Variant> variants = store.catalog.variants();
        if (variants.isEmpty()) {
            seedCatalog();
            variants = store.catalog.variants();
        }
        Random r = new Random(seed);
        // Its own sequence, so keeping or changing addresses does not shift the draws of everything else.
        Random moves = new Random(seed ^ 0x6A09E667F3BCC909L);
        List<Catalog.Customer> known = store.customerPools.known(pool, store.catalog.customers());
        List<BcOrder> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(factory.create(order(r, moves, variants, known, repeatRate, addressChangeRate, pool),
                    OrderStatuses.AWAITING_FULFILLMENT, "www"));
        }
        return out;
    }

    /** Twenty products, five of them with size variants, when the test or demo seeded none. */
    private void seedCatalog() {
        for (int i = 1; i <= 20; i++) {
            JsonObject p = new JsonObject().put("sku", String.format("SKU-%03d", i)).put("name", "Sample product " + i)
                    .put("price", BigDecimal.valueOf(500 + i * 275L, 2).toPlainString()).put("weight", "0.5");
            if (i % 4 == 0) {
                JsonArray vs = new JsonArray();
                for (String size : new String[]{"S", "M", "L"}) {
                    vs.add(new JsonObject().put("sku", String.format("SKU-%03d-%s", i, size)).put("options",
                            new JsonObject().put("Size", size)));
                }
                p.put("variants", vs);
            }
            store.catalog.addProduct(p, store.now());
        }
    }

    private JsonObject order(Random r, Random moves, List<Catalog.Variant> variants, List<Catalog.Customer> known,
                             double repeatRate, double addressChangeRate, String pool) {
        Catalog.Customer customer = customer(r, known, repeatRate, pool);
        String[] city = CITIES[r.nextInt(CITIES.length)];
        JsonObject address = new JsonObject().put("first_name", customer.firstName()).put("last_name", customer.lastName())
                .put("company", "").put("street_1", (1 + r.nextInt(999)) + " Main Street").put("street_2", "")
                .put("city", city[0]).put("state", city[1]).put("zip", city[2]).put("country", city[3])
                .put("country_iso2", city[4]).put("phone", "555-01" + (10 + r.nextInt(89))).put("email", customer.email());
        JsonObject previous = store.generatedAddresses.get(customer.id());
        if (previous != null && moves.nextDouble() >= addressChangeRate) {
            address = previous.copy();
        }
        store.generatedAddresses.put(customer.id(), address.copy());
        boolean taxed = "US".equals(address.getString("country_iso2"));
        BigDecimal taxRate = taxed ? new BigDecimal("0.0825") : BigDecimal.ZERO;
        int lineCount = 1 + r.nextInt(8);
        // Distinct variants drawn without replacement (a set of taken indexes, not a copy of a large catalog).
        // The pick-th index not yet taken: step over the taken ones below it, in ascending order (≤ 8 of them;
        // scanning every index below the pick was a tenth of the simulators' CPU at 5,000 SKUs).
        java.util.List<Integer> taken = new java.util.ArrayList<>();
        JsonArray products = new JsonArray();
        for (int i = 0; i < lineCount && taken.size() < variants.size(); i++) {
            int pick = r.nextInt(variants.size() - taken.size());
            for (int t : taken) if (t <= pick) pick++;
            taken.add(-java.util.Collections.binarySearch(taken, pick) - 1, pick);
            Catalog.Variant v = variants.get(pick);
            int qty = 1 + (r.nextInt(10) < 7 ? 0 : r.nextInt(3));
            BigDecimal inc = v.price().multiply(BigDecimal.ONE.add(taxRate)).setScale(2, RoundingMode.HALF_UP);
            JsonObject line = new JsonObject().put("product_id", v.productId()).put("variant_id", v.id())
                    .put("quantity", qty).put("price_ex_tax", v.price().toPlainString()).put("price_inc_tax", inc.toPlainString());
            if (r.nextInt(20) == 0) {
                line.put("wrapping_name", "Gift box").put("wrapping_cost_ex_tax", "3.50").put("wrapping_cost_inc_tax", "3.50")
                        .put("wrapping_message", "Happy birthday!");
            }
            products.add(line);
        }
        if (r.nextInt(30) == 0) {
            products.add(new JsonObject().put("name", "$25 Gift Certificate").put("type", "giftcertificate")
                    .put("quantity", 1).put("price_ex_tax", "25.00").put("price_inc_tax", "25.00"));
        }
        BigDecimal shipping = new BigDecimal(r.nextInt(4) == 0 ? "0.00" : "9.95");
        JsonObject in = new JsonObject().put("customer_id", customer.id()).put("billing_address", address)
                .put("shipping_addresses", new JsonArray().add(address.copy())).put("products", products)
                .put("shipping_cost_ex_tax", shipping.toPlainString()).put("shipping_cost_inc_tax", shipping.toPlainString())
                .put("shipping_method", shipping.signum() == 0 ? "Free Shipping" : "Flat Rate")
                .put("payment_method", r.nextBoolean() ? "Credit Card" : "PayPal").put("payment_status", "captured");
        JsonArray coupons = new JsonArray();
        int roll = r.nextInt(100);
        if (roll < 15) {
            BigDecimal discount = spread(products, new BigDecimal("0.10"), "SAVE10", "10% off");
            coupons.add(new JsonObject().put("code", "SAVE10").put("type", 1).put("amount", "10")
                    .put("discount", discount.toPlainString()));
        } else if (roll < 22) {
            spread(products, new BigDecimal("0.05"), null, "Manual Discount");
        }
        if (shipping.signum() > 0 && r.nextInt(20) == 0) {
            coupons.add(new JsonObject().put("code", "FREESHIP").put("type", 4).put("amount", shipping.toPlainString())
                    .put("discount", shipping.toPlainString()));
        }
        in.put("coupons", coupons);
        if (r.nextInt(10) == 0) in.put("customer_message", "Please leave at the back door.");
        if (!taxed && r.nextInt(3) == 0) {
            String[] cur = CURRENCIES[r.nextInt(CURRENCIES.length)];
            in.put("currency_code", cur[0]).put("currency_exchange_rate", cur[1]);
        }
        return in;
    }

    /** BigCommerce spreads order-level discounts over the lines, weighted by line value; returns the sum. */
    private static BigDecimal spread(JsonArray products, BigDecimal rate, String code, String name) {
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < products.size(); i++) {
            JsonObject line = products.getJsonObject(i);
            if (line.containsKey("type")) continue;
            BigDecimal lineTotal = new BigDecimal(line.getString("price_inc_tax")).multiply(BigDecimal.valueOf(line.getInteger("quantity")));
            BigDecimal amount = lineTotal.multiply(rate).setScale(2, RoundingMode.HALF_UP);
            total = total.add(amount);
            line.put("applied_discounts", new JsonArray().add(new JsonObject().put("id", code == null ? "manual-discount" : "1")
                    .put("amount", amount.toPlainString()).put("name", name).put("code", code).put("target", "order")));
        }
        return total;
    }

    /** Roughly a third of orders (or {@code repeatRate} of them) come from a returning customer. */
    private Catalog.Customer customer(Random r, List<Catalog.Customer> known, double repeatRate, String pool) {
        boolean repeat = repeatRate < 0 ? r.nextInt(3) == 0 : r.nextDouble() < repeatRate;
        if (!known.isEmpty() && repeat) return known.get(r.nextInt(known.size()));
        String first = FIRST[r.nextInt(FIRST.length)];
        String last = LAST[r.nextInt(LAST.length)];
        String email = (first + "." + last + "." + (pool == null ? "" : pool + ".") + (known.size() + 1) + "@example.com")
                .toLowerCase();
        Catalog.Customer added = store.catalog.addCustomer(new JsonObject().put("email", email).put("first_name", first)
                .put("last_name", last), store.now());
        known.add(added);
        store.customerPools.added(pool, added);
        return added;
    }
}
