package org.sessionsdk.core.internal.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.error.ResponseFormatException;

/** The asynchronous paging keeps the blocking paging's rules: one part at a time, the same stops. */
class AsyncPagingTest {
    private final List<String> asked = new ArrayList<>();
    /** Answers are completed by the test, so a part can only start once the one before was answered. */
    private final List<CompletableFuture<List<Integer>>> pending = new ArrayList<>();

    private CompletableFuture<List<Integer>> page(int k, int size) {
        asked.add(k + ":" + size);
        CompletableFuture<List<Integer>> f = new CompletableFuture<>();
        pending.add(f);
        return f;
    }

    private static List<Integer> items(int from, int to) {
        return IntStream.range(from, to).boxed().toList();
    }

    @Test
    void pagesOneAfterAnotherUntilAShortOne() {
        CompletableFuture<List<Integer>> all = Paging.pagesAsync(10, this::page);
        assertThat(asked).containsExactly("0:10");
        pending.get(0).complete(items(0, 10));
        assertThat(asked).containsExactly("0:10", "1:10");
        pending.get(1).complete(items(10, 20));
        pending.get(2).complete(items(20, 25));
        assertThat(all.join()).hasSize(25).startsWith(0, 1).endsWith(24);
        assertThat(asked).containsExactly("0:10", "1:10", "2:10");
    }

    @Test
    void aFailedPageFailsTheWholeAndAsksNoMore() {
        CompletableFuture<List<Integer>> all = Paging.pagesAsync(10, this::page);
        pending.get(0).completeExceptionally(new IllegalStateException("page 0 failed"));
        assertThatThrownBy(all::join).hasRootCauseMessage("page 0 failed");
        assertThat(asked).containsExactly("0:10");
    }

    @Test
    void followsTheCursorEachAnswerNamesAndRefusesOneThatDoesNotMove() {
        List<Long> cursors = new ArrayList<>();
        CompletableFuture<List<Integer>> ok = Paging.byCursorAsync(null, 2, "test list", (Long c, int n, java.util.function.Consumer<Long> next) -> {
            cursors.add(c);
            next.accept(c == null ? 10L : c + 10);
            return CompletableFuture.completedFuture(cursors.size() < 3 ? items(0, 2) : items(0, 1));
        });
        assertThat(ok.join()).hasSize(5);
        assertThat(cursors).containsExactly(null, 10L, 20L);

        CompletableFuture<List<Integer>> stuck = Paging.byCursorAsync(5L, 2, "test list",
                (Long c, int n, java.util.function.Consumer<Long> next) -> {
                    next.accept(5L);
                    return CompletableFuture.completedFuture(items(0, 2));
                });
        assertThatThrownBy(stuck::join).hasCauseInstanceOf(ResponseFormatException.class)
                .hasMessageContaining("test list");
    }
}
