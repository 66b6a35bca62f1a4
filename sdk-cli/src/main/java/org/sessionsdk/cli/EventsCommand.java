package org.sessionsdk.cli;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.sessionsdk.plesk.PleskClient;
import org.sessionsdk.plesk.PleskEvent;
import org.sessionsdk.plesk.PleskEventQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sessions events}: the Plesk action log, once or followed. */
@Command(name = "events", mixinStandardHelpOptions = true, footer = SecretLookup.HELP,
        description = "Print the Plesk action log; --follow keeps printing new entries.")
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
        if (connection.vendor != Connection.Vendor.plesk) {
            throw new IllegalArgumentException("events are read from Plesk only (--vendor plesk)");
        }
        PleskEventQuery q = fromId == null ? PleskEventQuery.all() : PleskEventQuery.builder().fromId(fromId).build();
        try (PleskClient plesk = (PleskClient) connection.open(term);
             Stream<PleskEvent> events = follow ? plesk.eventLog().follow(q, poll) : plesk.eventLog().stream(q)) {
            Stream<PleskEvent> s = limit == null ? events : events.limit(limit);
            if (format.siem() != null) {
                // each entry is flushed as it comes, as the table is: --follow prints while it waits
                SiemLines.writeAll(s.map(PleskEvent::toAuditEvent), format, term, (w, e) -> {
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
        return ExitCodes.OK;
    }

    private static void flush(java.io.Flushable w) {
        try {
            w.flush();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static List<String> row(PleskEvent e) {
        return java.util.Arrays.asList(String.valueOf(e.id()), e.time().toString(), e.type(), e.objectClass(),
                e.objectId(), e.user(), e.host());
    }
}
