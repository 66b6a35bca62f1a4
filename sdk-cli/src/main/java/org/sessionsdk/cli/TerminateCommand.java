package org.sessionsdk.cli;

import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.sessionsdk.plesk.PleskClient;
import org.sessionsdk.senhasegura.SenhaseguraSession;
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

    @Option(names = "--id", required = true, description = {
            "the session to end, as 'sessions list' prints it.",
            "Plesk: the session id.",
            "senhasegura: the numeric id (looked up for its session_id) or the 40-hex session_id"
                    + " ('list --format jsonl|csv' prints both)."})
    String id;

    /** senhasegura's session hash; anything else made of digits only is a numeric id. */
    private static final Pattern SESSION_ID = Pattern.compile("[0-9a-fA-F]{40}");
    private static final Pattern NUMERIC_ID = Pattern.compile("[0-9]+");

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
                    String trimmed = id.trim();
                    if (NUMERIC_ID.matcher(trimmed).matches() && !SESSION_ID.matcher(trimmed).matches()) {
                        SenhaseguraSession ended = c.sessions().terminateById(trimmed);
                        term.out().println("terminated " + id + " (session_id " + ended.sessionId() + ")");
                        return ExitCodes.OK;
                    }
                    // a session_id, or whatever else the server may call one: it decides
                    c.sessions().terminate(trimmed);
                }
            }
            default -> throw new IllegalArgumentException(connection.vendor + " sessions cannot be ended through its API");
        }
        term.out().println("terminated " + id);
        return ExitCodes.OK;
    }
}
