package dev.junction.plugin.shiphero.warehouses;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * ShipHero ids: the GraphQL id is base64("Type:legacy_id"); the legacy id is the number ShipHero's web app
 * shows. The connector names records by legacy ids (what a merchant can look up) and sends GraphQL ids.
 */
public final class ShipHeroIds {
    private ShipHeroIds() {
    }

    public static String graphId(String type, String legacy) {
        return Base64.getEncoder().encodeToString((type + ":" + legacy).getBytes(StandardCharsets.UTF_8));
    }

    /** The legacy id of a GraphQL id, a legacy id given as text or a number; null when it is neither. */
    public static String legacy(Object id) {
        if (id == null) {
            return null;
        }
        if (id instanceof Number n) {
            return String.valueOf(n.longValue());
        }
        String s = id.toString().trim();
        if (!s.isEmpty() && s.chars().allMatch(Character::isDigit)) {
            return s;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            String tail = colon < 0 ? "" : decoded.substring(colon + 1);
            return !tail.isEmpty() && tail.chars().allMatch(Character::isDigit) ? tail : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
