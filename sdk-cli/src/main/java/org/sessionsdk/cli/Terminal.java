package org.sessionsdk.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.function.Function;

/**
 * What a command may touch of the outside world: its output streams, the environment and a way to
 * ask for a secret. Injected, so tests run the command in-process with their own.
 *
 * @param out    where records go
 * @param err    where progress and errors go
 * @param env    environment variables
 * @param prompt reads a secret typed by the user (no echo on a real console), or null when there is no one to ask
 */
record Terminal(PrintWriter out, PrintWriter err, Function<String, String> env, Function<String, String> prompt) {

    static Terminal system() {
        java.io.Console console = System.console();
        Function<String, String> ask = console == null ? question -> readLine(question)
                : question -> {
                    char[] pw = console.readPassword("%s", question);
                    return pw == null ? null : new String(pw);
                };
        return new Terminal(new PrintWriter(System.out, true), new PrintWriter(System.err, true), System::getenv, ask);
    }

    private static String readLine(String question) {
        System.err.print(question);
        System.err.flush();
        try {
            return new BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            return null;
        }
    }
}
