package dev.junction.hub.connection;

import dev.junction.api.mapping.MappingTables;
import dev.junction.hub.store.MappingTable;
import dev.junction.hub.store.SyncStore;
import io.vertx.core.Future;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The mapping tables as an immutable snapshot, replaced whole when a table is saved, so a sync attempt
 * that took a snapshot never sees a half-edited table, and each attempt can record the version it used.
 */
public final class MappingTablesService {

    /** One consistent view of every table, with a content version. */
    public record Snapshot(Map<String, MappingTable> tables, String version) implements MappingTables {
        @Override
        public Optional<String> lookup(String table, String key) {
            MappingTable t = tables.get(table);
            if (t == null || key == null) {
                return Optional.empty();
            }
            String exact = t.entries().get(key);
            if (exact != null) {
                return Optional.of(exact);
            }
            String lower = key.toLowerCase(Locale.ROOT);
            return t.entries().entrySet().stream()
                    .filter(e -> e.getKey().toLowerCase(Locale.ROOT).equals(lower))
                    .map(Map.Entry::getValue).findFirst();
        }

        @Override
        public Optional<String> defaultValue(String table) {
            MappingTable t = tables.get(table);
            return t == null ? Optional.empty() : Optional.ofNullable(t.defaultValue());
        }

        @Override
        public Map<String, String> entries(String table) {
            MappingTable t = tables.get(table);
            return t == null ? Map.of() : t.entries();
        }
    }

    private final SyncStore store;
    private volatile Snapshot current = new Snapshot(Map.of(), "empty");

    public MappingTablesService(SyncStore store) {
        this.store = store;
    }

    public Future<Snapshot> reload() {
        return store.mappingTables().map(list -> {
            Snapshot s = snapshotOf(list);
            current = s;
            return s;
        });
    }

    public Snapshot current() {
        return current;
    }

    public Future<Snapshot> put(MappingTable table) {
        return store.putMappingTable(table).compose(v -> reload());
    }

    static Snapshot snapshotOf(List<MappingTable> tables) {
        Map<String, MappingTable> byName = tables.stream()
                .collect(Collectors.toUnmodifiableMap(MappingTable::name, Function.identity()));
        return new Snapshot(byName, version(byName));
    }

    /** A short content hash: equal tables give equal versions across restarts. */
    private static String version(Map<String, MappingTable> tables) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (MappingTable t : new TreeMap<>(tables).values()) {
                md.update(t.name().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                new TreeMap<>(t.entries()).forEach((k, v) -> {
                    md.update(k.getBytes(StandardCharsets.UTF_8));
                    md.update((byte) 1);
                    md.update(v.getBytes(StandardCharsets.UTF_8));
                    md.update((byte) 2);
                });
                md.update(String.valueOf(t.defaultValue()).getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
