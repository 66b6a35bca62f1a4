package org.sessionsdk.cli;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.sessionsdk.core.audit.AuditEvent;
import org.sessionsdk.core.client.SessionClient;
import org.sessionsdk.core.session.TimeRange;
import org.sessionsdk.export.JsonLinesWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sessions audit}: one vendor's audit log (Plesk action log, Ekran alerts, SAYMON audit log) in the unified form. */
@Command(name = "audit", mixinStandardHelpOptions = true, footer = SecretLookup.HELP,
        description = "Print audit entries from one vendor in the unified form (plesk, ekran or saymon).")
final class AuditCommand implements Callable<Integer> {
    // ids are never cut; free text (actor, action, message) may be
    static final List<Format.Column> COLUMNS = List.of(Format.Column.of("vendor", 11), Format.Column.of("id", 12),
            Format.Column.of("time", 20), Format.Column.text("actor", 14), Format.Column.of("source", 15),
            Format.Column.text("action", 16), Format.Column.of("object_type", 12), Format.Column.of("object_id", 20),
            Format.Column.text("message", 30));

    @Mixin
    Connection connection;

    @Option(names = "--from", description = "only entries at or after this instant (ISO-8601, e.g. 2026-11-01T00:00:00Z)")
    Instant from;

    @Option(names = "--to", description = "only entries before this instant")
    Instant to;

    @Option(names = "--format", description = "table, jsonl, csv, ocsf or ecs (default table); jsonl and csv add the vendor's attributes; ocsf/ecs write SIEM documents (OCSF 1.8.0, ECS 9.4.0)")
    Format format = Format.table;

    @Option(names = {"-q", "--quiet"}, description = "no progress line on stderr")
    boolean quiet;

    private final Terminal term;

    AuditCommand(Terminal term) {
        this.term = term;
    }

    @Override
    public Integer call() throws Exception {
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("--to " + to + " is before --from " + from);
        }
        List<String> attributeColumns = connection.auditAttributes();
        Progress progress = new Progress(term.err(), term.errIsTerminal(), quiet);
        try (SessionClient client = connection.open(term);
             Stream<AuditEvent> events = client.audit().orElseThrow().auditEvents(new TimeRange(from, to))) {
            if (format.siem() != null) {
                SiemLines.writeAll(events, format, term, JsonLinesWriter::write, progress::tick);
                return ExitCodes.OK;
            }
            Format.writeAll(events, () -> format.writer(COLUMNS, attributeColumns, term.out()), (out, e) -> {
                out.row(row(e), attributes(e, attributeColumns));
                progress.tick();
            });
        } finally {
            progress.done();
        }
        return ExitCodes.OK;
    }

    static List<String> row(AuditEvent e) {
        return Arrays.asList(e.vendor(), e.id(), e.time() == null ? null : e.time().toString(), e.actor(),
                e.sourceAddress(), e.action(), e.objectType(), e.objectId(), e.message());
    }

    /** The entry's attributes: the vendor's known ones in their order, then any others by name. */
    static Map<String, String> attributes(AuditEvent e, List<String> known) {
        return Format.inColumnOrder(e.attributes(), known);
    }
}
