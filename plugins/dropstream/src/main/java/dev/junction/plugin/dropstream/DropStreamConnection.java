package dev.junction.plugin.dropstream;

import dev.junction.api.ConnectionContext;
import dev.junction.plugin.dropstream.api.DropStreamApi;
import dev.junction.plugin.dropstream.api.DropStreamConfig;
import dev.junction.plugin.dropstream.files.OutFolder;
import dev.junction.plugin.dropstream.sftp.SftpGateway;

/** One configured DropStream connection: its settings, API client, SFTP gateway and {@code /out} folder. */
public record DropStreamConnection(ConnectionContext ctx, DropStreamConfig config, DropStreamApi api, SftpGateway sftp,
                                   OutFolder out) {

    /** Reads the settings (a {@link dev.junction.api.error.PermanentException} names what is missing); no I/O. */
    public static DropStreamConnection open(ConnectionContext ctx) {
        DropStreamConfig config = DropStreamConfig.from(ctx.config());
        SftpGateway sftp = new SftpGateway(ctx.vertx(), config, ctx.logger());
        return new DropStreamConnection(ctx, config, new DropStreamApi(ctx, config), sftp, new OutFolder(sftp, config));
    }
}
