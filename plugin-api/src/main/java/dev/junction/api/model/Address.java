package dev.junction.api.model;

/**
 * A postal address. {@code countryIso2} is the ISO 3166-1 alpha-2 code; connectors convert to what their
 * remote wants (Brightpearl postal addresses take alpha-3).
 */
public record Address(String line1, String line2, String city, String region, String postalCode, String countryIso2) {
}
