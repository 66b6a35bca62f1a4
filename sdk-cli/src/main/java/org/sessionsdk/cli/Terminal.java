package org.sessionsdk.cli;

import java.io.Console;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;

/**
 * What a command may touch of the outside world: its output streams, the environment, standard
 * input and the console. Injected, so tests run the command in-process and can play each case
 * (a console to ask on, a pipe on stdin, a terminal with no console, stderr a terminal or a file).
 *
 * @param out            where records go
 * @param err            where progress and errors go
 * @param env            environment variables
 * @param stdin          standard input, and whether it is a terminal
 * @param console        asks for a secret without echo, or null when there is no console to ask on
 * @param errIsTerminal  whether stderr is a terminal (the progress line rewrites itself only there)
 * @param clock          what time it is, for clients and feeds (a test replays a scenario on its own clock)
 */
record Terminal(PrintWriter out, PrintWriter err, Function<String, String> env, Stdin stdin, SecretPrompt console,
                boolean errIsTerminal, Clock clock) {

    /** A terminal on the system clock. */
    Terminal(PrintWriter out, PrintWriter err, Function<String, String> env, Stdin stdin, SecretPrompt console,
             boolean errIsTerminal) {
        this(out, err, env, stdin, console, errIsTerminal, Clock.systemUTC());
    }

    /** {@return this terminal with another clock} */
    Terminal withClock(Clock other) {
        return new Terminal(out, err, env, stdin, console, errIsTerminal, other);
    }

    /** Asks the user for a secret on the console, without echo; null or empty when none was given. */
    @FunctionalInterface
    interface SecretPrompt {
        String ask(String question);
    }

    /**
     * Standard input as the secret lookup sees it.
     *
     * @param terminal whether it is a terminal: then it is only ever read through the console, never
     *                 directly (a read would wait for someone who may not know they are asked)
     * @param stream   the bytes; read only when {@code terminal} is false
     * @param patience how long a pipe may take to deliver the secret before the command gives up
     */
    record Stdin(boolean terminal, InputStream stream, Duration patience) {
        /** Short enough that a job with an open but silent stdin fails within a second. */
        static final Duration DEFAULT_WAIT = Duration.ofMillis(800);
    }

    /** The real process: System streams, its environment, its console if it has one. */
    static Terminal system() {
        Console console = System.console();
        boolean stdinTty = Tty.isTerminal(0, console != null);
        // only ask on a console whose input is really the terminal (on newer JDKs a console object
        // exists even when stdin is redirected, and reading it would consume the pipe)
        SecretPrompt prompt = console == null || !stdinTty ? null : question -> {
            char[] pw = console.readPassword("%s", question);
            return pw == null ? null : new String(pw);
        };
        return new Terminal(new PrintWriter(System.out, true), new PrintWriter(System.err, true), System::getenv,
                new Stdin(stdinTty, System.in, Stdin.DEFAULT_WAIT), prompt, Tty.isTerminal(2, console != null));
    }
}
