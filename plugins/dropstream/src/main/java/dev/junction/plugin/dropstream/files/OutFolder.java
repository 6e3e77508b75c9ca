package dev.junction.plugin.dropstream.files;

import dev.junction.plugin.dropstream.api.DropStreamConfig;
import dev.junction.plugin.dropstream.sftp.RemoteFile;
import dev.junction.plugin.dropstream.sftp.SftpGateway;
import io.vertx.core.Future;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The warehouse's {@code /out} folder. New files are read in place and only moved once their records were
 * handed to the hub: to {@code /out/processed} (read once; a file with some bad lines also gets a
 * {@code <name>.error.txt} there), or to {@code /out/rejected} with {@code <name>.error.txt} when nothing in
 * it could be read. A crash before the move means the file is read again, which the hub dedupes.
 */
public final class OutFolder {
    /** At most this many files are taken into one poll; the rest wait for the next. */
    public static final int FILES_PER_POLL = 200;

    public record Fetched(RemoteFile file, String content) {
    }

    /** Where a file goes when done; {@code errorText} null for a clean file. */
    public record Settlement(RemoteFile file, boolean rejected, String errorText) {
    }

    private final SftpGateway sftp;
    private final String out;

    public OutFolder(SftpGateway sftp, DropStreamConfig config) {
        this.sftp = sftp;
        this.out = config.outFolder();
    }

    public String processed() {
        return out + "/processed";
    }

    public String rejected() {
        return out + "/rejected";
    }

    /**
     * The files of this poll with their content: on the first page ({@code snapshot} null) the oldest
     * {@value #FILES_PER_POLL} new {@code <prefix>*.csv}; on later pages those of the snapshot still there.
     */
    public Future<List<Fetched>> read(String prefix, List<String> snapshot) {
        return sftp.run(s -> {
            List<RemoteFile> files = new ArrayList<>(s.list(out).stream()
                    .filter(f -> f.name().startsWith(prefix) && f.name().endsWith(".csv")).toList());
            if (snapshot == null) {
                files.sort(Comparator.comparing(RemoteFile::modifiedAt).thenComparing(RemoteFile::name));
                files = new ArrayList<>(files.subList(0, Math.min(files.size(), FILES_PER_POLL)));
            } else {
                Set<String> wanted = Set.copyOf(snapshot);
                files.removeIf(f -> !wanted.contains(f.name()));
            }
            List<Fetched> fetched = new ArrayList<>();
            for (RemoteFile f : files) {
                fetched.add(new Fetched(f, s.read(f.path())));
            }
            return fetched;
        });
    }

    public Future<Void> settle(List<Settlement> settlements) {
        if (settlements.isEmpty()) {
            return Future.succeededFuture();
        }
        return sftp.run(s -> {
            s.ensureFolder(processed());
            s.ensureFolder(rejected());
            for (Settlement st : settlements) {
                String folder = st.rejected() ? rejected() : processed();
                if (st.errorText() != null) {
                    s.write(folder + "/" + st.file().name() + ".error.txt", st.errorText());
                }
                s.move(st.file().path(), folder + "/" + st.file().name());
            }
            return null;
        });
    }

    /** Where a file with these findings ends up, for the messages of its problems. */
    public String destination(boolean rejected) {
        return rejected ? rejected() : processed();
    }
}
