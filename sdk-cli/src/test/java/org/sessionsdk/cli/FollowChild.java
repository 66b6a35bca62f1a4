package org.sessionsdk.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;

/**
 * The {@code sessions} command as a child JVM of a test, on the test's simulated clock: the first
 * argument is a file holding the simulator's instant (the test rewrites it, atomically, after each
 * step), the rest is the command line.
 */
final class FollowChild {
    private FollowChild() {
    }

    public static void main(String[] args) {
        Path clockFile = Path.of(args[0]);
        TickingClock clock = new TickingClock(() -> {
            try {
                return Instant.parse(Files.readString(clockFile, StandardCharsets.UTF_8).strip());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        System.exit(SessionsCommand.run(Terminal.system().withClock(clock), Arrays.copyOfRange(args, 1, args.length)));
    }
}
