package dev.junction.sandbox.dropstream;

import dev.junction.sandbox.core.Faults;
import dev.junction.sandbox.core.Simulator;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.Router;

import java.nio.file.Path;

/**
 * DropStream: its read API over HTTP ({@link DropStreamApi}) and a warehouse reached through a real SFTP
 * server ({@link DropStreamSftp}, file layouts in {@link DsfxFormat}, behaviour in {@link DropStreamWarehouse}).
 * The SFTP server starts when the simulator is attached to its HTTP server; wait for {@link #sftpReady()}
 * (or {@code GET /_sandbox/sftp}) for its port, and call {@link #close()} when done, since
 * {@code SimulatorServer.stop()} only closes the HTTP side. {@link #reset()} clears state and empties the
 * folders shortly after (on the file worker). Control routes: {@link DropStreamControl}.
 */
public final class DropStreamSimulator implements Simulator {
    private final DropStreamOptions options;
    private final DropStreamStore store;
    private final DropStreamStats stats = new DropStreamStats();
    private final DropStreamApi api;
    private final DropStreamSftp sftp;
    private final DropStreamWarehouse warehouse;
    private final Promise<Integer> sftpReady = Promise.promise();
    private Vertx vertx;
    private WorkerExecutor files;

    public DropStreamSimulator(DropStreamOptions options) {
        this.options = options;
        this.store = new DropStreamStore(options);
        this.api = new DropStreamApi(options, store, stats);
        this.sftp = new DropStreamSftp(options);
        this.warehouse = new DropStreamWarehouse(options, store, stats, sftp);
    }

    public DropStreamSimulator() {
        this(DropStreamOptions.defaults());
    }

    public DropStreamOptions options() {
        return options;
    }

    @Override
    public String name() {
        return "dropstream";
    }

    @Override
    public void attach(Vertx vertx, Faults faults, String baseUrl) {
        this.vertx = vertx;
        api.attach(faults);
        // One worker thread for all file work: SFTP start, polling, shipment and inventory files, in order.
        files = vertx.createSharedWorkerExecutor("dropstream-files-" + System.identityHashCode(this), 1);
        files.executeBlocking(sftp::start).onComplete(ar -> {
            if (ar.succeeded()) warehouse.start(vertx, files);
            sftpReady.handle(ar);
        });
    }

    @Override
    public void routes(Router router) {
        api.routes(router);
        new DropStreamControl(options, store, stats, warehouse, this::sftpReady,
                () -> sftp.root() == null ? null : sftp.root().toString()).routes(router);
    }

    @Override
    public void reset() {
        store.reset();
        stats.reset();
        api.reset();
        if (files != null) warehouse.wipe();
    }

    /** Completes with the SFTP port once the server listens. */
    public Future<Integer> sftpReady() {
        return sftpReady.future();
    }

    /** The directory served as the SFTP root (null before start). */
    public Path sftpRoot() {
        return sftp.root();
    }

    /** Stops polling and the SFTP server, and deletes the root when it was a temporary directory. */
    public Future<Void> close() {
        warehouse.stop();
        if (files == null) return Future.succeededFuture();
        return files.<Void>executeBlocking(() -> {
            sftp.stop();
            return null;
        }).eventually(() -> files.close());
    }
}
