package dev.junction.hub.flow;

import dev.junction.api.source.SourceRecord;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.StringJoiner;

/** How a source record is keyed for dedupe and found by a merchant's free-text search. */
public final class RecordKeys {
    /** The content key of every record of a flow that syncs each source record once. */
    public static final String ONCE = "once";

    private RecordKeys() {
    }

    /**
     * The source's version when it gives one (so an unchanged record read by webhook, sweep and
     * reconciliation dedupes to one sync record), else a hash of the payload.
     */
    public static String contentKey(SourceRecord r) {
        if (r.version() != null && !r.version().isBlank()) {
            return "v:" + r.version();
        }
        return "h:" + sha256(r.payload().encode());
    }

    /**
     * The id plus top-level values a person would search by: references, order numbers, emails. Kept short:
     * it is a search aid, not a copy of the payload.
     */
    static String searchText(SourceRecord r) {
        StringJoiner j = new StringJoiner(" ");
        j.add(r.id());
        addSearchable(r.payload(), j, 0);
        String s = j.toString();
        return s.length() > 500 ? s.substring(0, 500) : s;
    }

    private static void addSearchable(JsonObject json, StringJoiner j, int depth) {
        for (String key : json.fieldNames()) {
            Object v = json.getValue(key);
            String k = key.toLowerCase(Locale.ROOT);
            if ((v instanceof String || v instanceof Number) && (k.contains("ref") || k.contains("number")
                    || k.contains("email") || k.equals("id") || k.endsWith("_id") || k.endsWith("id") && k.length() < 12)) {
                String text = String.valueOf(v);
                if (!text.isBlank() && text.length() < 80) {
                    j.add(text);
                }
            } else if (v instanceof JsonObject o && depth < 1) {
                addSearchable(o, j, depth + 1);
            }
        }
    }

    static String sha256(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
