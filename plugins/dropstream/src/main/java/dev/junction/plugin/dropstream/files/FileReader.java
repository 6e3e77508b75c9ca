package dev.junction.plugin.dropstream.files;

import org.slf4j.Logger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the files of a poll into values, line by line: good lines become values, each bad line a
 * {@link Problem}, and a file that cannot be read at all one problem and a move to {@code /out/rejected}.
 * The valid lines of a file with a bad line still sync. Every problem is also logged.
 */
public final class FileReader {
    private FileReader() {
    }

    /** Reads one data line; throws {@link IllegalArgumentException} saying what is wrong with it. */
    @FunctionalInterface
    public interface LineReader<T> {
        T read(DsfxTable.Line line);
    }

    /** A value and where it came from. */
    public record Read<T>(String file, int line, T value) {
    }

    public record Result<T>(List<Read<T>> values, List<Problem> problems, Map<String, OutFolder.Settlement> settlements) {
    }

    public static <T> Result<T> read(List<OutFolder.Fetched> files, List<String> columns, LineReader<T> reader,
                                     OutFolder folder, Logger log) {
        List<Read<T>> values = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, OutFolder.Settlement> settlements = new HashMap<>();
        for (OutFolder.Fetched f : files) {
            String name = f.file().name();
            List<Problem> mine = new ArrayList<>();
            boolean unreadable = false;
            int good = 0;
            try {
                DsfxTable.Parsed parsed = DsfxTable.parse(f.content(), columns);
                for (DsfxTable.Line line : parsed.lines()) {
                    try {
                        values.add(new Read<>(name, line.line(), reader.read(line)));
                        good++;
                    } catch (IllegalArgumentException e) {
                        mine.add(new Problem(name, null, line.line(), e.getMessage()));
                    }
                }
                parsed.bad().forEach(b -> mine.add(new Problem(name, null, b.line(), b.reason())));
                unreadable = good == 0 && !mine.isEmpty();
            } catch (DsfxTable.Unreadable e) {
                unreadable = true;
                mine.add(new Problem(name, null, e.line(), e.getMessage()));
            }
            String movedTo = folder.destination(unreadable);
            StringBuilder text = new StringBuilder();
            for (Problem p : mine) {
                Problem placed = new Problem(p.file(), movedTo, p.line(), p.reason());
                problems.add(placed);
                text.append("line ").append(p.line()).append(": ").append(p.reason()).append('\n');
                log.warn("{}", placed.describe());
            }
            settlements.put(name, new OutFolder.Settlement(f.file(), unreadable, mine.isEmpty() ? null : text.toString()));
        }
        values.sort((a, b) -> a.file().equals(b.file()) ? Integer.compare(a.line(), b.line()) : a.file().compareTo(b.file()));
        return new Result<>(values, problems, settlements);
    }
}
