package org.sessionsdk.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a standard stream of this process is a terminal. Java 17 has no direct way to ask
 * ({@code System.console()} answers for stdin and stdout together), so on Linux we read where
 * {@code /proc/self/fd/N} points; elsewhere the caller's guess is used.
 */
final class Tty {
    private Tty() {
    }

    /**
     * @param fd       0, 1 or 2
     * @param fallback the answer when the platform cannot tell (no {@code /proc})
     */
    static boolean isTerminal(int fd, boolean fallback) {
        Path link = Path.of("/proc/self/fd/" + fd);
        if (!Files.isSymbolicLink(link)) {
            return fallback;
        }
        try {
            return isTerminalDevice(Files.readSymbolicLink(link).toString());
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return fallback;
        }
    }

    /** Pseudo-terminals, virtual consoles and serial lines; pipes, files and /dev/null are not. */
    static boolean isTerminalDevice(String target) {
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
    }
}
