package org.sessionsdk.cli;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.sessionsdk.core.audit.AuditEvent;
import org.sessionsdk.core.client.NumberedAuditLog;
import org.sessionsdk.core.client.SessionClient;
import org.sessionsdk.core.client.SessionClients;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sessions events}: a vendor's numbered audit log, from an entry's number on, once or followed. */
@Command(name = "events", mixinStandardHelpOptions = true, footer = SecretLookup.HELP,
        description = "Print a numbered audit log (each entry numbered, read from a number on); --follow keeps"
                + " printing new entries.")
final class EventsCommand implements Callable<Integer> {
    // the entry and object ids are never cut; only the user name is free text
    static final List<Format.Column> COLUMNS = List.of(Format.Column.of("id", 8), Format.Column.of("time", 20),
            Format.Column.of("type", 14), Format.Column.of("class", 14), Format.Column.of("object", 22),
            Format.Column.text("user", 12), Format.Column.of("host", 15));

    @Mixin
    Connection connection;

    @Option(names = "--from-id", description = "first entry to print (inclusive)")
    Long fromId;

    @Option(names = "--follow", description = "keep polling for new entries until interrupted")
    boolean follow;

    @Option(names = "--poll", description = "how often --follow polls (ISO-8601, default PT10S)")
    Duration poll = Duration.ofSeconds(10);

    @Option(names = "--limit", description = "stop after this many entries")
    Long limit;

    @Option(names = "--format", description = "table, jsonl, csv, ocsf or ecs (default table); ocsf/ecs write SIEM documents")
    Format format = Format.table;

    private final Terminal term;

    EventsCommand(Terminal term) {
        this.term = term;
    }

    @Override
    public Integer call() throws Exception {
        try (SessionClient client = connection.open(term)) {
            NumberedAuditLog log = client.numberedAuditLog().orElseThrow(() -> new IllegalArgumentException(
                    client.vendor() + " numbers no audit log; events are read from " + numbered()));
            long first = fromId == null ? 1 : fromId;
            try (Stream<AuditEvent> events = follow ? log.follow(first, poll) : log.from(first)) {
                Stream<AuditEvent> s = limit == null ? events : events.limit(limit);
                if (format.siem() != null) {
                    // each entry is flushed as it comes, as the table is: --follow prints while it waits
                    SiemLines.writeAll(s, format, term, (w, e) -> {
                        w.write(e);
                        flush(w);
                    }, () -> { });
                    return ExitCodes.OK;
                }
                Format.writeAll(s, () -> format.writer(COLUMNS, term.out()), (out, e) -> {
                    out.row(row(e));
                    term.out().flush();
                });
            }
        }
        return ExitCodes.OK;
    }

    /** The vendors whose clients number their audit log, found by asking a client of each (none is contacted). */
    private static String numbered() {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (var p : SessionClients.providers()) {
            if (p.hasAudit() && p.numbersAuditLog()) {
                out.add(p.name());
            }
        }
        return String.join(", ", out);
    }

    private static void flush(java.io.Flushable w) {
        try {
            w.flush();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static List<String> row(AuditEvent e) {
        return java.util.Arrays.asList(e.id(), e.time() == null ? null : e.time().toString(), e.action(),
                e.objectType(), e.objectId(), e.actor(), e.sourceAddress());
    }
}
