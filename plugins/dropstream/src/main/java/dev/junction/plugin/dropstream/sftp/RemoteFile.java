package dev.junction.plugin.dropstream.sftp;

import java.time.Instant;

/** A file in an SFTP folder: its folder, name and last modification time. */
public record RemoteFile(String folder, String name, long size, Instant modifiedAt) {
    public String path() {
        return folder + "/" + name;
    }
}
