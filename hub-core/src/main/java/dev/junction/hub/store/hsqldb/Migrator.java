package dev.junction.hub.store.hsqldb;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings the schema up to date from the numbered scripts {@code db/migration/V<n>__<what>.sql}, listed in
 * order in {@code db/migration/index.txt} (a jar cannot be listed portably). Applied versions are recorded
 * in {@code schema_version}; each script runs in its own transaction together with its version row.
 * HSQLDB commits DDL implicitly, so scripts are written to be re-runnable (IF NOT EXISTS) rather than
 * relying on rollback.
 *
 * <p>A database whose newest applied version is newer than the newest script refuses to open: an older
 * hub would otherwise write data a newer schema no longer expects.
 */
public final class Migrator {
    static final String LOCATION = "db/migration/";
    private static final Pattern NAME = Pattern.compile("V(\\d+)__(\\w+)\\.sql");

    /** One numbered script. */
    public record Migration(int version, String description, String resource) {
    }

    private final List<Migration> migrations;
    private final ClassLoader loader;

    public Migrator() {
        this(load(Migrator.class.getClassLoader()));
    }

    Migrator(List<Migration> migrations) {
        this(migrations, Migrator.class.getClassLoader());
    }

    /** Scripts read through {@code loader}: tests point it at scripts of their own. */
    Migrator(List<Migration> migrations, ClassLoader loader) {
        this.loader = loader;
        this.migrations = List.copyOf(migrations);
        for (int i = 0; i < migrations.size(); i++) {
            if (migrations.get(i).version() != i + 1) {
                throw new IllegalStateException("migrations must be numbered 1, 2, 3… without gaps; found V"
                        + migrations.get(i).version() + " at position " + (i + 1));
            }
        }
    }

    public List<Migration> migrations() {
        return migrations;
    }

    /**
     * Applies the scripts not applied yet, in order. Runs on the given connection, which must not be in
     * auto-commit mode.
     *
     * @return the versions applied now (empty if the schema was current)
     */
    public List<Integer> migrate(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE CACHED TABLE IF NOT EXISTS schema_version ("
                    + " version INT PRIMARY KEY, description VARCHAR(200) NOT NULL,"
                    + " applied_at TIMESTAMP(9) WITH TIME ZONE NOT NULL)");
        }
        c.commit();
        int current = currentVersion(c);
        int known = migrations.size();
        if (current > known) {
            throw new IllegalStateException("the database is at schema version " + current
                    + " but this hub only knows versions up to " + known
                    + ": it was used by a newer Junction. Run that version, or restore a backup taken before the upgrade.");
        }
        List<Integer> applied = new ArrayList<>();
        for (Migration m : migrations.subList(current, known)) {
            try {
                apply(c, m);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw new IllegalStateException("schema migration V" + m.version() + " (" + m.description()
                        + ") failed: " + e.getMessage(), e);
            }
            applied.add(m.version());
        }
        return applied;
    }

    static int currentVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private void apply(Connection c, Migration m) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String statement : statements(read(m.resource(), loader))) {
                s.execute(statement);
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
            ps.setInt(1, m.version());
            ps.setString(2, m.description());
            Sql.setInstant(ps, 3, Instant.now());
            ps.executeUpdate();
        }
    }

    /** Splits a script on semicolons that end a line, after dropping {@code --} comment lines. */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            if (trimmed.endsWith(";")) {
                current.append(trimmed, 0, trimmed.length() - 1);
                out.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(line).append('\n');
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }

    static List<Migration> load(ClassLoader loader) {
        List<Migration> out = new ArrayList<>();
        for (String line : read(LOCATION + "index.txt", loader).split("\\R")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            Matcher m = NAME.matcher(name);
            if (!m.matches()) {
                throw new IllegalStateException("bad migration name in index.txt: " + name);
            }
            out.add(new Migration(Integer.parseInt(m.group(1)), m.group(2).replace('_', ' '), LOCATION + name));
        }
        return out;
    }

    private static String read(String resource, ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing migration resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
