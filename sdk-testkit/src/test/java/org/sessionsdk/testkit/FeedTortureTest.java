package org.sessionsdk.testkit;

import static org.sessionsdk.testkit.TortureRun.Stream.AUDIT;
import static org.sessionsdk.testkit.TortureRun.Stream.SESSIONS;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The feed torture suite (issue 28): for each vendor and stream a condition applies to, a scripted
 * hour is followed through the public API by a {@code FeedRunner} in 30-second steps of a simulated
 * clock, with a crash between a handled batch and its save at a seeded step and a resume of a new feed
 * from the store. It proves that every scripted session start, end and audit entry arrives (none
 * lost, nothing else), that only an unsaved batch comes twice, and that the gaps reported are exactly
 * those expected. Each run prints a {@code TORTURE ...} line of figures (see docs/reliability.md).
 */
class FeedTortureTest {
    private static final List<Vendor> AUDITED = List.of(Vendor.PLESK, Vendor.EKRAN, Vendor.SAYMON);

    /** Every vendor's sessions and every audited vendor's audit log under one server condition. */
    private static Stream<TortureRun> everyFeed(String condition, UnaryOperator<Vendor.World> world) {
        List<TortureRun> runs = new ArrayList<>();
        for (Vendor v : Vendor.values()) {
            runs.add(run(v, SESSIONS, condition, world));
        }
        for (Vendor v : AUDITED) {
            runs.add(run(v, AUDIT, condition, world));
        }
        return runs.stream();
    }

    private static TortureRun run(Vendor v, TortureRun.Stream s, String condition, UnaryOperator<Vendor.World> world) {
        TortureRun r = new TortureRun(v, s, condition);
        r.world = world;
        return r;
    }

    /**
     * The loss {@code ekran audit skew-10m} shows: act01 (+2m) and act02 (+5m) never arrive.
     */
    static final String EKRAN_AUDIT_STARTED_NOW_BEHIND = "loss: an Ekran audit feed started now (no since, no"
            + " checkpoint) asks by date from the client's now until its first alert gives it an activity-id"
            + " cursor (EkranAuditCursor.poll: read(null, null, since = now) and the exact local filter"
            + " !e.time().isBefore(dateFrom)); a server clock 10 min behind stamps the alerts of the first 10"
            + " minutes before that instant, so they are dropped: act01 and act02 of 8 are lost";

    /** The runs that lose events today, each kept (and run by a disabled test) with the loss it shows. */
    private static final Map<String, String> KNOWN_LOSSES = Map.of(
            "ekran audit skew-10m", EKRAN_AUDIT_STARTED_NOW_BEHIND);

    private static Stream<TortureRun> withoutKnownLosses(Stream<TortureRun> runs) {
        return runs.filter(r -> !KNOWN_LOSSES.containsKey(r.toString()));
    }

    static Stream<TortureRun> clockSkew() {
        return withoutKnownLosses(allClockSkew());
    }

    private static Stream<TortureRun> allClockSkew() {
        return Stream.of(
                everyFeed("skew-10m", w -> w.skew(Duration.ofMinutes(-10))),
                everyFeed("skew+10m", w -> w.skew(Duration.ofMinutes(10))),
                everyFeed("drift+2m/h", w -> w.drift(Duration.ofMinutes(2)))).flatMap(s -> s);
    }

    private static TortureRun known(Stream<TortureRun> runs, String name) {
        return runs.filter(r -> r.toString().equals(name)).findFirst().orElseThrow();
    }

    static Stream<TortureRun> lateRows() {
        return Stream.of(
                everyFeed("late5m", w -> w.late(Duration.ofMinutes(5))),
                everyFeed("late14m", w -> w.late(Duration.ofMinutes(14)))).flatMap(s -> s);
    }

    static Stream<TortureRun> failingHandler() {
        return Stream.of(Vendor.values()).map(v -> {
            TortureRun r = new TortureRun(v, SESSIONS, "handler-fails-3x");
            r.handlerFailures = 3;
            return r;
        });
    }

