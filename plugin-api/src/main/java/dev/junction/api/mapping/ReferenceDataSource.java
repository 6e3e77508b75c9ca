package dev.junction.api.mapping;

import io.vertx.core.Future;

import java.util.List;

/** Reads reference data (shipping methods, statuses, warehouses ...) from the remote on demand. */
@FunctionalInterface
public interface ReferenceDataSource {
    Future<List<Choice>> fetch();
}
