package dev.junction.api.service;

import io.vertx.core.Future;

import java.util.Optional;

/**
 * Links between the ids one entity has in different systems (BigCommerce order 218 ↔ Brightpearl order
 * 1044 ↔ ShipHero order ...). The hub writes the link between a synced record and what the sink made in
 * the same transaction that marks the record synced; plugins read links and may add their own (for
 * example a cached contact id), which are written at once.
 */
public interface IdLinks {

    /**
     * The id that the entity known as {@code id} in connection {@code fromConnection} has in
     * {@code toConnection}, if linked.
     */
    Future<Optional<String>> find(String entity, String fromConnection, String id, String toConnection);

    /** Records a link both ways. Idempotent; a newer link for the same pair replaces the older. */
    Future<Void> put(IdLink link);
}
