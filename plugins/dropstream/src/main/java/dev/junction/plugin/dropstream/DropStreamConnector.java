package dev.junction.plugin.dropstream;

import dev.junction.api.CheckResult;
import dev.junction.api.ConfigField;
import dev.junction.api.ConfigSchema;
import dev.junction.api.ConnectionContext;
import dev.junction.api.Connector;
import dev.junction.api.ConnectorDescriptor;
import dev.junction.api.HandlerRegistry;
import dev.junction.api.error.PermanentException;
import dev.junction.api.model.Fulfilment;
import dev.junction.api.model.InventoryLevel;
import dev.junction.api.model.Shipment;
import dev.junction.plugin.dropstream.api.DropStreamConfig;
import dev.junction.plugin.dropstream.inventory.InventoryMapper;
import dev.junction.plugin.dropstream.inventory.InventorySource;
import dev.junction.plugin.dropstream.orders.OrderSink;
import dev.junction.plugin.dropstream.shipments.ShipmentMapper;
import dev.junction.plugin.dropstream.shipments.ShipmentsSource;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.pf4j.Extension;

/**
 * The DropStream connector. The hub is a sales channel to DropStream, which fronts the warehouse: fulfilments
 * go in as DSFX order files over SFTP ({@code orders} sink), and shipments ({@code shipments}: API and
 * {@code shp_*.csv}) and stock ({@code inventory}: {@code inv_*.csv}) come back.
 */
@Extension
public final class DropStreamConnector implements Connector {
    public static final String ID = "dropstream";

    static final ConfigSchema SCHEMA = ConfigSchema.of(
            ConfigField.required("username", ConfigField.Type.STRING,
                    "DropStream API user (from your DropStream administrator); used to read orders and shipments"),
            ConfigField.secret("password", "Password of that DropStream API user; the hub trades it for short-lived tokens"),
            ConfigField.optional("baseUrl", ConfigField.Type.URL, "DropStream API address; change only for the sandbox",
                    DropStreamConfig.DEFAULT_BASE_URL),
            ConfigField.required("sftpHost", ConfigField.Type.STRING,
                    "Host name of the warehouse's SFTP server for the DSFX file exchange (from the warehouse or DropStream)"),
            ConfigField.optional("sftpPort", ConfigField.Type.INTEGER, "Port of that SFTP server", "22"),
            ConfigField.required("sftpUser", ConfigField.Type.STRING, "SFTP user name of the file exchange"),
            ConfigField.optionalSecret("sftpPassword", "SFTP password; leave empty when you use a private key"),
            ConfigField.optionalSecret("sftpPrivateKey",
                    "SFTP private key in PEM or OpenSSH format, unencrypted, including the BEGIN and END lines; its public "
                            + "key must be authorised on the server"),
            ConfigField.optional("sftpHostKeyFingerprint", ConfigField.Type.STRING,
                    "The server's host key fingerprint (e.g. SHA256:...), to refuse any other server; ask the warehouse", null),
            ConfigField.optional("sftpInFolder", ConfigField.Type.STRING, "Folder the warehouse reads orders from", "/in"),
            ConfigField.optional("sftpOutFolder", ConfigField.Type.STRING,
                    "Folder the warehouse writes shipment and stock files to", "/out"));

    @Override
    public ConnectorDescriptor descriptor() {
        return new ConnectorDescriptor(ID, "DropStream", "0.1.0", SCHEMA);
    }

    @Override
    public Future<CheckResult> check(ConnectionContext context) {
        DropStreamConnection ds;
        try {
            ds = DropStreamConnection.open(context);
        } catch (PermanentException e) {
            return Future.succeededFuture(CheckResult.failed(e.getMessage()));
        }
        DropStreamConfig c = ds.config();
        return ds.api().authenticate()
                .recover(e -> Future.failedFuture(new CheckFailure(e instanceof PermanentException ? e.getMessage()
                        : "could not reach the DropStream API at " + c.baseUrl() + " (" + e.getMessage()
                        + "); check the hub's network and 'baseUrl'")))
                .compose(v -> ds.sftp().run(s -> s.list(c.inFolder()).size() + (s.exists(c.inFolder()) ? 0 : -1))
                        .recover(e -> Future.failedFuture(new CheckFailure(e.getMessage()))))
                .map(files -> files < 0
                        ? CheckResult.failed("DropStream accepted API user '" + c.username() + "' and the SFTP login of '"
                        + c.sftpUser() + "' works, but folder " + c.inFolder() + " does not exist on the SFTP server: "
                        + "ask the warehouse for the inbox folder and set 'sftpInFolder'")
                        : CheckResult.ok("DropStream accepted API user '" + c.username() + "'; SFTP login of '" + c.sftpUser()
                        + "' at " + c.sftpHost() + ":" + c.sftpPort() + " works and " + c.inFolder() + " holds " + files + " file(s)"))
                .recover(e -> Future.succeededFuture(CheckResult.failed(e instanceof CheckFailure ? e.getMessage()
                        : "check failed: " + e.getMessage())));
    }

    /** A check step's failure, already worded for the merchant. */
    private static final class CheckFailure extends RuntimeException {
        CheckFailure(String message) {
            super(message, null, false, false);
        }
    }

    @Override
    public void register(ConnectionContext context, HandlerRegistry registry) {
        DropStreamConnection ds = DropStreamConnection.open(context);
        registry.sink("orders", Fulfilment.class, new OrderSink(context, ds.api(), ds.sftp(), ds.config().inFolder(), null));
        registry.source("shipments", new ShipmentsSource(ds.api(), ds.out(), context.logger()));
        registry.source("inventory", new InventorySource(ds.out(), context.logger()));
        registry.mapper("shipments", JsonObject.class, Shipment.class, new ShipmentMapper());
        registry.mapper("inventory", JsonObject.class, InventoryLevel.class, new InventoryMapper());
    }
}
