package dev.junction.plugin.dropstream.files;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Pages over records that come from the API window and from the files of one poll, oldest first. The page
 * token holds the last record's (time, id) and the names of the files taken into the poll on its first
 * page, so every page sees the same files even while the warehouse writes new ones (those wait for the next
 * poll), and a file is settled exactly when every record it gave has been on a page.
 */
public final class Pager {
    private Pager() {
    }

    /** A record to be: id, modification time, payload, and the files it was read from. */
    public record Entry(String id, Instant at, JsonObject payload, Set<String> files) {
    }

    public record Token(Instant at, String id, List<String> files) {
        public String encode() {
            JsonObject j = new JsonObject().put("t", at.toString()).put("i", id).put("f", new JsonArray(new ArrayList<>(files)));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(j.encode().getBytes(StandardCharsets.UTF_8));
        }

        /** Null for the first page. */
        public static Token decode(String token) {
            if (token == null || token.isBlank()) {
                return null;
            }
            JsonObject j = new JsonObject(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
            List<String> files = new ArrayList<>();
            j.getJsonArray("f", new JsonArray()).forEach(f -> files.add(String.valueOf(f)));
            return new Token(Instant.parse(j.getString("t")), j.getString("i"), files);
        }
    }

    /** @param settle names of the poll's files that are done once this page is delivered */
    public record Page(List<Entry> entries, Optional<String> next, List<String> settle) {
    }

    private static final Comparator<Entry> ORDER = Comparator.comparing(Entry::at).thenComparing(Entry::id);

    /**
     * @param all      every entry of the poll (ids unique)
     * @param token    the previous page's token, null for the first page
     * @param snapshot names of the poll's files still in the folder
     */
    public static Page page(List<Entry> all, Token token, int pageSize, List<String> snapshot) {
        int size = pageSize > 0 ? pageSize : 100;
        List<Entry> sorted = new ArrayList<>(all);
        sorted.sort(ORDER);
        List<Entry> remaining = token == null ? sorted : sorted.stream().filter(e -> after(e, token)).toList();
        List<Entry> page = remaining.subList(0, Math.min(size, remaining.size()));
        boolean more = remaining.size() > size;
        Entry last = page.isEmpty() ? null : page.get(page.size() - 1);
        List<String> settle = new ArrayList<>();
        for (String file : snapshot) {
            boolean done = !more || sorted.stream().filter(e -> e.files().contains(file))
                    .allMatch(e -> last != null && ORDER.compare(e, last) <= 0);
            if (done) {
                settle.add(file);
            }
        }
        List<String> files = token == null ? snapshot : token.files();
        Optional<String> next = more ? Optional.of(new Token(last.at(), last.id(), files).encode()) : Optional.empty();
        return new Page(List.copyOf(page), next, settle);
    }

    private static boolean after(Entry e, Token t) {
        int c = e.at().compareTo(t.at());
        return c > 0 || c == 0 && e.id().compareTo(t.id()) > 0;
    }
}
