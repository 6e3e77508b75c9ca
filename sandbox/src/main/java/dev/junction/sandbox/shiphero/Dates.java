package dev.junction.sandbox.shiphero;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** ShipHero's ISODateTime arguments come with or without zone, or as plain dates; all are read as UTC. */
final class Dates {
    private Dates() {
    }

    static Instant parse(String s) {
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                try {
                    return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException e3) {
                    throw new ShipHeroError("Invalid ISODateTime: '" + s + "'");
                }
            }
        }
    }
}
