package org.sessionsdk.cli;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Where the secret (password, API key, secret key or client secret) comes from, first found wins:
 * {@code --secret-file}, {@code SESSIONS_SECRET}, the file {@code SESSIONS_SECRET_FILE} names,
 * standard input when it is not a terminal, a prompt on the console. Never an argument: arguments
 * show in {@code ps} and shell history.
 *
 * <p>No step may wait for someone who is not there: a terminal is read only through the console
 * (so with a terminal but no console the lookup fails at once), and a pipe gets a bounded time to
 * deliver its line (an open pipe that never writes, as in many CI jobs, fails instead of hanging).
 */
final class SecretLookup {
    static final String SECRET_ENV = "SESSIONS_SECRET";
    static final String SECRET_FILE_ENV = "SESSIONS_SECRET_FILE";
    /** The order above, for every command's --help. */
    static final String HELP = "%nThe secret (password, API key, secret key or client secret), first found:%n"
            + "  1. --secret-file PATH (its first line)%n"
            + "  2. $" + SECRET_ENV + "%n"
            + "  3. the file named by $" + SECRET_FILE_ENV + "%n"
            + "  4. standard input, only when it is not a terminal (a pipe or a file): its%n"
            + "     first line, which must arrive within a second (--secret-file /dev/stdin%n"
            + "     waits for a slow writer)%n"
            + "  5. a prompt on the console, without echo%n"
            + "Never an argument. With none of these the command fails at once (exit 2).";
    /** A secret is one short line; more than this is a file given by mistake. */
    private static final int MAX_BYTES = 64 * 1024;
    private static final String WHERE = "set " + SECRET_ENV + " or " + SECRET_FILE_ENV
            + ", pass --secret-file PATH, or pipe it on stdin";

    private SecretLookup() {
    }

    /**
     * The secret, or an {@link IllegalArgumentException} (exit 2) saying why there is none.
     *
     * @param secretFile the {@code --secret-file} option, or null
     * @param vendor     named in the prompt
     */
    static String find(Path secretFile, Terminal term, String vendor) {
        if (secretFile != null) {
            return fromFile(secretFile, "--secret-file");
        }
        String s = term.env().apply(SECRET_ENV);
        if (s != null && !s.isEmpty()) {
            return s;
        }
        String file = term.env().apply(SECRET_FILE_ENV);
        if (file != null && !file.isEmpty()) {
            return fromFile(Path.of(file), SECRET_FILE_ENV);
        }
        Terminal.Stdin stdin = term.stdin();
        if (stdin != null && !stdin.terminal()) {
            return fromPipe(stdin);
        }
        if (term.console() == null) {
            throw new IllegalArgumentException("no secret: " + WHERE + " (there is no console to ask on)");
        }
        String asked = term.console().ask(vendor + " secret (password, API key or client secret): ");
        if (asked == null || asked.isEmpty()) {
            throw new IllegalArgumentException("no secret was typed; " + WHERE);
        }
        return asked;
    }

    private static String fromFile(Path path, String source) {
        String line;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path))) {
            line = firstLine(in);
        } catch (IOException e) {
            // the exception's class says enough (no such file, access denied); its text may not be safe to show
            throw new IllegalArgumentException(source + " " + path + ": cannot read it (" + e.getClass().getSimpleName() + ")");
        }
        if (line.isEmpty()) {
            throw new IllegalArgumentException(source + " " + path + ": the file's first line is empty");
        }
        return line;
    }

    private static String fromPipe(Terminal.Stdin stdin) {
        CompletableFuture<String> line = new CompletableFuture<>();
        // a daemon thread, so a writer that never writes cannot keep the process alive once we give up
        Thread reader = new Thread(() -> {
            try {
                line.complete(firstLine(stdin.stream()));
            } catch (Throwable e) {
                line.completeExceptionally(e);
            }
        }, "sessions-stdin-secret");
        reader.setDaemon(true);
        reader.start();
        String s;
        try {
            s = line.get(stdin.patience().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalArgumentException("no secret: stdin is not a terminal and sent no line within "
                    + stdin.patience().toMillis() + " ms; " + WHERE + " (--secret-file /dev/stdin waits for it)");
        } catch (ExecutionException e) {
            throw new IllegalArgumentException("no secret: stdin could not be read (" + e.getCause().getClass().getSimpleName()
                    + "); " + WHERE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalArgumentException("interrupted while reading the secret from stdin");
        }
        if (s.isEmpty()) {
            throw new IllegalArgumentException("no secret: stdin is not a terminal and held none (its first line is empty); " + WHERE);
        }
        return s;
    }

    /**
     * Up to the first line break or the end, without the break (LF or CRLF). Stops at the break
     * rather than the end so that a writer that keeps the pipe open after the secret is no wait.
     */
    static String firstLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (line.size() == MAX_BYTES) {
                throw new IOException("longer than " + MAX_BYTES + " bytes");
            }
            line.write(b);
        }
        String s = line.toString(StandardCharsets.UTF_8);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }
}
