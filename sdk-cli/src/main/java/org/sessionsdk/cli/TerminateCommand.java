package org.sessionsdk.cli;

import java.util.concurrent.Callable;
import org.sessionsdk.core.client.SessionClient;
import org.sessionsdk.core.client.SessionClients;
import org.sessionsdk.core.client.VendorProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sessions terminate}: end one session, where the vendor's API can. */
@Command(name = "terminate", mixinStandardHelpOptions = true, footer = SecretLookup.HELP,
        description = "End a session, where the vendor's API can (see the ids below).")
final class TerminateCommand implements Callable<Integer> {
    @Mixin
    Connection connection;

    @Option(names = "--id", required = true, description = "the session to end, as 'sessions list' prints it (per vendor below)")
    String id;

    private final Terminal term;

    TerminateCommand(Terminal term) {
        this.term = term;
    }

    /** {@return the footer lines naming, per vendor that can end sessions, how it takes the id} */
    static String[] idHelp() {
        java.util.List<String> lines = new java.util.ArrayList<>();
        lines.add("%nThe --id, per vendor that can end sessions:");
        for (VendorProvider p : SessionClients.providers()) {
            p.terminateHelp().ifPresent(h -> lines.add("  " + p.name() + ": " + h));
        }
        return lines.toArray(String[]::new);
    }

    @Override
    public Integer call() throws Exception {
        try (SessionClient client = connection.open(term)) {
            String detail = client.terminate(id);
            term.out().println("terminated " + id + (detail == null ? "" : " (" + detail + ")"));
        } catch (UnsupportedOperationException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return ExitCodes.OK;
    }
}
