package org.sessionsdk.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.sessionsdk.core.session.SessionRecord;
import org.sessionsdk.core.client.SessionClient;
import org.sessionsdk.core.session.TimeRange;
import org.sessionsdk.export.JsonLinesWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sessions list}: one vendor's sessions in the unified form. */
@Command(name = "list", mixinStandardHelpOptions = true, footer = SecretLookup.HELP,
        description = "List sessions from one vendor in the unified form.")
final class ListCommand implements Callable<Integer> {
    // ids are never cut (they are copied into `terminate`): 32 fits Plesk's hex ids, the longest;
    // only the user name is free text
    static final List<Format.Column> COLUMNS = List.of(Format.Column.of("vendor", 11), Format.Column.of("id", 32),
            Format.Column.text("user", 14), Format.Column.of("source", 15), Format.Column.of("target", 22),
            Format.Column.of("protocol", 8), Format.Column.of("start", 20), Format.Column.of("end", 20),
            Format.Column.of("last_activity", 20));

    @Mixin
    Connection connection;

    @Option(names = "--from", description = "only sessions active at or after this instant (ISO-8601, e.g. 2026-11-01T00:00:00Z)")
    Instant from;

    @Option(names = "--to", description = "only sessions that started before this instant")
    Instant to;

    @Option(names = "--format", description = "table, jsonl, csv, ocsf or ecs (default table); jsonl and csv add the vendor's attributes; ocsf/ecs write SIEM documents (OCSF 1.8.0, ECS 9.4.0), a logon and a logoff for an ended session")
    Format format = Format.table;

    @Option(names = {"-q", "--quiet"}, description = "no progress line on stderr")
    boolean quiet;

    private final Terminal term;

    ListCommand(Terminal term) {
        this.term = term;
    }

    @Override
    public Integer call() throws Exception {
        List<String> attributeColumns = connection.sessionAttributes();
        Progress progress = new Progress(term.err(), term.errIsTerminal(), quiet);
        try (SessionClient source = connection.open(term);
             Stream<SessionRecord> records = source.sessionRecords(new TimeRange(from, to))) {
            if (format.siem() != null) {
                SiemLines.writeAll(records, format, term, JsonLinesWriter::write, progress::tick);
                return ExitCodes.OK;
            }
            Format.writeAll(records, () -> format.writer(COLUMNS, attributeColumns, term.out()), (out, r) -> {
                out.row(row(r), attributes(r, attributeColumns));
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

    /** The record's attributes: the vendor's known ones in their order, then any others by name. */
    static Map<String, String> attributes(SessionRecord r, List<String> known) {
        return Format.inColumnOrder(r.attributes(), known);
    }
}