    private static final java.time.ZoneId BERLIN = java.time.ZoneId.of("Europe/Berlin");

    /** Sessions feeds of vendors whose wire has server-local times (Ekran's carry offsets), 40 minutes before a DST change. */
    static Stream<TortureRun> daylightSaving() {
        List<TortureRun> runs = new ArrayList<>();
        for (Vendor v : List.of(Vendor.SENHASEGURA, Vendor.PLESK, Vendor.EKRAN)) {
            for (String change : List.of("2026-10-25T01:00:00Z fall-back", "2026-03-29T01:00:00Z spring-forward")) {
                TortureRun r = run(v, SESSIONS, "dst-" + change.split(" ")[1], w -> w.zone(BERLIN));
                java.time.Instant at = java.time.Instant.parse(change.split(" ")[0]);
                r.start = at.minus(Duration.ofMinutes(40));
                if (change.endsWith("fall-back") && v != Vendor.EKRAN) {
                    // an offset-less time of the repeated hour: each session there comes with one gap saying
                    // it was read with the earlier offset (Ekran writes offsets: none)
                    r.alsoExpected = g -> g.kind() == org.sessionsdk.core.feed.FeedGap.Kind.AMBIGUOUS_LOCAL_TIME
                            && !g.from().isBefore(at.minus(Duration.ofHours(1))) && g.from().isBefore(at)
                            && g.to().equals(g.from().plus(Duration.ofHours(1)));
                    r.alsoExpectedAtLeast = 1;
                }
                runs.add(r);
            }
        }
        return runs.stream();
    }

    /** The id-cursor audit logs, cleared at +30m (after act05, before act06). */
    static Stream<TortureRun> logReset() {
        return Stream.of(Vendor.PLESK, Vendor.EKRAN).map(v -> {
            TortureRun r = new TortureRun(v, AUDIT, "log-reset");
            r.actions.put(30, sim -> {
                if (sim instanceof PleskSimulator p) {
                    p.resetLog();
                } else {
                    ((EkranSimulator) sim).resetLog();
                }
            });
            r.expectedGaps.add(org.sessionsdk.core.feed.FeedGap.Kind.LOG_RESET);
            return r;
        });
    }

