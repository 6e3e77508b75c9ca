package dev.junction.plugin.brightpearl.client;

import java.util.List;

/** What both Brightpearl exception kinds carry: the HTTP status and the remote's own errors. */
public interface BrightpearlFailure {
    int status();

    List<BrightpearlError> errors();

    /** Whether any error has this Brightpearl code (e.g. {@code CMNC-404}). */
    default boolean hasCode(String code) {
        return errors().stream().anyMatch(e -> code.equals(e.code()));
    }
}
