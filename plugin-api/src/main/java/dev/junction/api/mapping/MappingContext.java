package dev.junction.api.mapping;

import io.vertx.core.json.JsonObject;

/**
 * What a mapper may consult: the flow's value-mapping tables and options (defaults and switches such as
 * "primary address from billing"). A snapshot taken when the sync attempt started, so one record never
 * sees a table half-edited, and the attempt records which version it used.
 */
public interface MappingContext {
    MappingTables tables();

    JsonObject options();
}
