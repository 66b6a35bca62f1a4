package org.sessionsdk.core.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionsdk.core.internal.feed.CheckpointState;

class CheckpointTest {
    private static Checkpoint sample() {
        Map<String, Object> open = new LinkedHashMap<>();
        open.put("s1", 1_700_000_000_000L);
        open.put("jörg's \"id\"", -5L);
        return CheckpointState.checkpoint("plesk/sessions/diff", Map.of("since", 42L, "open", open, "user", Map.of("s1", "alice"),
                "note", "text"));
    }

    @Test
    void textRoundTripsAndIsVersioned() {
        Checkpoint cp = sample();
        String text = cp.toString();
        assertThat(text).startsWith("sdkcp1.").matches("sdkcp1\\.[A-Za-z0-9_-]+");
        Checkpoint back = Checkpoint.parse(text + "\n");
        assertThat(back).isEqualTo(cp);
        assertThat(back.kind()).isEqualTo("plesk/sessions/diff");
        assertThat(CheckpointState.read(back).number("since")).isEqualTo(42L);
        assertThat(CheckpointState.read(back).text("note")).isEqualTo("text");
        assertThat(CheckpointState.read(back).table("open")).containsEntry("jörg's \"id\"", -5L);
        assertThat(CheckpointState.read(back).table("user")).containsEntry("s1", "alice");
        assertThat(CheckpointState.read(back).table("missing")).isEmpty();
        assertThat(CheckpointState.read(back).number("note")).isNull();
    }

    @Test
    void badOrForeignTextIsAClearError() {
        assertThatThrownBy(() -> Checkpoint.parse("hello")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a sessionsdk checkpoint");
        assertThatThrownBy(() -> Checkpoint.parse("sdkcp9.abc")).hasMessageContaining("another version");
        assertThatThrownBy(() -> Checkpoint.parse("sdkcp1.***")).hasMessageContaining("damaged");
        assertThatThrownBy(() -> Checkpoint.parse("sdkcp1.eyJ4IjpbXX0")).hasMessageContaining("damaged"); // {"x":[]}
        String truncated = sample().toString();
        assertThatThrownBy(() -> Checkpoint.parse(truncated.substring(0, truncated.length() - 6)))
                .hasMessageContaining("damaged");
        assertThatThrownBy(() -> CheckpointState.read(sample(), "ekran/sessions/diff"))
                .hasMessageContaining("belongs to a plesk/sessions/diff feed, not to a ekran/sessions/diff feed");
        assertThatThrownBy(() -> CheckpointState.checkpoint("k", Map.of("x", 1.5))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theFileStoreSavesAtomicallyAndLoadsWhatWasSaved(@TempDir Path dir) throws IOException {
        FileCheckpointStore store = new FileCheckpointStore(dir.resolve("state"));
        assertThat(store.load("panel-1")).isEmpty();
        store.save("panel-1", sample());
        assertThat(store.load("panel-1")).hasValue(sample());
        Checkpoint next = CheckpointState.checkpoint("plesk/sessions/diff", Map.of("since", 43L));
        store.save("panel-1", next);
        assertThat(store.load("panel-1")).hasValue(next);
        try (var files = Files.list(dir.resolve("state"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("panel-1.checkpoint", "panel-1.checkpoint.lock");
        }
        // a crash after the temporary file was written but before the rename leaves the old one readable
        Path torn = Files.writeString(dir.resolve("state/panel-1.checkpoint.0123456789abcdef.tmp"), "sdkcp1.tor",
                StandardCharsets.UTF_8);
        assertThat(store.load("panel-1")).hasValue(next);
        store.close();
        assertThatThrownBy(() -> store.load("panel-1")).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        try (FileCheckpointStore reopened = new FileCheckpointStore(dir.resolve("state"))) {
            assertThat(reopened.load("panel-1")).hasValue(next);
            assertThat(torn).as("the next writer removes what a killed one left").doesNotExist();
            Files.writeString(reopened.file("panel-1"), "garbage", StandardCharsets.UTF_8);
            assertThatThrownBy(() -> reopened.load("panel-1")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("panel-1.checkpoint").hasMessageContaining("not a sessionsdk checkpoint");
            assertThatThrownBy(() -> reopened.file("../escape")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void oneNamedFileIsReadAndWrittenTheSameWay(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("panel7-sessions.state");
        assertThat(FileCheckpointStore.read(file)).isEmpty();
        Checkpoint cp = CheckpointState.checkpoint("plesk/audit/cursor", Map.of("after", 41L));
        FileCheckpointStore.write(file, cp);
        FileCheckpointStore.write(file, cp);
        assertThat(FileCheckpointStore.read(file)).contains(cp);
        try (var files = Files.list(dir)) {
            assertThat(files).as("no temporary file left").containsExactlyInAnyOrder(file, dir.resolve("panel7-sessions.state.lock"));
        }
        Files.writeString(file, "garbage");
        assertThatThrownBy(() -> FileCheckpointStore.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("not a sessionsdk checkpoint");
    }
}
