package dev.junction.plugin.starshipit.orders;

import dev.junction.api.error.PermanentException;
import dev.junction.api.model.Fulfilment;

import java.util.Optional;

/**
 * How a Starshipit order names the fulfilment it ships, so tracking finds its way home without a lookup
 * table.
 * <ul>
 *   <li>{@code reference} = the hub's idempotency key {@code <sourceConnection>:<sourceId>}; the source id
 *       is the {@link Fulfilment#id()} (Brightpearl order id in order mode, goods-out note id in GON mode).
 *       The sink looks orders up by it, the shipments source reads the fulfilment id back out of it.</li>
 *   <li>{@code order_number} = what the merchant quotes: the Brightpearl order reference (its id when it has
 *       none); in GON mode suffixed {@code -<gonId>}, since one order can make several Starshipit orders and
 *       Starshipit insists order numbers are unique.</li>
 * </ul>
 * Both fields hold at most 50 characters.
 */
public record OrderKeys(String orderNumber, String reference, boolean goodsOutNoteMode) {
    public static final int MAX_LENGTH = 50;

    public static OrderKeys of(Fulfilment f, String idempotencyKey) {
        if (f.id() == null || f.id().isBlank()) {
            throw new PermanentException("the fulfilment has no id, so its shipment could not be matched back");
        }
        if (idempotencyKey == null || idempotencyKey.length() > MAX_LENGTH) {
            throw new PermanentException("the sync key '" + idempotencyKey + "' does not fit Starshipit's 50-character "
                    + "reference field: give the source connection a shorter id");
        }
        Optional<String> sourceId = fulfilmentId(idempotencyKey);
        if (sourceId.isEmpty() || !sourceId.get().equals(f.id())) {
            // Tracking is matched back by the id in the reference; a mismatch would ship the wrong note.
            throw new PermanentException("fulfilment " + f.id() + " came from source record '" + idempotencyKey
                    + "' with a different id: the flow's source must emit one fulfilment per record, keyed by its id");
        }
        boolean gonMode = f.orderId() != null && !f.orderId().isBlank() && !f.orderId().equals(f.id());
        String ref = firstNonBlank(f.orderReference(), f.orderId(), f.id());
        String number = gonMode ? fit(ref, "-" + f.id()) : fit(ref, "");
        return new OrderKeys(number, idempotencyKey, gonMode);
    }

    /** The fulfilment id out of a reference this connector wrote: the part after the last ':'. */
    public static Optional<String> fulfilmentId(String reference) {
        if (reference == null) {
            return Optional.empty();
        }
        int colon = reference.lastIndexOf(':');
        String id = colon < 0 ? "" : reference.substring(colon + 1).trim();
        return colon <= 0 || id.isEmpty() ? Optional.empty() : Optional.of(id);
    }

    /** The source connection out of a reference this connector wrote. */
    public static Optional<String> sourceConnection(String reference) {
        return fulfilmentId(reference).map(id -> reference.substring(0, reference.lastIndexOf(':')));
    }

    /** The order reference a person quotes: the order number without the GON suffix. */
    public static String orderReference(String orderNumber, String fulfilmentId) {
        if (orderNumber == null || fulfilmentId == null) {
            return orderNumber;
        }
        String suffix = "-" + fulfilmentId;
        return orderNumber.endsWith(suffix) && orderNumber.length() > suffix.length()
                ? orderNumber.substring(0, orderNumber.length() - suffix.length()) : orderNumber;
    }

    /** {@code base + suffix}, shortening the base so the whole fits and the unique suffix survives. */
    private static String fit(String base, String suffix) {
        int room = MAX_LENGTH - suffix.length();
        return (base.length() > room ? base.substring(0, room) : base) + suffix;
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.trim();
            }
        }
        throw new PermanentException("the fulfilment has no order reference or id");
    }
}
