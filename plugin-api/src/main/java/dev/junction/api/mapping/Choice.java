package dev.junction.api.mapping;

/** One value a mapping table may map to, as the remote names it (e.g. shipping method 7, "UPS Ground"). */
public record Choice(String id, String label) {
}
