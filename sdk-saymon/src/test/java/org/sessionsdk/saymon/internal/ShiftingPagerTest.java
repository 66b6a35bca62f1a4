package org.sessionsdk.saymon.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sessionsdk.core.error.SdkException;

/**
 * The paging arithmetic on a log kept as numbers: {@code old} records present at the start, and
 * {@code insertsPerRequest} more logged on top (newest first) as each page is served. The HTTP side
 * is covered by SaymonPagingTest and the reliability suite.
 */
class ShiftingPagerTest {
    record Rec(String id, Long time) {
    }

    static final class Log {
        final long old;
        final long insertsPerRequest;
        boolean oldestFirstTimes;
        long inserted;
        int requests;
        final List<Integer> limits = new ArrayList<>();

        Log(long old, long insertsPerRequest) {
            this.old = old;
            this.insertsPerRequest = insertsPerRequest;
        }

        Rec at(long position) {
            if (position < inserted) {
                long n = inserted - 1 - position;
                return new Rec("new-" + n, 1_000_000L + n);
            }
            long n = position - inserted;
            return new Rec("old-" + n, oldestFirstTimes ? 500_000L + n : 500_000L - n);
        }

        Stream<Rec> open(long skip, int limit) {
            requests++;
            limits.add(limit);
            long total = inserted + old;
            List<Rec> page = LongStream.range(skip, Math.min(total, skip + limit)).mapToObj(this::at).toList();
            inserted += insertsPerRequest; // logged while the page is on its way
            return page.stream();
        }
    }

    private static List<Rec> read(Log log, int pageSize, boolean withOrder) {
        try (Stream<Rec> s = ShiftingPager.stream(log::open, Rec::id, withOrder ? Rec::time : r -> null, pageSize,
                Long.MAX_VALUE, "test log")) {
            return s.toList();
        }
    }

    @ParameterizedTest(name = "{0} old, page {1}, {2} inserted per request")
    @CsvSource({"1000, 100, 0", "1000, 100, 1", "1000, 100, 99", "1000, 100, 100", "1000, 100, 150",
        "1000, 10, 600", "50, 1, 1", "50, 1, 20", "0, 10, 5", "10, 10, 0", "1000, 1, 63"})
    void everyOldRecordOnceAndNothingTwice(long old, int pageSize, long inserts) {
        Log log = new Log(old, inserts);
        List<Rec> got = read(log, pageSize, true);
        assertThat(got).extracting(Rec::id).doesNotHaveDuplicates();
        assertThat(got).extracting(Rec::id).filteredOn(id -> id.startsWith("old-")).hasSize((int) old);
    }

    @Test
    void withoutInsertsPagesStayTheirSize() {
        Log log = new Log(1000, 0);
        assertThat(read(log, 100, true)).hasSize(1000);
        assertThat(log.limits).containsOnly(100);
        assertThat(log.requests).isEqualTo(11); // ten full pages and the empty one that ends it
    }

    @Test
    void aLogNotSortedByTimeIsReadInFullWithoutRememberingEveryId() {
        // a server whose order is not by time (here: times ascending) must not look like a growing log
        Log log = new Log(600_000, 0);
        log.oldestFirstTimes = true;
        assertThat(read(log, 500, true)).hasSize(600_000);
        assertThat(log.limits).containsOnly(500);
    }

    @Test
    void repeatsStillCountWhenTheTimesAreNotInOrder() {
        Log log = new Log(1000, 30);
        log.oldestFirstTimes = true;
        List<Rec> got = read(log, 50, true);
        assertThat(got).extracting(Rec::id).doesNotHaveDuplicates();
        assertThat(got).extracting(Rec::id).filteredOn(id -> id.startsWith("old-")).hasSize(1000);
    }

    @Test
    void repeatsAloneAreEnoughWhenRecordsCarryNoTime() {
        Log log = new Log(500, 30);
        List<Rec> got = read(log, 50, false);
        assertThat(got).extracting(Rec::id).doesNotHaveDuplicates();
        assertThat(got).extracting(Rec::id).filteredOn(id -> id.startsWith("old-")).hasSize(500);
    }

    @ParameterizedTest(name = "{0} inserted per request")
    @CsvSource({"64", "65", "100000"})
    void aLogThatOutgrowsTheLargestPageFailsInsteadOfPagingForever(long inserts) {
        Log log = new Log(1000, inserts);
        assertThatThrownBy(() -> read(log, 1, true)).isExactlyInstanceOf(SdkException.class)
                .hasMessageContaining("test log grows inside the requested window faster than it can be paged");
        assertThat(log.limits).allSatisfy(l -> assertThat(l).isLessThanOrEqualTo(64));
    }

    @Test
    void aLogLongerThanTheRememberedIdsIsReadInFullWhileItGrows() {
        // a feed reaching back a month of a busy log, with an insert while paging: remembering every id
        // ran into its bound and failed the read, on every poll alike (issue 28)
        Log log = new Log(ShiftingPager.MAX_REMEMBERED + 50_000L, 1);
        List<Rec> got = read(log, 500, true);
        assertThat(got).extracting(Rec::id).filteredOn(id -> id.startsWith("old-")).hasSize(ShiftingPager.MAX_REMEMBERED + 50_000);
        assertThat(got).extracting(Rec::id).doesNotHaveDuplicates();
    }

    @Test
    void theCapStopsReading() {
        Log log = new Log(1000, 3);
        try (Stream<Rec> s = ShiftingPager.stream(log::open, Rec::id, Rec::time, 100, 250, "test log")) {
            assertThat(s.toList()).hasSize(250).extracting(Rec::id).doesNotHaveDuplicates();
        }
    }
}
