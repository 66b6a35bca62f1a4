package org.sessionsdk.cli;

import java.util.concurrent.Callable;
import org.sessionsdk.core.config.SdkVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code sessions}: who is logged in where, from the command line. Exit codes: 0 ok, 2 usage,
 * 3 authentication, 4 other API error, 5 network.
 */
@Command(name = "sessions", mixinStandardHelpOptions = true, versionProvider = SessionsCommand.Version.class,
        description = {"Read user sessions and audit events from the vendors on the class path.",
                SessionsCommand.SECRET_NOTE},
        subcommands = {ListCommand.class, AuditCommand.class, FollowCommand.class, EventsCommand.class, TerminateCommand.class, DemoCommand.class,
                SimulateCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "2:usage", "3:authentication failed", "4:other API error", "5:network"})
public final class SessionsCommand implements Callable<Integer> {
    static final String SECRET_NOTE = "The secret comes from --secret-file, $SESSIONS_SECRET, $SESSIONS_SECRET_FILE,%n"
            + "a pipe on stdin or a console prompt, never an argument ('sessions help list').";
    private final Terminal term;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    SessionsCommand(Terminal term) {
        this.term = term;
    }

    /**
     * The {@code sessions} command: runs the command line and exits with its code.
     *
     * @param args the command line, e.g. {@code list --vendor plesk --endpoint https://panel:8443}
     */
    public static void main(String[] args) {
        System.exit(run(Terminal.system(), args));
    }

    /** Runs the command line in-process and returns its exit code. */
    static int run(Terminal term, String... args) {
        CommandLine cl = new CommandLine(new SessionsCommand(term), new Factory(term));
        // what the vendors on the class path are and can do is known only now: their providers say
        cl.getCommandSpec().usageMessage().description("Read user sessions and audit events from "
                + products() + ".", SECRET_NOTE);
        CommandLine terminate = cl.getSubcommands().get("terminate");
        java.util.List<String> footer = new java.util.ArrayList<>(java.util.List.of(TerminateCommand.idHelp()));
        footer.add(SecretLookup.HELP);
        terminate.getCommandSpec().usageMessage().footer(footer.toArray(String[]::new));
        cl.setOut(term.out());
        cl.setErr(term.err());
        // --vendor PLESK and --format CSV mean what they say
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // --poll 10s as well as --poll PT10S, for every duration option
        cl.registerConverter(java.time.Duration.class, new Durations());
        cl.registerConverter(VendorName.class, new VendorName.Converter());
        cl.setParameterExceptionHandler(new UsageErrors());
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            term.err().println(ExitCodes.describe(e));
            term.err().flush();
            return ExitCodes.of(e);
        });
        int code = cl.execute(args);
        term.out().flush();
        term.err().flush();
        return code;
    }

    /** {@return the products of the vendors found, e.g. "Ekran System, Plesk, SAYMON and senhasegura"} */
    static String products() {
        java.util.List<String> names = org.sessionsdk.core.client.SessionClients.providers().stream()
                .map(p -> p.product().name()).toList();
        if (names.size() < 2) {
            return names.isEmpty() ? "no vendor (none is on the class path)" : names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(term.err());
        return ExitCodes.USAGE;
    }

    /** Builds the subcommands with the terminal they print to. */
    record Factory(Terminal term) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            if (cls == ListCommand.class || cls == AuditCommand.class || cls == FollowCommand.class || cls == EventsCommand.class || cls == TerminateCommand.class
                    || cls == DemoCommand.class || cls == SimulateCommand.class) {
                return cls.getDeclaredConstructor(Terminal.class).newInstance(term);
            }
            return CommandLine.defaultFactory().create(cls);
        }
    }

    /** The SDK's version, for {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"sessions " + SdkVersion.version()};
        }
    }
}
