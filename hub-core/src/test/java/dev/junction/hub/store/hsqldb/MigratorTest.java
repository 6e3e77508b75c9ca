package dev.junction.hub.store.hsqldb;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.net.URLClassLoader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MigratorTest {

    private static Connection memory() throws Exception {
        Connection c = DriverManager.getConnection("jdbc:hsqldb:mem:mig-" + UUID.randomUUID() + ";shutdown=true",
                "SA", "");
        c.setAutoCommit(false);
        return c;
    }

    @Test
    void everyScriptInTheFolderIsListedInTheIndexInOrder() throws Exception {
        Path folder = Path.of("src/main/resources/db/migration");
        List<String> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted().toList();
        }
        List<String> listed = new Migrator().migrations().stream()
                .map(m -> m.resource().substring(Migrator.LOCATION.length())).toList();
        assertThat(listed).containsExactlyInAnyOrderElementsOf(files);
    }

    @Test
    void migratesAFreshDatabaseThenFindsNothingToDo() throws Exception {
        try (Connection c = memory()) {
            Migrator migrator = new Migrator();
            assertThat(migrator.migrate(c)).containsExactly(1, 2, 3);
            assertThat(migrator.migrate(c)).isEmpty();
            assertThat(Migrator.currentVersion(c)).isEqualTo(3);
            try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM sync_record")) {
                assertThat(rs.next()).isTrue();
            }
        }
    }

    @Test
    void appliesOnlyTheScriptsNotYetApplied() throws Exception {
        try (Connection c = memory()) {
            List<Migrator.Migration> all = new Migrator().migrations();
            assertThat(new Migrator(all.subList(0, 1)).migrate(c)).containsExactly(1);
            assertThat(new Migrator(all).migrate(c)).containsExactly(2, 3);
        }
    }

    @Test
    void refusesADatabaseNewerThanTheCode() throws Exception {
        try (Connection c = memory()) {
            new Migrator().migrate(c);
            List<Migrator.Migration> older = new Migrator().migrations().subList(0, 1);
            assertThatThrownBy(() -> new Migrator(older).migrate(c))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("schema version 3").hasMessageContaining("only knows versions up to 1");
        }
    }

    @Test
    void aFailingScriptNamesItsVersionAndIsNotRecorded(@TempDir Path scripts) throws Exception {
        Files.createDirectories(scripts.resolve("db"));
        Files.writeString(scripts.resolve("db/broken.sql"), "CREATE TABLE IF NOT EXISTS half (x INT);\nCREATE TABLE nonsense (;\n");
        List<Migrator.Migration> withBroken = List.of(new Migrator().migrations().get(0),
                new Migrator.Migration(2, "broken", "db/broken.sql"));
        try (Connection c = memory();
             URLClassLoader loader = new URLClassLoader(new URL[]{scripts.toUri().toURL()}, getClass().getClassLoader())) {
            assertThatThrownBy(() -> new Migrator(withBroken, loader).migrate(c))
                    .hasMessageContaining("V2 (broken)");
            assertThat(Migrator.currentVersion(c)).isEqualTo(1);

            // Fixed, the script runs again from the top; its IF NOT EXISTS makes the half-done part harmless.
            Files.writeString(scripts.resolve("db/broken.sql"), "CREATE TABLE IF NOT EXISTS half (x INT);\n");
            assertThat(new Migrator(withBroken, loader).migrate(c)).containsExactly(2);
        }
    }

    @Test
    void numberingMustHaveNoGaps() {
        assertThatThrownBy(() -> new Migrator(List.of(new Migrator.Migration(2, "x", "y"))))
                .hasMessageContaining("without gaps");
    }

    @Test
    void splitsStatementsAndDropsComments() {
        assertThat(Migrator.statements("-- a comment\nCREATE TABLE a (\n  x INT\n);\n\nCREATE INDEX i ON a (x);\n"))
                .containsExactly("CREATE TABLE a (\n  x INT\n)", "CREATE INDEX i ON a (x)");
    }
}
