package dev.junction.plugin.shiphero.client;

import dev.junction.api.error.PermanentException;

import java.util.Locale;

/** ShipHero answers a lookup of something it does not have with a GraphQL error "... not found ...". */
public final class NotFound {
    private NotFound() {
    }

    public static boolean is(Throwable e) {
        return e instanceof PermanentException && e.getMessage() != null
                && e.getMessage().toLowerCase(Locale.ROOT).contains("not found");
    }
}
