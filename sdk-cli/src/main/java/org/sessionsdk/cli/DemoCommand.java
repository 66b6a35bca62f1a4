package org.sessionsdk.cli;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.sessionsdk.core.session.SessionAudit;
import org.sessionsdk.core.session.SessionSource;
import org.sessionsdk.core.session.TimeRange;
import org.sessionsdk.ekran.EkranClient;
import org.sessionsdk.plesk.PleskClient;
import org.sessionsdk.plesk.PleskEvent;
import org.sessionsdk.plesk.PleskEventQuery;
import org.sessionsdk.saymon.SaymonClient;
import org.sessionsdk.senhasegura.SenhaseguraClient;
import org.sessionsdk.testkit.EkranSimulator;
import org.sessionsdk.testkit.PleskSimulator;
import org.sessionsdk.testkit.SaymonSimulator;
import org.sessionsdk.testkit.SenhaseguraSimulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sessions demo}: starts the four vendor simulators on loopback, prints one table of
 * everybody's sessions across all of them, then the tail of the Plesk action log. Nothing leaves
 * this machine.
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
        try (PleskSimulator pleskSim = PleskSimulator.start().withSessions(sessions).withEvents(40);
             EkranSimulator ekranSim = EkranSimulator.start().withSessions(sessions);
             SaymonSimulator saymonSim = SaymonSimulator.start().withSessions(sessions);
             SenhaseguraSimulator pamSim = SenhaseguraSimulator.start().withSessions(sessions);
             PleskClient plesk = pleskSim.client();
             EkranClient ekran = ekranSim.client();
             SaymonClient saymon = saymonSim.client();
             SenhaseguraClient pam = pamSim.client()) {
            term.out().println("Simulators on 127.0.0.1: plesk " + pleskSim.endpoint() + ", ekran " + ekranSim.endpoint()
                    + ", saymon " + saymonSim.endpoint() + ", senhasegura " + pamSim.endpoint());
            term.out().println();

            List<SessionSource> sources = List.of(plesk, ekran, saymon, pam);
            SessionAudit.Result result = SessionAudit.of(sources).collect(TimeRange.all());
            try (Format.RowWriter out = Format.table.writer(ListCommand.COLUMNS, term.out())) {
                result.records().forEach(r -> out.row(ListCommand.row(r)));
            }
            term.out().println();
            for (SessionAudit.Outcome o : result.outcomes()) {
                term.out().println(o.vendor() + ": " + (o.failed() ? "FAILED " + o.error().getMessage() : o.count() + " sessions"));
            }

            term.out().println();
            term.out().println("Plesk action log, last 5 entries:");
            long last = plesk.eventLog().lastId();
            try (Stream<PleskEvent> tail = plesk.eventLog().stream(PleskEventQuery.builder().fromId(Math.max(1, last - 4)).build());
                 Format.RowWriter out = Format.table.writer(EventsCommand.COLUMNS, term.out())) {
                tail.forEach(e -> out.row(EventsCommand.row(e)));
            }
        }
        return ExitCodes.OK;
    }
}
