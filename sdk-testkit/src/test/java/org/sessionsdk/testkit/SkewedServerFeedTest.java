package org.sessionsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sessionsdk.core.audit.AuditEvent;
import org.sessionsdk.core.audit.AuditSource;
import org.sessionsdk.core.feed.Feed;
import org.sessionsdk.core.feed.FeedBatch;
import org.sessionsdk.core.feed.FeedOptions;
import org.sessionsdk.core.feed.SessionChange;
import org.sessionsdk.core.session.SessionSource;

/**
 * A server whose clock runs ten minutes ahead of or behind ours stamps every row in our future or
 * past: the feeds, on our clock, still deliver every start, end and audit entry once. (SAYMON's windows
 * used to end at our now, which hid what a server ahead stamped in our future.)
 */
class SkewedServerFeedTest {
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final Scenario LIFE = Scenario.parse("""
            +2m   start  s1  alice  192.0.2.10
            +3m   audit  alice  created  domain  example.com
            +6m   end    s1
            +8m   start  s2  bob    192.0.2.11
            +9m   audit  bob    deleted  domain  example.org
            +12m  end    s2
            """);

    @ParameterizedTest(name = "{0} server {1} min")
    @CsvSource({"PLESK,10", "PLESK,-10", "EKRAN,10", "EKRAN,-10", "SAYMON,10", "SAYMON,-10", "SENHASEGURA,10",
            "SENHASEGURA,-10"})
    void everyChangeArrivesOnceWhateverTheServersClock(Vendor vendor, int skewMinutes) throws Exception {
        SimClock clock = SimClock.at(T0);
        try (Simulator sim = vendor.start(Vendor.World.of(clock, LIFE).skew(Duration.ofMinutes(skewMinutes)));
             AutoCloseable client = vendor.client(sim, clock, true)) {
            FeedOptions options = FeedOptions.builder().clock(clock).pollInterval(Duration.ofSeconds(30))
                    .since(T0.minus(Duration.ofMinutes(30))).build();
            List<String> sessions = new ArrayList<>();
            List<String> audit = new ArrayList<>();
            try (Feed<SessionChange> sf = ((SessionSource) client).sessionFeed(options);
                 Feed<AuditEvent> af = vendor.hasAudit() ? ((AuditSource) client).auditFeed(options) : null) {
                for (int step = 0; step <= 60; step++) { // 30 minutes of polls every 30 s
                    clock.set(T0.plusSeconds(30L * step));
                    FeedBatch<SessionChange> b = sf.poll(Duration.ZERO);
                    b.items().forEach(c -> sessions.add(c.type() + " " + c.session().id()));
                    if (af != null) {
                        af.poll(Duration.ZERO).items().stream()
                                .filter(e -> "alice".equals(e.actor()) || "bob".equals(e.actor()))
                                .forEach(e -> audit.add(e.actor()));
                    }
                }
            }
            // two sessions (vendors number them their own way), each started and ended once, in that order
            List<String> ids = sessions.stream().filter(l -> l.startsWith("STARTED ")).map(l -> l.substring(8)).toList();
            assertThat(ids).hasSize(2).doesNotHaveDuplicates();
            assertThat(sessions).containsExactlyInAnyOrder("STARTED " + ids.get(0), "ENDED " + ids.get(0),
                    "STARTED " + ids.get(1), "ENDED " + ids.get(1));
            for (String id : ids) {
                assertThat(sessions.indexOf("STARTED " + id)).isLessThan(sessions.indexOf("ENDED " + id));
            }
            if (vendor.hasAudit()) {
                assertThat(audit).containsExactlyInAnyOrder("alice", "bob");
            }
        }
    }
}
