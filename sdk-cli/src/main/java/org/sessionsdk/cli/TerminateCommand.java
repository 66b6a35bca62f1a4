package org.sessionsdk.cli;

import java.util.concurrent.Callable;
import org.sessionsdk.plesk.PleskClient;
import org.sessionsdk.senhasegura.SenhaseguraClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sessions terminate}: end one session (Plesk panel session, senhasegura remote session). */
@Command(name = "terminate", mixinStandardHelpOptions = true, footer = SecretLookup.HELP,
        description = "End a session: a Plesk panel session or a senhasegura remote session.")
final class TerminateCommand implements Callable<Integer> {
    @Mixin
    Connection connection;

    @Option(names = "--id", required = true, description = "Plesk: the session id; senhasegura: the session_id hash")
    String id;

    private final Terminal term;

    TerminateCommand(Terminal term) {
        this.term = term;
    }

    @Override
    public Integer call() throws Exception {
        switch (connection.vendor) {
            case plesk -> {
                try (PleskClient c = (PleskClient) connection.open(term)) {
                    c.sessions().terminate(id);
                }
            }
            case senhasegura -> {
                try (SenhaseguraClient c = (SenhaseguraClient) connection.open(term)) {
                    c.remoteSessions().terminate(id);
                }
            }
            default -> throw new IllegalArgumentException(connection.vendor + " sessions cannot be ended through its API");
        }
        term.out().println("terminated " + id);
        return ExitCodes.OK;
    }
}
