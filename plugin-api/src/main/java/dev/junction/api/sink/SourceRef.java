package dev.junction.api.sink;

/** The origin of a record: connection, stream and the remote's id. */
public record SourceRef(String connectionId, String stream, String id) {
}
