package org.sessionsdk.core.internal.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.audit.AuditEvent;
import org.sessionsdk.core.feed.ChangeType;
import org.sessionsdk.core.feed.Checkpoint;
import org.sessionsdk.core.feed.FeedOptions;
import org.sessionsdk.core.feed.SessionChange;
import org.sessionsdk.core.session.SessionRecord;
import org.sessionsdk.core.session.SessionSource;
import org.sessionsdk.core.session.TimeRange;

/**
 * The bound: a checkpoint stays under 256 KB at 10,000 open sessions, and at 100 audit entries
 * a second over the whole 15-minute overlap (90,000 entries in it); compacting the state loses nothing
 * (a round trip through the text resumes exactly, and a late entry landing in a compacted bucket is
 * delivered). Sizes are asserted, not times.
 */
class CheckpointSizeTest {
    private static final int BOUND = 256 * 1024;
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    /** Session ids in each vendor's form: SAYMON 24 hex, Plesk 32 hex, Ekran and senhasegura numbers. */
    private static final Map<String, IntFunction<String>> ID_FORMS = new LinkedHashMap<>();

    static {
        Random r = new Random(7);
        ID_FORMS.put("24-hex (SAYMON)", i -> String.format("%08x%016x", 0x69a5_0000 + i / 3, r.nextLong()));
        ID_FORMS.put("32-hex (Plesk)", i -> String.format("%016x%016x", r.nextLong(), r.nextLong()));
        ID_FORMS.put("number (Ekran, senhasegura)", i -> Integer.toString(4_000_000 + i * 3 + r.nextInt(3)));
    }

    /** Sessions in memory, listed open (end null) or ended. */
    private static final class Source implements SessionSource {
        final Map<String, SessionRecord> rows = new TreeMap<>();

        @Override
        public String vendor() {
            return "test";
        }

        @Override
        public Stream<SessionRecord> sessionRecords(TimeRange range) {
            return List.copyOf(rows.values()).stream().filter(s -> range.overlaps(s.start(), s.end()));
        }
    }

    @Test
    void tenThousandOpenSessionsFitAndResumeExactly() {
        for (Map.Entry<String, IntFunction<String>> form : ID_FORMS.entrySet()) {
            Source src = new Source();
            Random r = new Random(11);
            for (int i = 0; i < 10_000; i++) {
                String id = form.getValue().apply(i);
                // started over the past 8 hours (whole seconds, as the servers write them), logins from a pool of 500
                Instant start = T0.minusSeconds(r.nextInt(8 * 3600));
                src.rows.put(id, new SessionRecord("test", id, "user" + r.nextInt(500), "10.0.0.1", null, null,
                        start, null, null, Map.of()));
            }
            SessionDiff diff = new SessionDiff(src, FeedOptions.defaults());
            assertThat(diff.poll(T0)).hasSize(10_000);
            String text = diff.checkpoint().toString();
            System.out.printf(Locale.ROOT, "10,000 open sessions, %s ids: %,d bytes, %.1f bytes a session (table %,d)%n",
                    form.getKey(), text.length(), text.length() / 10_000.0, CheckpointState.read(diff.checkpoint()).text("sessions").length());
            assertThat(text.length()).as(form.getKey()).isLessThan(BOUND);

            // the round trip: resumed from the text, nothing is new, and every session still has its start and user
            SessionDiff resumed = new SessionDiff(src, FeedOptions.builder().resumeFrom(Checkpoint.parse(text)).build());
            assertThat(resumed.checkpoint()).isEqualTo(diff.checkpoint());
            assertThat(resumed.poll(T0.plusSeconds(30))).isEmpty();
            Map<String, SessionRecord> before = new HashMap<>(src.rows);
            src.rows.clear(); // every session vanishes (Plesk lists open ones only): each ENDED comes from the state
            List<SessionChange> ended = resumed.poll(T0.plusSeconds(60));
            assertThat(ended).hasSize(10_000).allMatch(c -> c.type() == ChangeType.ENDED);
            for (SessionChange c : ended) {
                SessionRecord was = before.get(c.session().id());
                assertThat(c.session().start()).isEqualTo(was.start());
                assertThat(c.session().user()).isEqualTo(was.user());
            }
        }
    }

    /** SAYMON's audit ids: {@code <user>-<ms>-<16 hex>}, 50 users. */
    private static String saymonId(int user, long ms, long hash) {
        return String.format("%08x%016x-%d-%016x", 0x5f5f4200 + user, 0x1234_5678_9abcL * (user + 1), ms, hash);
    }

