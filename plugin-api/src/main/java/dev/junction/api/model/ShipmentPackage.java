package dev.junction.api.model;

import java.util.List;

/** One parcel: its tracking number, carrier and service, and what is in it. */
public record ShipmentPackage(String trackingNumber, String carrier, String method, String trackingUrl,
                              List<ShipmentLine> lines) {
    public ShipmentPackage {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
