package dev.junction.api.source;

import java.util.List;
import java.util.Optional;

/**
 * One page of a poll; {@code nextPageToken} is present while more pages remain.
 *
 * @param listed true when the records were listed without their sub-resources, as a {@link PollRequest#listOnly()}
 *               poll allows: the hub then keeps only their ids and versions and fetches each new one in full
 *               when processing it. False (a source that ignores the hint): the records are complete.
 */
public record SourcePage(List<SourceRecord> records, Optional<String> nextPageToken, boolean listed) {
    public SourcePage {
        records = List.copyOf(records);
    }

    public SourcePage(List<SourceRecord> records, Optional<String> nextPageToken) {
        this(records, nextPageToken, false);
    }

    public static SourcePage last(List<SourceRecord> records) {
        return new SourcePage(records, Optional.empty());
    }
}