    /** An audit log at 100 entries a second from {@code T0}; a late entry can be added anywhere. */
    private static final class Log implements AuditWindows.Log {
        final List<AuditEvent> entries = new ArrayList<>();
        final boolean perUser;
        int reads;

        Log(boolean perUser, int seconds) {
            this.perUser = perUser;
            Random r = new Random(3);
            for (int k = 0; k < seconds * 100; k++) {
                long ms = T0.toEpochMilli() + k * 10L;
                entries.add(entry(saymonId(r.nextInt(50), ms, r.nextLong()), Instant.ofEpochMilli(ms)));
            }
        }

        static AuditEvent entry(String id, Instant at) {
            return new AuditEvent("test", id, at, "u", null, "changed", null, null, null, Map.of());
        }

        @Override
        public void read(Instant from, Instant emitFrom, Instant now, Consumer<AuditEvent> sink) {
            reads++;
            for (AuditEvent e : entries) {
                if (!e.time().isBefore(from) && !e.time().isAfter(now)) {
                    sink.accept(e);
                }
            }
        }

        @Override
        public String scope(String id) {
            return perUser ? id.substring(0, id.indexOf('-')) : "";
        }

        @Override
        public Duration bucket() {
            return perUser ? Duration.ofMinutes(1) : Duration.ofSeconds(1);
        }
    }

    private static AuditWindows windows(Log log, Checkpoint from) {
        FeedOptions.Builder o = FeedOptions.builder().since(T0);
        if (from != null) {
            o.resumeFrom(from);
        }
        return new AuditWindows("test/audit/windows", log, o.build());
    }

    @Test
    void aHundredEntriesASecondOverTheOverlapFitAndNothingIsLostOrRepeated() {
        for (boolean perUser : new boolean[] {false, true}) {
            Log log = new Log(perUser, 20 * 60);
            AuditWindows feed = windows(log, null);
            Set<String> got = new HashSet<>();
            int repeats = 0;
            // a poll a minute for 20 minutes: the 15-minute overlap is full of 90,000 entries
            for (int m = 1; m <= 20; m++) {
                for (AuditEvent e : feed.poll(T0.plusSeconds(60L * m))) {
                    repeats += got.add(e.id()) ? 0 : 1;
                }
            }
            assertThat(got).as("every entry once").hasSize(120_000);
            assertThat(repeats).isZero();
            String text = feed.checkpoint().toString();
            int[] kept = feed.remembered();
            System.out.printf(Locale.ROOT, "audit, 100 entries/s, %s buckets: %,d bytes (%d ids exact, %d buckets),"
                            + " %.2f bytes an entry of the overlap%n", perUser ? "per-user 1-minute" : "1-second",
                    text.length(), kept[0], kept[1], text.length() / 90_000.0);
            assertThat(text.length()).isLessThan(BOUND);
            assertThat(kept[1]).as("older buckets compacted").isPositive();

            // the round trip: a feed resumed from the text polls exactly as the one that wrote it
            AuditWindows resumed = windows(log, Checkpoint.parse(text));
            assertThat(resumed.checkpoint()).isEqualTo(feed.checkpoint());
            log.entries.add(Log.entry(saymonId(7, T0.toEpochMilli() + 1_230_000, 42), T0.plusSeconds(1230)));
            List<AuditEvent> a = feed.poll(T0.plusSeconds(21 * 60));
            List<AuditEvent> b = resumed.poll(T0.plusSeconds(21 * 60));
            assertThat(b).isEqualTo(a);
            assertThat(resumed.checkpoint()).isEqualTo(feed.checkpoint());
        }
    }

