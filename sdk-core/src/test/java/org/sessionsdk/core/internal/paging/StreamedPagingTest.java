package org.sessionsdk.core.internal.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.error.ResponseFormatException;

/** {@link Paging#streamPages} and {@link Paging#byCursor}: pages read as streams, never held. */
class StreamedPagingTest {
    private final List<String> asked = new ArrayList<>();
    private final AtomicInteger open = new AtomicInteger();

    private Stream<Integer> page(int k, int size, int total) {
        asked.add(k + ":" + size);
        open.incrementAndGet();
        int from = k * size;
        return IntStream.range(from, Math.min(from + size, total)).boxed().onClose(open::decrementAndGet);
    }

    @Test
    void pagesStopOnAShortPageAndEachIsClosedBeforeTheNextOpens() {
        List<Integer> got = new ArrayList<>();
        try (Stream<Integer> s = Paging.streamPages(10, (k, n) -> page(k, n, 25))) {
            assertThat(asked).isEmpty();
            s.iterator().forEachRemaining(i -> {
                assertThat(open.get()).isEqualTo(1);
                got.add(i);
            });
        }
        assertThat(got).hasSize(25).startsWith(0, 1).endsWith(24);
        assertThat(asked).containsExactly("0:10", "1:10", "2:10");
        assertThat(open.get()).isZero();
    }

    @Test
    void aLastPageOfExactlyThePageSizeLeadsToOneMoreCallThatIsEmpty() {
        try (Stream<Integer> s = Paging.streamPages(10, (k, n) -> page(k, n, 20))) {
            assertThat(s.count()).isEqualTo(20);
        }
        assertThat(asked).containsExactly("0:10", "1:10", "2:10");
    }

    @Test
    void closingEarlyClosesThePageBeingRead() {
        try (Stream<Integer> s = Paging.streamPages(10, (k, n) -> page(k, n, 1000))) {
            Iterator<Integer> it = s.iterator();
            it.next();
            assertThat(open.get()).isEqualTo(1);
        }
        assertThat(open.get()).isZero();
        assertThat(asked).containsExactly("0:10");
    }

    /** Batches of ids after the cursor, the cursor named being the last id of the batch. */
    private Stream<Integer> after(Long cursor, int size, java.util.function.Consumer<Long> next, int total) {
        long from = cursor == null ? 0 : cursor;
        asked.add(String.valueOf(cursor));
        List<Integer> ids = IntStream.rangeClosed((int) from + 1, (int) Math.min(from + size, total)).boxed().toList();
        next.accept(ids.isEmpty() ? cursor : (long) ids.get(ids.size() - 1));
        return ids.stream();
    }

    @Test
    void followsTheCursorToAShortBatch() {
        try (Stream<Integer> s = Paging.byCursor(null, 4, "rows", (Long c, int n, java.util.function.Consumer<Long> next)
                -> after(c, n, next, 10))) {
            assertThat(s.toList()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        }
        assertThat(asked).containsExactly("null", "4", "8");
    }

    @Test
    void aLastBatchOfExactlyTheSizeLeadsToOneMoreEmptyCall() {
        try (Stream<Integer> s = Paging.byCursor(2L, 4, "rows", (Long c, int n, java.util.function.Consumer<Long> next)
                -> after(c, n, next, 10))) {
            assertThat(s.toList()).containsExactly(3, 4, 5, 6, 7, 8, 9, 10);
        }
        assertThat(asked).containsExactly("2", "6", "10");
    }

    @Test
    void aFullBatchThatRepeatsTheCursorFailsInsteadOfLoopingForever() {
        try (Stream<Integer> s = Paging.byCursor(5L, 2, "rows", (Long c, int n, java.util.function.Consumer<Long> next) -> {
            asked.add(String.valueOf(c));
            next.accept(5L);
            return Stream.of(1, 2);
        })) {
            assertThatThrownBy(s::toList).isInstanceOf(ResponseFormatException.class)
                    .hasMessageContaining("the same cursor").hasMessageContaining("rows");
        }
        assertThat(asked).containsExactly("5");
    }

    @Test
    void aFullBatchWithoutACursorFails() {
        try (Stream<Integer> s = Paging.byCursor(null, 2, "rows", (Long c, int n, java.util.function.Consumer<Long> next)
                -> Stream.of(1, 2))) {
            assertThatThrownBy(s::toList).isInstanceOf(ResponseFormatException.class).hasMessageContaining("no cursor");
        }
    }

    @Test
    void aShortBatchEndsEvenWithoutACursor() {
        try (Stream<Integer> s = Paging.byCursor(null, 3, "rows", (Long c, int n, java.util.function.Consumer<Long> next)
                -> Stream.of(1, 2))) {
            assertThat(s.toList()).containsExactly(1, 2);
        }
    }

    @Test
    void rejectsAPageSizeBelowOne() {
        assertThatThrownBy(() -> Paging.streamPages(0, (k, n) -> Stream.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
