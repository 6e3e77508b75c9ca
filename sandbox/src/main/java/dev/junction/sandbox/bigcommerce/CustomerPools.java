package dev.junction.sandbox.bigcommerce;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which generated customers belong to a named pool. Customers outside every pool (seeded ones, and those of
 * orders generated without a pool) form the default pool.
 */
final class CustomerPools {
    private final Map<String, List<Catalog.Customer>> byPool = new HashMap<>();
    private final Set<Integer> pooled = new HashSet<>();

    /** The customers an order of {@code pool} (null: the default pool) may come back as, oldest first. */
    synchronized List<Catalog.Customer> known(String pool, List<Catalog.Customer> all) {
        if (pool != null) {
            return new ArrayList<>(byPool.getOrDefault(pool, List.of()));
        }
        List<Catalog.Customer> out = new ArrayList<>(all.size());
        for (Catalog.Customer c : all) {
            if (!pooled.contains(c.id())) {
                out.add(c);
            }
        }
        return out;
    }

    /** Records a customer generated for {@code pool}; nothing for the default pool. */
    synchronized void added(String pool, Catalog.Customer customer) {
        if (pool != null) {
            byPool.computeIfAbsent(pool, p -> new ArrayList<>()).add(customer);
            pooled.add(customer.id());
        }
    }

    synchronized void clear() {
        byPool.clear();
        pooled.clear();
    }
}
