package org.sessionsdk.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.sessionsdk.core.audit.AuditEvent;
import org.sessionsdk.core.client.NumberedAuditLog;
import org.sessionsdk.core.client.SessionClient;
import org.sessionsdk.core.client.SessionClients;
import org.sessionsdk.core.client.VendorProvider;
import org.sessionsdk.core.session.SessionAudit;
import org.sessionsdk.core.session.SessionSource;
import org.sessionsdk.core.session.TimeRange;
import org.sessionsdk.testkit.Simulator;
import org.sessionsdk.testkit.SimulatorProvider;
import org.sessionsdk.testkit.Simulators;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sessions demo}: starts every vendor's simulator on loopback (those on the class path), prints
 * one table of everybody's sessions across all of them, then the tail of each numbered audit log.
 * Nothing leaves this machine.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start the simulators on 127.0.0.1 and show the unified view across all vendors.")
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--sessions", description = "sessions per simulator (default 4)")
    int sessions = 4;

    private final Terminal term;

    DemoCommand(Terminal term) {
        this.term = term;
    }

    @Override
    public Integer call() {
        List<Simulator> sims = new ArrayList<>();
        List<SessionClient> clients = new ArrayList<>();
        try {
            List<String> where = new ArrayList<>();
            for (SimulatorProvider<?> p : Simulators.all()) {
                Simulator sim = p.start();
                sims.add(sim);
                sim.withSessions(sessions);
                p.numberedAuditEntriesOf(sim, 40);
                clients.add(SessionClients.open(p.vendor(), p.settingsOf(sim)));
                where.add(p.vendor() + " " + sim.endpoint());
            }
            term.out().println("Simulators on 127.0.0.1: " + String.join(", ", where));
            term.out().println();

            List<SessionSource> sources = List.copyOf(clients);
            SessionAudit.Result result = SessionAudit.of(sources).collect(TimeRange.all());
            try (Format.RowWriter out = Format.table.writer(ListCommand.COLUMNS, term.out())) {
                result.records().forEach(r -> out.row(ListCommand.row(r)));
            }
            term.out().println();
            for (SessionAudit.Outcome o : result.outcomes()) {
                term.out().println(o.vendor() + ": " + (o.failed() ? "FAILED " + o.error().getMessage() : o.count() + " sessions"));
            }
            for (SessionClient c : clients) {
                c.numberedAuditLog().ifPresent(log -> tail(SessionClients.provider(c.vendor()), log));
            }
        } finally {
            clients.forEach(SessionClient::close);
            sims.forEach(Simulator::close);
        }
        return ExitCodes.OK;
    }

    private void tail(VendorProvider vendor, NumberedAuditLog log) {
        term.out().println();
        term.out().println(vendor.product().name() + " " + vendor.auditLogName() + ", last 5 entries:");
        long last = log.lastId();
        try (Stream<AuditEvent> tail = log.from(Math.max(1, last - 4));
             Format.RowWriter out = Format.table.writer(EventsCommand.COLUMNS, term.out())) {
            tail.forEach(e -> out.row(EventsCommand.row(e)));
        }
    }
}
