package org.sessionsdk.core.internal.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.feed.ChangeType;
import org.sessionsdk.core.feed.Checkpoint;
import org.sessionsdk.core.feed.FeedOptions;
import org.sessionsdk.core.feed.SessionChange;
import org.sessionsdk.core.session.SessionRecord;
import org.sessionsdk.core.session.SessionSource;
import org.sessionsdk.core.session.TimeRange;

/** The session-diff strategy against an in-memory source: the clipping hook, the window, the state's size. */
class SessionDiffTest {
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    /** Sessions in memory; {@code clips} makes it answer like Ekran: overlapping, starts clipped to the window. */
    private static final class Source implements SessionSource {
        final Map<String, Instant[]> sessions = new HashMap<>();
        final List<TimeRange> asked = new ArrayList<>();
        final boolean clips;

        Source(boolean clips) {
            this.clips = clips;
        }

        void start(String id, Instant at) {
            sessions.put(id, new Instant[] {at, null});
        }

        void end(String id, Instant at) {
            sessions.get(id)[1] = at;
        }

        @Override
        public String vendor() {
            return "test";
        }

        @Override
        public Stream<SessionRecord> sessionRecords(TimeRange range) {
            asked.add(range);
            return sessions.entrySet().stream().filter(e -> range.overlaps(e.getValue()[0], e.getValue()[1]))
                    .sorted(Map.Entry.comparingByKey())
                    .map(e -> {
                        Instant start = e.getValue()[0];
                        if (clips && range.from() != null && start.isBefore(range.from())) {
                            start = range.from();
                        }
                        return new SessionRecord("test", e.getKey(), "u" + e.getKey(), null, null, null, start,
                                e.getValue()[1], null, Map.of());
                    });
        }
    }

    private static List<Object> changes(List<SessionChange> cs) {
        return cs.stream().map(c -> (Object) tuple(c.type(), c.session().id(), c.session().start(), c.session().end()))
                .toList();
    }

    @Test
    void aClippingSourceHasTheTrueStartsOfSessionsFirstSeenLookedUpOnceAndTheWindowNeverReachesBack() {
        Source src = new Source(true);
        src.start("old", T0.minus(Duration.ofHours(3)));
        src.start("lost", T0.minus(Duration.ofDays(90)));
        List<List<String>> lookedUp = new ArrayList<>();
        SessionDiff.Clipping clipping = (suspects, windowStart) -> {
            lookedUp.add(suspects.stream().map(SessionRecord::id).toList());
            assertThat(suspects).allSatisfy(r -> assertThat(r.start()).isEqualTo(windowStart));
            return suspects.stream().map(r -> r.id().equals("lost")
                    ? new SessionRecord(r.vendor(), r.id(), r.user(), null, null, null, null, r.end(), null,
                            Map.of(SessionDiff.START_UNKNOWN, "true"))
                    : new SessionRecord(r.vendor(), r.id(), r.user(), null, null, null, src.sessions.get(r.id())[0],
                            r.end(), null, Map.of())).toList();
        };
        SessionDiff diff = new SessionDiff(src, FeedOptions.defaults(), clipping);
        assertThat(changes(diff.poll(T0))).containsExactlyInAnyOrder(
                tuple(ChangeType.STARTED, "old", T0.minus(Duration.ofHours(3)), null),
                tuple(ChangeType.STARTED, "lost", null, null));
        assertThat(lookedUp).hasSize(1);

        Instant t1 = T0.plus(Duration.ofMinutes(1));
        src.start("new", t1.plusSeconds(10));
        Instant t2 = T0.plus(Duration.ofMinutes(2));
        List<SessionChange> second = diff.poll(t2);
        assertThat(changes(second)).containsExactly(tuple(ChangeType.STARTED, "new", t1.plusSeconds(10), null));
        assertThat(lookedUp).as("a session that started after the last poll is not looked up").hasSize(1);
        assertThat(src.asked.get(1).from()).as("the window does not reach back to the oldest open session")
                .isEqualTo(T0.minus(FeedOptions.DEFAULT_OVERLAP));

        // resumed from the checkpoint's text, the ends carry the starts first found, never the clipped ones
        Checkpoint cp = Checkpoint.parse(diff.checkpoint().toString());
        src.end("old", T0.plus(Duration.ofMinutes(5)));
        src.end("lost", T0.plus(Duration.ofMinutes(5)));
        SessionDiff resumed = new SessionDiff(src, FeedOptions.builder().resumeFrom(cp).build(), clipping);
        List<SessionChange> ends = resumed.poll(T0.plus(Duration.ofMinutes(6)));
        assertThat(changes(ends)).containsExactlyInAnyOrder(
                tuple(ChangeType.ENDED, "old", T0.minus(Duration.ofHours(3)), T0.plus(Duration.ofMinutes(5))),
                tuple(ChangeType.ENDED, "lost", null, T0.plus(Duration.ofMinutes(5))));
        assertThat(ends).filteredOn(c -> c.session().id().equals("lost"))
                .allSatisfy(c -> assertThat(c.session().attributes()).containsEntry(SessionDiff.START_UNKNOWN, "true"));
        assertThat(lookedUp).hasSize(1);
    }

