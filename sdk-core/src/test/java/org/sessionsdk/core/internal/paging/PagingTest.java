package org.sessionsdk.core.internal.paging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PagingTest {
    private final List<String> asked = new ArrayList<>();

    private List<Integer> page(int k, int size, int total) {
        asked.add(k + ":" + size);
        int from = k * size;
        return IntStream.range(from, Math.min(from + size, total)).boxed().toList();
    }

    @Test
    void fetchesLazilyAndStopsOnAShortPage() {
        var s = Paging.stream(10, (k, n) -> page(k, n, 25));
        assertThat(asked).isEmpty();
        assertThat(s.toList()).hasSize(25).startsWith(0, 1).endsWith(24);
        assertThat(asked).containsExactly("0:10", "1:10", "2:10");
    }

    @Test
    void stopsOnAnEmptyPageWhenTheTotalIsAMultiple() {
        assertThat(Paging.stream(10, (k, n) -> page(k, n, 20)).count()).isEqualTo(20);
        assertThat(asked).containsExactly("0:10", "1:10", "2:10");
    }

    @Test
    void honoursATotalCapAndTrimsTheLastPage() {
        assertThat(Paging.stream(10, 15, (k, n) -> page(k, n, 1000)).toList()).hasSize(15);
        assertThat(asked).containsExactly("0:10", "1:5");
    }

    @Test
    void takingFewFetchesFew() {
        assertThat(Paging.stream(10, (k, n) -> page(k, n, 1000)).limit(3).toList()).containsExactly(0, 1, 2);
        assertThat(asked).containsExactly("0:10");
    }
}
