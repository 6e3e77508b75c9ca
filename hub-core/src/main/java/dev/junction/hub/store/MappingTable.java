package dev.junction.hub.store;

import dev.junction.api.mapping.Choice;

import java.util.List;
import java.util.Map;

/**
 * A value-mapping table: entries (source value → target value), an optional default, and the choice
 * lists that reference-data refreshes fill for each side (for pickers and validation).
 */
public record MappingTable(String name, Map<String, String> entries, String defaultValue, List<Choice> sourceChoices,
                           List<Choice> targetChoices) {
    public MappingTable {
        entries = entries == null ? Map.of() : Map.copyOf(entries);
        sourceChoices = sourceChoices == null ? List.of() : List.copyOf(sourceChoices);
        targetChoices = targetChoices == null ? List.of() : List.copyOf(targetChoices);
    }
}
