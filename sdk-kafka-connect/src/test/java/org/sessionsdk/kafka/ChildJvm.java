package org.sessionsdk.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A JVM the tests start as a separate process (a broker, a Connect worker): its output goes to a log
 * file, it can be SIGKILLed, and whatever is still running when the test JVM exits is killed by a
 * shutdown hook, so no broker or worker outlives a build.
 */
final class ChildJvm {
    /** What {@link Process#exitValue()} is for a process ended by SIGKILL (128 + 9). */
    static final int KILLED_BY_SIGKILL = 137;
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly),
                "sessionsdk-kill-child-jvms"));
    }

    private final String name;
    private final Path log;
    private final Process process;

    private ChildJvm(String name, Path log, Process process) {
        this.name = name;
        this.log = log;
        this.process = process;
    }

    /**
     * Starts {@code main} in a new JVM of the running Java.
     *
     * @param name      for messages
     * @param log       where its standard output and error go
     * @param classPath its class path
     * @param jvmArgs   options before the main class
     * @param main      the main class
     * @param args      the program's arguments
     * @return the running JVM
     */
    static ChildJvm start(String name, Path log, String classPath, List<String> jvmArgs, String main, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(classPath);
        command.add(main);
        command.addAll(List.of(args));
        try {
            Files.createDirectories(log.getParent());
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            p.getOutputStream().close();
            RUNNING.add(p);
            p.onExit().thenRun(() -> RUNNING.remove(p));
            return new ChildJvm(name, log, p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /**
     * Runs {@code main} in a new JVM to its end.
     *
     * @return its exit value
     */
    static int run(String name, Path log, String classPath, List<String> jvmArgs, String main, String... args)
            throws InterruptedException {
        ChildJvm jvm = start(name, log, classPath, jvmArgs, main, args);
        if (!jvm.process.waitFor(120, TimeUnit.SECONDS)) {
            jvm.kill();
            throw new AssertionError(name + " did not end within 120 s:\n" + jvm.tail(40));
        }
        return jvm.process.exitValue();
    }

    /**
     * SIGKILLs the JVM (on Linux {@link Process#destroyForcibly()} is {@code kill -9}: no shutdown hook,
     * no clean stop of anything in it) and waits until it is gone.
     *
     * @return its exit value, {@value #KILLED_BY_SIGKILL} when the signal ended it
     */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError(name + " (pid " + process.pid() + ") still runs 30 s after SIGKILL");
        }
        return process.exitValue();
    }

    /** SIGKILLs the JVM and returns at once. */
    void requestKill() {
        process.destroyForcibly();
    }

    /** Asks the JVM to stop (SIGTERM) and returns at once. */
    void requestStop() {
        process.destroy();
    }

    /** Asks the JVM to stop (SIGTERM), and SIGKILLs it if it has not within 20 s. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            kill();
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    /** {@return the last lines of its log, for a failure message} */
    String tail(int lines) {
        try {
            List<String> all = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
            return "---- " + name + " (" + log + "), last " + lines + " lines ----\n"
                    + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "---- " + name + ": cannot read " + log + ": " + e;
        }
    }
}
