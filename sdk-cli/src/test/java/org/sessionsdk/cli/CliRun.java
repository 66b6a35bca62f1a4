package org.sessionsdk.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/** Runs the command line in-process and keeps what it printed. */
record CliRun(int exitCode, String out, String err) {
    static CliRun run(Map<String, String> env, Function<String, String> prompt, String... args) {
        return in(env).console(prompt == null ? null : prompt::apply).run(args);
    }

    static CliRun run(Map<String, String> env, String... args) {
        return run(env, null, args);
    }

    /** A terminal to run in; by default no console, stdin a terminal (so never read), stderr not a terminal. */
    static Setup in(Map<String, String> env) {
        return new Setup(env, new Terminal.Stdin(true, UNREADABLE, Terminal.Stdin.DEFAULT_WAIT), null, false, Clock.systemUTC());
    }

    /** What a terminal stdin would be if the command broke the rule never to read it directly. */
    private static final InputStream UNREADABLE = new InputStream() {
        @Override
        public int read() {
            throw new IllegalStateException("stdin is a terminal: the command must not read it directly");
        }
    };

    /** The world one run sees. */
    record Setup(Map<String, String> env, Terminal.Stdin stdin, Terminal.SecretPrompt console, boolean errIsTerminal,
                 Clock clock) {
        Setup console(Terminal.SecretPrompt prompt) {
            return new Setup(env, stdin, prompt, errIsTerminal, clock);
        }

        /** Stdin is a pipe (or a file) holding {@code text}. */
        Setup pipe(String text) {
            return pipe(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), Terminal.Stdin.DEFAULT_WAIT);
        }

        /** Stdin is a pipe that delivers what {@code in} does, given {@code patience} to do so. */
        Setup pipe(InputStream in, Duration patience) {
            return new Setup(env, new Terminal.Stdin(false, in, patience), console, errIsTerminal, clock);
        }

        Setup errIsTerminal(boolean terminal) {
            return new Setup(env, stdin, console, terminal, clock);
        }

        /** The clock the command's clients and feeds run on. */
        Setup clock(Clock c) {
            return new Setup(env, stdin, console, errIsTerminal, c);
        }

        CliRun run(String... args) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            Terminal term = new Terminal(new PrintWriter(out), new PrintWriter(err), env::get, stdin, console, errIsTerminal, clock);
            int code = SessionsCommand.run(term, args);
            return new CliRun(code, out.toString(), err.toString());
        }
    }
}
