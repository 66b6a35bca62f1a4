package org.sessionsdk.core.feed;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A child JVM of {@link FileCheckpointSafetyTest} (args: {@code hold|try}, directory, key). {@code hold}
 * claims the key of a store, says {@code held} on stdout and keeps it until stdin ends or the process
 * is killed; {@code try} says {@code free} if it could claim it, else the error's message.
 */
final class CheckpointHolder {
    private CheckpointHolder() {
    }

    public static void main(String[] args) throws IOException {
        FileCheckpointStore store = new FileCheckpointStore(Path.of(args[1]));
        if (args[0].equals("try")) {
            try {
                store.load(args[2]);
                System.out.println("free");
            } catch (CheckpointInUseException e) {
                System.out.println(e.getMessage());
            }
            return;
        }
        store.load(args[2]);
        System.out.println("held");
        System.out.flush();
        while (System.in.read() >= 0) {
            // wait for the parent: it kills this process or closes the pipe
        }
    }
}