    @Test
    void withoutClippingTheWindowReachesBackToTheOldestOpenSession() {
        Source src = new Source(false);
        src.start("old", T0.minus(Duration.ofHours(3)));
        SessionDiff diff = new SessionDiff(src, FeedOptions.defaults());
        diff.poll(T0);
        diff.poll(T0.plus(Duration.ofMinutes(1)));
        assertThat(src.asked.get(1).from()).isEqualTo(T0.minus(Duration.ofHours(3)));
    }

    @Test
    void aHundredThousandSessionsOverAWeekReportedOnceEachWithABoundedCheckpoint() {
        Source src = new Source(false);
        int n = 100_000;
        Duration spacing = Duration.ofSeconds(6);
        Duration length = Duration.ofMinutes(3);
        SessionDiff diff = new SessionDiff(src, FeedOptions.builder().since(T0).build());
        Set<String> started = new HashSet<>();
        Set<String> ended = new HashSet<>();
        int longest = 0;
        int next = 0;
        for (Instant now = T0; next < n || !src.sessions.isEmpty(); now = now.plus(Duration.ofMinutes(1))) {
            while (next < n && !T0.plus(spacing.multipliedBy(next)).isAfter(now)) {
                src.start("s" + next, T0.plus(spacing.multipliedBy(next)));
                next++;
            }
            for (Map.Entry<String, Instant[]> e : src.sessions.entrySet()) {
                if (e.getValue()[1] == null && !e.getValue()[0].plus(length).isAfter(now)) {
                    e.getValue()[1] = e.getValue()[0].plus(length);
                }
            }
            Instant pollAt = now;
            for (SessionChange c : diff.poll(now)) {
                assertThat((c.type() == ChangeType.STARTED ? started : ended).add(c.session().id()))
                        .as("reported once: %s %s at %s", c.type(), c.session().id(), pollAt).isTrue();
            }
            longest = Math.max(longest, diff.checkpoint().toString().length());
            // forget what ended long ago, as a vendor's listing of recent sessions does
            Instant forget = now.minus(Duration.ofHours(1));
            src.sessions.values().removeIf(t -> t[1] != null && t[1].isBefore(forget));
        }
        assertThat(started).hasSize(n);
        assertThat(ended).hasSize(n);
        // 30 open at once and 300 ended within the overlap: a few tens of kilobytes, whatever n is
        assertThat(longest).isLessThan(32_000);
    }

    @Test
    void aSessionTableKeptFromAnEarlierPollResumesExactlyAndIsPackedAgainOnlyWhenTheSessionsChange() {
        Source src = new Source(false);
        src.start("a", T0.minus(Duration.ofMinutes(30)));
        src.start("b", T0.minus(Duration.ofMinutes(20)));
        SessionDiff diff = new SessionDiff(src, FeedOptions.defaults());
        diff.poll(T0);
        String packedAtFirst = CheckpointState.read(diff.checkpoint()).text("sessions");
        for (int k = 1; k <= 5; k++) {
            diff.poll(T0.plus(Duration.ofMinutes(k)));
        }
        Checkpoint quiet = Checkpoint.parse(diff.checkpoint().toString());
        CheckpointState q = CheckpointState.read(quiet);
        assertThat(q.number("since")).isEqualTo(T0.plus(Duration.ofMinutes(5)).toEpochMilli());
        assertThat(q.number("base")).as("packed at the first poll, kept while nothing changed").isEqualTo(T0.toEpochMilli());
        assertThat(q.text("sessions")).isEqualTo(packedAtFirst);
        assertThat(SessionDiff.openSessions(quiet)).isEqualTo(Map.of("a", T0.minus(Duration.ofMinutes(30)).toEpochMilli(),
                "b", T0.minus(Duration.ofMinutes(20)).toEpochMilli()));

        // resumed from the kept table, the diff sees exactly what changed since
        SessionDiff resumed = new SessionDiff(src, FeedOptions.builder().resumeFrom(quiet).build());
        src.end("a", T0.plus(Duration.ofMinutes(6)));
        src.start("c", T0.plus(Duration.ofMinutes(6)));
        assertThat(changes(resumed.poll(T0.plus(Duration.ofMinutes(7))))).containsExactlyInAnyOrder(
                tuple(ChangeType.ENDED, "a", T0.minus(Duration.ofMinutes(30)), T0.plus(Duration.ofMinutes(6))),
                tuple(ChangeType.STARTED, "c", T0.plus(Duration.ofMinutes(6)), null));
        CheckpointState changed = CheckpointState.read(resumed.checkpoint());
        assertThat(changed.number("base")).as("packed again once the sessions changed")
                .isEqualTo(T0.plus(Duration.ofMinutes(7)).toEpochMilli());
        assertThat(SessionDiff.openSessions(resumed.checkpoint())).containsOnlyKeys("b", "c");
    }
}