    @Test
    void aLateEntryInACompactedBucketIsDeliveredWithItsBucketAgainNeverLost() {
        Log log = new Log(false, 20 * 60);
        AuditWindows feed = windows(log, null);
        Set<String> got = new HashSet<>();
        for (int m = 1; m <= 20; m++) {
            feed.poll(T0.plusSeconds(60L * m)).forEach(e -> got.add(e.id()));
        }
        assertThat(got).hasSize(120_000);
        // ten minutes old: well inside the overlap, in a bucket remembered only as a count and a sum
        Instant late = T0.plusSeconds(10 * 60).plusMillis(5);
        String lateId = saymonId(3, late.toEpochMilli(), 99);
        log.entries.add(Log.entry(lateId, late));
        List<AuditEvent> next = feed.poll(T0.plusSeconds(20 * 60 + 30));
        assertThat(next).extracting(AuditEvent::id).as("the late entry is delivered").contains(lateId);
        // with it, only its bucket (one second, 100 entries) comes again, and then never again
        assertThat(next).hasSize(101);
        assertThat(next).filteredOn(e -> !e.id().equals(lateId)).as("repeats: its bucket mates only")
                .allMatch(e -> got.contains(e.id()) && e.time().getEpochSecond() == late.getEpochSecond());
        assertThat(feed.poll(T0.plusSeconds(20 * 60 + 60))).isEmpty();
    }

    @Test
    void anyIdStartAndUserRoundTripsThroughThePackedForm() {
        Map<String, Long> open = new LinkedHashMap<>();
        Map<String, String> users = new LinkedHashMap<>();
        Map<String, Long> ended = new LinkedHashMap<>();
        long base = T0.toEpochMilli();
        String[] ids = {"", "0", "007", "123456789012345678901", "42", "abc", "abcd", "ABCDEF", "a,b\nc%d", "jörg's \"id\"",
                "\uD83D\uDE00x", "\uD83D\uDE01", "ff", "ffe"};
        for (int k = 0; k < ids.length; k++) {
            open.put(ids[k], k == 3 ? Long.MIN_VALUE : base - k * 1_234L + (k % 2 == 0 ? 5_000 : 0));
            users.put(ids[k], k % 3 == 0 ? "" : "user,\n" + k % 4);
            ended.put(ids[k] + "-e", base - k * 7_000L);
        }
        Map<String, Object> state = new LinkedHashMap<>();
        DiffState.write(state, base, open, users, ended);
        Checkpoint back = Checkpoint.parse(CheckpointState.checkpoint("test/sessions/diff", state).toString());
        Map<String, Long> o = new HashMap<>();
        Map<String, String> u = new HashMap<>();
        Map<String, Long> e = new HashMap<>();
        DiffState.read(back, o, u, e);
        assertThat(o).isEqualTo(open);
        assertThat(u).isEqualTo(users);
        assertThat(e).isEqualTo(ended);
    }

    @Test
    void aCheckpointOfTheFormerReleaseStillResumes() {
        Source src = new Source();
        src.rows.put("s1", new SessionRecord("test", "s1", "alice", null, null, null, T0.minusSeconds(600), null, null,
                Map.of()));
        // as the release before the packed form wrote it: tables keyed by id
        Checkpoint old = Checkpoint.parse(CheckpointState.checkpoint("test/sessions/diff", Map.of("since", T0.toEpochMilli(),
                "open", Map.of("s1", T0.minusSeconds(600).toEpochMilli(), "s2", T0.minusSeconds(300).toEpochMilli()),
                "user", Map.of("s1", "alice", "s2", "bob"), "ended", Map.of("s3", T0.minusSeconds(60).toEpochMilli())))
                .toString());
        SessionDiff diff = new SessionDiff(src, FeedOptions.builder().resumeFrom(old).build());
        List<SessionChange> changes = diff.poll(T0.plusSeconds(60));
        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo(ChangeType.ENDED);
            assertThat(c.session().id()).isEqualTo("s2");
            assertThat(c.session().user()).isEqualTo("bob");
            assertThat(c.session().start()).isEqualTo(T0.minusSeconds(300));
        });
        assertThat(SessionDiff.openSessions(diff.checkpoint())).containsOnlyKeys("s1");
        assertThat(SessionDiff.endedSessions(diff.checkpoint())).containsKeys("s2", "s3");

        Log log = new Log(false, 0);
        log.entries.add(Log.entry("a1", T0.minusSeconds(30)));
        log.entries.add(Log.entry("a2", T0.plusSeconds(30)));
        Checkpoint oldAudit = Checkpoint.parse(CheckpointState.checkpoint("test/audit/windows", Map.of("since", T0.toEpochMilli(),
                "seen", Map.of("a1", T0.minusSeconds(30).toEpochMilli()))).toString());
        assertThat(new AuditWindows("test/audit/windows", log, FeedOptions.builder().resumeFrom(oldAudit).build())
                .poll(T0.plusSeconds(60))).extracting(AuditEvent::id).containsExactly("a2");
    }
}
