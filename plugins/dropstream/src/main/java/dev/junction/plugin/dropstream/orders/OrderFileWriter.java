package dev.junction.plugin.dropstream.orders;

import dev.junction.plugin.dropstream.sftp.RemoteFile;
import dev.junction.plugin.dropstream.sftp.SftpSession;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Puts an order file into the warehouse's inbox exactly once, in one SFTP session:
 * <ol>
 *   <li>look for a file of this order in {@code /in/archive} (ingested), then {@code /in} (waiting) — in
 *       that order, because the warehouse moves files from the one to the other;</li>
 *   <li>delete any {@code .tmp} of this order: an upload a crash interrupted, never read by the warehouse;</li>
 *   <li>upload as {@code <name>.tmp}, then rename to {@code <name>.csv}. The warehouse reads only
 *       {@code *.csv}, and a rename is atomic on the server, so it never sees half a file.</li>
 * </ol>
 * A crash after the upload leaves only a {@code .tmp}, cleaned up by the retry; a crash after the rename
 * leaves the {@code .csv}, found by the retry. Either way: one file, read once.
 */
public final class OrderFileWriter {

    /** A test seam: runs between upload and rename (where a crash is most telling). */
    @FunctionalInterface
    public interface Hook {
        void afterUpload(String tmpPath) throws IOException;
    }

    public record Result(String file, String folder, boolean written, int staleRemoved) {
    }

    private final String in;
    private final Hook hook;

    public OrderFileWriter(String inFolder, Hook hook) {
        this.in = inFolder;
        this.hook = hook == null ? tmp -> { } : hook;
    }

    public Result write(SftpSession s, OrderFile file) throws IOException {
        String id = OrderFile.fileId(file.orderNumber());
        Pattern mine = Pattern.compile("ord_" + Pattern.quote(id) + "_\\d{12}\\.csv");
        Optional<RemoteFile> existing = find(s.list(in + "/archive"), mine);
        List<RemoteFile> inbox = s.list(in);
        if (existing.isEmpty()) {
            existing = find(inbox, mine);
        }
        Pattern tmpOfMine = Pattern.compile("ord_" + Pattern.quote(id) + "_\\d{12}\\.(tmp|csv\\.tmp)");
        int stale = 0;
        for (RemoteFile f : inbox) {
            if (tmpOfMine.matcher(f.name()).matches() && s.removeIfExists(f.path())) {
                stale++;
            }
        }
        if (existing.isPresent()) {
            return new Result(existing.get().name(), existing.get().folder(), false, stale);
        }
        String tmp = in + "/" + file.base() + ".tmp";
        s.write(tmp, file.content());
        hook.afterUpload(tmp);
        s.rename(tmp, in + "/" + file.fileName());
        return new Result(file.fileName(), in, true, stale);
    }

    private static Optional<RemoteFile> find(List<RemoteFile> files, Pattern p) {
        return files.stream().filter(f -> p.matcher(f.name()).matches()).findFirst();
    }
}