    /** A week of generated entries behind the id-cursor audit logs, read from a week back in batches of 500. */
    static Stream<TortureRun> backlog() {
        return Stream.of(Vendor.PLESK, Vendor.EKRAN).map(v -> {
            TortureRun r = new TortureRun(v, AUDIT, "week-backlog-500");
            int n = v == Vendor.PLESK ? 7 * 24 * 60 : 7 * 24 * 60 / 7; // a minute apart; about 7 minutes apart
            r.setUp = sim -> {
                if (sim instanceof PleskSimulator p) {
                    p.withEvents(n);
                } else {
                    ((EkranSimulator) sim).withAlerts(n);
                }
            };
            r.options = b -> b.since(TortureRun.T0.minus(Duration.ofDays(7)).minus(Duration.ofHours(1))).maxBatchSize(500);
            for (int id = 1; id <= n; id++) {
                r.extraExpected.add("AUDIT #" + id);
            }
            return r;
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("daylightSaving")
    void aScenarioAcrossADaylightSavingChangeInTheServersZoneLosesNothing(TortureRun run) throws Exception {
        run.play();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("logReset")
    void aClearedAuditLogIsOneGapAndEverythingLoggedAfterItArrives(TortureRun run) throws Exception {
        run.play();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backlog")
    void aWeekOfBacklogComesInBoundedBatchesWithNothingLost(TortureRun run) throws Exception {
        run.play();
    }

    @Test
    void aSaymonUserWhoseAuditLogFailsTenMinutesThenHealsLosesNothing() throws Exception {
        TortureRun r = new TortureRun(Vendor.SAYMON, AUDIT, "user-log-fails-10m");
        r.actions.put(10, sim -> ((SaymonSimulator) sim).failAuditLogOf("act03", 500));
        r.actions.put(20, sim -> ((SaymonSimulator) sim).failAuditLogOf("act03", 0));
        r.play();
    }

    /** The loss {@code saymon sessions open-30-days} shows. */
    static final String SAYMON_OPEN_30_DAYS = "documented limit: a SAYMON session opened 30 days before a sessions"
            + " feed started now, and still open, is not reported STARTED: SAYMON lists sessions by a time window with"
            + " no 'open now' filter, and a feed started now reads sessionLookBack (24 h) back (docs/reliability.md)";

    @Test
    @Disabled(SAYMON_OPEN_30_DAYS)
    void aSaymonSessionOpenForThirtyDaysIsReported() throws Exception {
        TortureRun r = new TortureRun(Vendor.SAYMON, SESSIONS, "open-30-days");
        java.time.Instant opened = TortureRun.T0.minus(Duration.ofDays(30));
        r.setUp = sim -> ((SaymonSimulator) sim).withSession(new org.sessionsdk.saymon.SaymonSession(
                "5f5f42004d7123f718b7d30d", "5f5f42004d7123f718b7d300", "old30", opened, null, null));
        r.extraExpected.add("STARTED old30");
        r.play();
    }

    /** The loss {@code saymon audit user-log-fails-30m} shows. */
    static final String SAYMON_USER_LOG_UNREADABLE = "loss: a SAYMON audit feed whose user act03's log answers 500"
            + " from +10m to +40m (longer than the 15 min overlap) never delivers act03's entry of +11m, and reports"
            + " no gap for it: FeedGap.Kind.SOURCE_UNREADABLE is declared but emitted nowhere in main code";

    @Test
    // was @Disabled(SAYMON_USER_LOG_UNREADABLE): per-user positions deliver it
    void aSaymonUserWhoseAuditLogFailsLongerThanTheOverlapLosesNothing() throws Exception {
        TortureRun r = new TortureRun(Vendor.SAYMON, AUDIT, "user-log-fails-30m");
        r.actions.put(10, sim -> ((SaymonSimulator) sim).failAuditLogOf("act03", 500));
        r.actions.put(40, sim -> ((SaymonSimulator) sim).failAuditLogOf("act03", 0));
        r.play();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clockSkew")
    void aServerClockAheadBehindOrDriftingLosesNothing(TortureRun run) throws Exception {
        run.play();
    }

    @Test
    // was @Disabled(EKRAN_AUDIT_STARTED_NOW_BEHIND): a feed started now looks the overlap back
    void ekranAuditStartedNowWithTheServerTenMinutesBehindLosesNothing() throws Exception {
        known(allClockSkew(), "ekran audit skew-10m").play();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lateRows")
    void rowsListedLateWithinTheOverlapAreAllDelivered(TortureRun run) throws Exception {
        run.play();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failingHandler")
    void aHandlerFailingThreeTimesInARowGetsOnlyThatBatchAgain(TortureRun run) throws Exception {
        run.play();
    }

    @AfterAll
    static void printTable() {
        System.out.println("| vendor | stream | condition | expected | delivered | lost | repeats | gaps |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (TortureRun.Figures f : TortureRun.FIGURES) {
            System.out.println("| " + f.vendor().name().toLowerCase() + " | " + f.stream().name().toLowerCase() + " | "
                    + f.condition() + " | " + f.expected() + " | " + f.delivered() + " | " + f.lost() + " | "
                    + f.repeats() + " | " + f.gaps() + " |");
        }
        // each run asserted its own figures (TortureRun.play); the suite as a whole lost nothing either
        org.assertj.core.api.Assertions.assertThat(TortureRun.FIGURES).as("torture runs")
                .allSatisfy(f -> org.assertj.core.api.Assertions.assertThat(f.lost()).as(f.line()).isZero());
    }
}
