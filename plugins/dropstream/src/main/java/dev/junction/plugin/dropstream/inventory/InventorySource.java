package dev.junction.plugin.dropstream.inventory;

import dev.junction.api.source.PollRequest;
import dev.junction.api.source.SourceHandler;
import dev.junction.api.source.SourcePage;
import dev.junction.api.source.SourceRecord;
import dev.junction.plugin.dropstream.files.DsfxTable;
import dev.junction.plugin.dropstream.files.FileReader;
import dev.junction.plugin.dropstream.files.OutFolder;
import dev.junction.plugin.dropstream.files.Pager;
import dev.junction.plugin.dropstream.files.Problem;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code inventory}: stock levels from the warehouse's {@code inv_*.csv} files in {@code /out}
 * ({@code sku,warehouse,on_hand,available}, absolute levels). One record per SKU and warehouse code (id
 * {@code <sku>@<code>}), timed by the file; when two files of one poll name the same SKU, the newer file
 * wins. Files are read once, then moved to {@code /out/processed} (or {@code /out/rejected}); a bad line
 * becomes a skipped record with its line number and reason while the file's other lines sync. There is
 * nothing to fetch by id: the files are the only source, so {@link #fetch} answers empty.
 */
public final class InventorySource implements SourceHandler {
    public static final List<String> COLUMNS = List.of("sku", "warehouse", "on_hand", "available");

    private final OutFolder out;
    private final Logger log;

    public InventorySource(OutFolder out, Logger log) {
        this.out = out;
        this.log = log;
    }

    record Row(String sku, String warehouse, int onHand, int available) {
    }

    static Row row(DsfxTable.Line l) {
        int onHand = DsfxTable.count(l, "on_hand");
        String available = l.get("available");
        return new Row(DsfxTable.required(l, "sku"), DsfxTable.required(l, "warehouse"), onHand,
                available.isEmpty() ? onHand : DsfxTable.count(l, "available"));
    }

    @Override
    public Future<SourcePage> poll(PollRequest request) {
        Pager.Token token;
        try {
            token = Pager.Token.decode(request.pageToken());
        } catch (RuntimeException e) {
            return Future.failedFuture(new IllegalArgumentException("unreadable page token"));
        }
        return out.read("inv_", token == null ? null : token.files()).compose(files -> {
            FileReader.Result<Row> read = FileReader.read(files, COLUMNS, InventorySource::row, out, log);
            Map<String, Instant> times = new HashMap<>();
            files.forEach(f -> times.put(f.file().name(), f.file().modifiedAt()));
            Map<String, Pager.Entry> entries = new LinkedHashMap<>();
            for (FileReader.Read<Row> r : read.values()) {
                Row v = r.value();
                String id = v.sku() + "@" + v.warehouse();
                Instant at = times.get(r.file());
                JsonObject payload = new JsonObject().put("sku", v.sku()).put("warehouse", v.warehouse()).put("on_hand", v.onHand())
                        .put("available", v.available()).put("as_of", at.toString()).put("file", r.file());
                Pager.Entry old = entries.get(id);
                Set<String> from = new LinkedHashSet<>(old == null ? Set.of() : old.files());
                from.add(r.file());
                boolean newer = old == null || at.isAfter(old.at())
                        || at.equals(old.at()) && r.file().compareTo(old.payload().getString("file")) >= 0;
                entries.put(id, newer ? new Pager.Entry(id, at, payload, from) : new Pager.Entry(id, old.at(), old.payload(), from));
            }
            for (Problem p : read.problems()) {
                entries.put(p.recordId(), new Pager.Entry(p.recordId(), times.get(p.file()), p.toPayload(), Set.of(p.file())));
            }
            List<String> names = files.stream().map(f -> f.file().name()).toList();
            Pager.Page page = Pager.page(new ArrayList<>(entries.values()), token, request.pageSize(), names);
            List<SourceRecord> records = page.entries().stream()
                    .map(e -> new SourceRecord(e.id(), e.id(), e.at(), null, e.payload())).toList();
            return out.settle(page.settle().stream().map(read.settlements()::get).toList())
                    .map(v -> new SourcePage(records, page.next()));
        });
    }

    @Override
    public Future<Optional<SourceRecord>> fetch(String id, JsonObject options) {
        return Future.succeededFuture(Optional.empty());
    }
}
