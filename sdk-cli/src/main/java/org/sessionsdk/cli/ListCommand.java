package org.sessionsdk.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.sessionsdk.core.session.SessionRecord;
import org.sessionsdk.core.session.SessionSource;
import org.sessionsdk.core.session.TimeRange;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sessions list}: one vendor's sessions in the unified form. */
@Command(name = "list", mixinStandardHelpOptions = true, footer = SecretLookup.HELP,
        description = "List sessions from one vendor in the unified form.")
final class ListCommand implements Callable<Integer> {
    static final List<Format.Column> COLUMNS = List.of(new Format.Column("vendor", 11), new Format.Column("id", 20),
            new Format.Column("user", 14), new Format.Column("source", 15), new Format.Column("target", 22),
            new Format.Column("protocol", 8), new Format.Column("start", 24), new Format.Column("end", 24),
            new Format.Column("last_activity", 24));

    @Mixin
    Connection connection;

    @Option(names = "--from", description = "only sessions active at or after this instant (ISO-8601, e.g. 2026-11-01T00:00:00Z)")
    Instant from;

    @Option(names = "--to", description = "only sessions that started before this instant")
    Instant to;

    @Option(names = "--format", description = "table, jsonl or csv (default table)")
    Format format = Format.table;

    @Option(names = {"-q", "--quiet"}, description = "no progress line on stderr")
    boolean quiet;

    private final Terminal term;

    ListCommand(Terminal term) {
        this.term = term;
    }

    @Override
    public Integer call() throws Exception {
        SessionSource source = connection.open(term);
        Progress progress = new Progress(term.err(), term.errIsTerminal(), quiet);
        try (AutoCloseable client = (AutoCloseable) source;
             Stream<SessionRecord> records = source.sessionRecords(new TimeRange(from, to));
             Format.RowWriter out = format.writer(COLUMNS, term.out())) {
            records.forEach(r -> {
                out.row(row(r));
                progress.tick();
            });
        } finally {
            progress.done();
        }
        return ExitCodes.OK;
    }

    static List<String> row(SessionRecord r) {
        List<String> v = new ArrayList<>(9);
        v.add(r.vendor());
        v.add(r.id());
        v.add(r.user());
        v.add(r.sourceAddress());
        v.add(r.target());
        v.add(r.protocol());
        v.add(r.start() == null ? null : r.start().toString());
        v.add(r.end() == null ? null : r.end().toString());
        v.add(r.lastActivity() == null ? null : r.lastActivity().toString());
        return v;
    }
}
