package org.sessionsdk.core.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionsdk.core.internal.feed.CheckpointState;

/**
 * Checkpoint files in a directory other users can write to (e.g. {@code /tmp}): private, never
 * written through a symbolic link, one writer at a time (issue 27). Tests run as root, which reads
 * and writes whatever it likes: they check modes and links, never a permission denial.
 */
class FileCheckpointSafetyTest {
    private static final Checkpoint CP = CheckpointState.checkpoint("plesk/audit/cursor", Map.of("after", 41L));

    @TempDir
    Path dir;

    @Test
    void aSymlinkPlantedAtTheOldTemporaryNameIsNeverFollowed() throws IOException {
        Path victim = Files.writeString(dir.resolve("victim"), "the victim's own data\n");
        Path file = dir.resolve("x.cp");
        Files.createSymbolicLink(dir.resolve("x.cp.tmp"), victim);
        FileCheckpointStore.write(file, CP);
        assertThat(Files.readString(victim)).isEqualTo("the victim's own data\n");
        assertThat(FileCheckpointStore.read(file)).contains(CP);
    }

    @Test
    void theCheckpointIsOwnerOnlyEvenWhereItWasReadableBefore() throws IOException {
        Path file = dir.resolve("x.cp");
        FileCheckpointStore.write(file, CP);
        assertThat(mode(file)).isEqualTo("rw-------");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        FileCheckpointStore.write(file, CP);
        assertThat(mode(file)).as("the temporary file renamed over it is owner-only").isEqualTo("rw-------");
    }

    @Test
    void aTargetThatIsASymlinkIsRefused() throws IOException {
        Path victim = Files.writeString(dir.resolve("victim"), CP + "\n");
        Path file = Files.createSymbolicLink(dir.resolve("x.cp"), victim);
        assertThatThrownBy(() -> FileCheckpointStore.write(file, CP)).isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("symbolic link");
        assertThatThrownBy(() -> FileCheckpointStore.read(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("symbolic link");
        assertThat(Files.isSymbolicLink(file)).as("left as it was").isTrue();
    }

    @Test
    void aSecondStoreInThisJvmCannotUseAKeyInUse() throws Exception {
        FileCheckpointStore first = new FileCheckpointStore(dir);
        first.save("k", CP);
        FileCheckpointStore second = new FileCheckpointStore(dir);
        assertThatThrownBy(() -> second.load("k")).isInstanceOf(IOException.class)
                .hasMessageContaining(first.file("k").toString()).hasMessageContaining("in use");
        assertThatThrownBy(() -> FileCheckpointStore.write(first.file("k"), CP)).hasMessageContaining("in use");
        assertThat(first.load("k")).as("the first keeps it").contains(CP);
        second.save("other", CP);
        // (on POSIX, closing any channel on a file drops all of the process's locks on it: the refused
        // tries above must not have closed one, or another process could now take the key)
        assertThat(tryInAnotherProcess("k")).contains("in use");
        first.close();
        assertThat(second.load("k")).as("free once the first is closed").contains(CP);
        second.close();
        assertThat(tryInAnotherProcess("k")).isEqualTo("free");
    }

    @Test
    void aCheckpointFileIsOneWritersUntilClosed() throws IOException {
        Path file = dir.resolve("x.cp");
        try (CheckpointFile first = CheckpointFile.open(file)) {
            assertThat(first.read()).isEmpty();
            first.write(CP);
            assertThatThrownBy(() -> CheckpointFile.open(dir.resolve("./x.cp"))).isInstanceOf(CheckpointInUseException.class)
                    .hasMessageContaining("x.cp is in use by another writer");
            assertThat(mode(dir.resolve("x.cp.lock"))).isEqualTo("rw-------");
        }
        try (CheckpointFile again = CheckpointFile.open(file)) {
            assertThat(again.read()).contains(CP);
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("x.cp", "x.cp.lock");
        }
    }

    @Test
    void aSymlinkPlantedAtTheLockFileIsRefused() throws IOException {
        Path victim = Files.writeString(dir.resolve("victim"), "the victim's own data\n");
        Files.createSymbolicLink(dir.resolve("x.cp.lock"), victim);
        assertThatThrownBy(() -> CheckpointFile.open(dir.resolve("x.cp"))).isInstanceOf(IOException.class)
                .hasMessageContaining("x.cp.lock").hasMessageContaining("symbolic link");
        assertThat(Files.readString(victim)).isEqualTo("the victim's own data\n");
        assertThat(mode(victim)).as("its mode untouched too").isNotEqualTo("rw-------");
    }

    @Test
    void anotherProcessCannotUseAKeyInUseUntilItIsKilled() throws Exception {
        Process holder = holder("k");
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("held");
            FileCheckpointStore store = new FileCheckpointStore(dir);
            assertThatThrownBy(() -> store.save("k", CP)).isInstanceOf(IOException.class)
                    .hasMessageContaining(store.file("k").toString()).hasMessageContaining("in use");
        } finally {
            holder.destroyForcibly();
            holder.waitFor();
        }
        // the operating system dropped the lock with the process (as after a kill -9 of a follower)
        FileCheckpointStore store = new FileCheckpointStore(dir);
        store.save("k", CP);
        assertThat(store.load("k")).contains(CP);
    }

    private Process holder(String key) throws IOException {
        return child("hold", key);
    }

    /** {@return what a child JVM that tries to claim the key says: {@code free} or why not} */
    private String tryInAnotherProcess(String key) throws Exception {
        Process p = child("try", key);
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor()).isZero();
        return said;
    }

    private Process child(String mode, String key) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(List.of(java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                CheckpointHolder.class.getName(), mode, dir.toString(), key)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static String mode(Path file) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS));
    }
}
