package dev.junction.sandbox.shiphero;

/** A resolver failure, answered as a GraphQL {@code errors[]} entry with {@code data.<field>} null. */
final class ShipHeroError extends RuntimeException {
    ShipHeroError(String message) {
        super(message);
    }
}
