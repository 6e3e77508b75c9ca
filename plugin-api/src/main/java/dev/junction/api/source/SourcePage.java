package dev.junction.api.source;

import java.util.List;
import java.util.Optional;

/** One page of a poll; {@code nextPageToken} is present while more pages remain. */
public record SourcePage(List<SourceRecord> records, Optional<String> nextPageToken) {
    public SourcePage {
        records = List.copyOf(records);
    }

    public static SourcePage last(List<SourceRecord> records) {
        return new SourcePage(records, Optional.empty());
    }
}
