package dev.junction.plugin.dropstream.sftp;

import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The few SFTP operations the file exchange needs, over one open SFTP channel. Blocking. */
public final class SftpSession {
    private final SftpClient sftp;

    SftpSession(SftpClient sftp) {
        this.sftp = sftp;
    }

    /** Regular files in {@code folder}, by name; empty when the folder does not exist. */
    public List<RemoteFile> list(String folder) throws IOException {
        List<RemoteFile> out = new ArrayList<>();
        try {
            for (SftpClient.DirEntry e : sftp.readDir(folder)) {
                SftpClient.Attributes a = e.getAttributes();
                if (a.isRegularFile()) {
                    FileTime t = a.getModifyTime();
                    out.add(new RemoteFile(folder, e.getFilename(), a.getSize(), t == null ? Instant.EPOCH : t.toInstant()));
                }
            }
        } catch (SftpException e) {
            if (e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_FILE || e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_PATH) {
                return List.of();
            }
            throw e;
        }
        out.sort(Comparator.comparing(RemoteFile::name));
        return out;
    }

    public String read(String path) throws IOException {
        try (InputStream in = sftp.read(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Creates or replaces {@code path}. */
    public void write(String path, String content) throws IOException {
        try (OutputStream out = sftp.write(path, SftpClient.OpenMode.Write, SftpClient.OpenMode.Create,
                SftpClient.OpenMode.Truncate)) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Renames; fails when {@code to} exists (SFTP v3 semantics), which callers rely on to never overwrite. */
    public void rename(String from, String to) throws IOException {
        sftp.rename(from, to);
    }

    /** Moves {@code from} to {@code to}, replacing what was there (for archive folders of our own). */
    public void move(String from, String to) throws IOException {
        removeIfExists(to);
        sftp.rename(from, to);
    }

    /** True when it was there and is now gone. */
    public boolean removeIfExists(String path) throws IOException {
        try {
            sftp.remove(path);
            return true;
        } catch (SftpException e) {
            if (e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_FILE || e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_PATH) {
                return false;
            }
            throw e;
        }
    }

    public boolean exists(String path) throws IOException {
        try {
            sftp.stat(path);
            return true;
        } catch (SftpException e) {
            if (e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_FILE || e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_PATH) {
                return false;
            }
            throw e;
        }
    }

    /** Creates {@code folder} when missing (one level: its parent must exist). */
    public void ensureFolder(String folder) throws IOException {
        if (!exists(folder)) {
            try {
                sftp.mkdir(folder);
            } catch (SftpException e) {
                if (!exists(folder)) {
                    throw e;
                }
            }
        }
    }
}
