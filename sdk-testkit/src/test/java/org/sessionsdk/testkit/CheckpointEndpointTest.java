package org.sessionsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.audit.AuditEvent;
import org.sessionsdk.core.feed.Checkpoint;
import org.sessionsdk.core.feed.Feed;
import org.sessionsdk.core.feed.FeedBatch;
import org.sessionsdk.core.feed.FeedGap;
import org.sessionsdk.core.feed.FeedOptions;
import org.sessionsdk.testkit.testing.TestCheckpoints;
import org.sessionsdk.ekran.EkranClient;
import org.sessionsdk.plesk.PleskClient;
import org.sessionsdk.saymon.SaymonClient;
import org.sessionsdk.senhasegura.SenhaseguraClient;

/** Issue 28 item 4: a checkpoint is bound to the endpoint its feed read; another endpoint's is refused. */
class CheckpointEndpointTest {
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    private static FeedOptions.Builder options(SimClock clock) {
        return FeedOptions.builder().clock(clock);
    }

    /** The checkpoint a fresh feed stands at after one poll. */
    private static Checkpoint polledOnce(Feed<?> feed) throws InterruptedException {
        try (feed) {
            return Checkpoint.parse(feed.poll(Duration.ZERO).checkpoint().toString());
        }
    }

    @Test
    void aPleskCheckpointOfTenantAIsRefusedOnTenantBNamingBothAndAcceptedWhenAsked() throws Exception {
        SimClock clock = SimClock.at(T0);
        try (PleskSimulator sim = PleskSimulator.start().withClock(clock);
             PleskClient a = sim.tenant(1).withClock(clock).client();
             PleskClient b = sim.tenant(2).withClock(clock).client()) {
            sim.tenant(1).addEvents(5); // tenant 1's log reaches 30, tenant 2's stays at 25
            Checkpoint saved;
            try (Feed<AuditEvent> feed = a.auditFeed(options(clock).since(T0.minus(Duration.ofDays(1))).build())) {
                assertThat(feed.poll(Duration.ZERO).items()).hasSize(30);
                saved = Checkpoint.parse(feed.checkpoint().toString());
            }
            String endpointA = sim.tenant(1).endpoint().toString();
            String endpointB = sim.tenant(2).endpoint().toString();
            assertThatThrownBy(() -> b.auditFeed(options(clock).resumeFrom(saved).build()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(endpointA).hasMessageContaining(endpointB)
                    .hasMessageContaining("acceptCheckpointFromOtherEndpoint");

            // told to, the feed resumes; tenant 2's ids do not reach the cursor: a reset, its log read anew
            try (Feed<AuditEvent> moved = b.auditFeed(options(clock).resumeFrom(saved)
                    .acceptCheckpointFromOtherEndpoint(true).build())) {
                FeedBatch<AuditEvent> batch = moved.poll(Duration.ZERO);
                assertThat(batch.gaps()).singleElement().extracting(FeedGap::kind).isEqualTo(FeedGap.Kind.LOG_RESET);
                assertThat(batch.items()).hasSize(25);
                Checkpoint now = Checkpoint.parse(moved.checkpoint().toString());
                assertThatThrownBy(() -> a.auditFeed(options(clock).resumeFrom(now).build()))
                        .as("from then on the checkpoint is tenant 2's")
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(endpointB);
            }
        }
    }

    @Test
    void aCheckpointWithoutAnEndpointIsAcceptedAndThenBoundToTheEndpointItIsResumedOn() throws Exception {
        SimClock clock = SimClock.at(T0);
        try (PleskSimulator sim = PleskSimulator.start().withEvents(25).withClock(clock);
             PleskClient root = sim.client();
             PleskClient other = sim.tenant(3).withClock(clock).client()) {
            // as an SDK before issue 28 wrote it: the kind and the cursor only
            Checkpoint old = Checkpoint.parse(TestCheckpoints.of("plesk/audit/id", Map.of("next", 21L)).toString());
            Checkpoint bound;
            try (Feed<AuditEvent> feed = root.auditFeed(options(clock).resumeFrom(old).build())) {
                FeedBatch<AuditEvent> batch = feed.poll(Duration.ZERO);
                assertThat(batch.items()).extracting(AuditEvent::id).containsExactly("21", "22", "23", "24", "25");
                assertThat(batch.gaps()).isEmpty();
                bound = Checkpoint.parse(batch.checkpoint().toString());
            }
            assertThatThrownBy(() -> other.auditFeed(options(clock).resumeFrom(bound).build()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(sim.endpoint().toString());
        }
    }

    @Test
    void everyVendorsFeedsBindTheirCheckpoints() throws Exception {
        SimClock clock = SimClock.at(T0);
        try (PleskSimulator plesk = PleskSimulator.start().withClock(clock);
             EkranSimulator ekran = EkranSimulator.start().withClock(clock);
             SaymonSimulator saymon = SaymonSimulator.start().withClock(clock);
             SenhaseguraSimulator pam = SenhaseguraSimulator.start().withClock(clock);
             PleskClient p1 = plesk.tenant(1).client(); PleskClient p2 = plesk.tenant(2).client();
             EkranClient e1 = ekran.tenant(1).client(); EkranClient e2 = ekran.tenant(2).client();
             SaymonClient s1 = saymon.tenant(1).client(); SaymonClient s2 = saymon.tenant(2).client();
             SenhaseguraClient h1 = pam.tenant(1).client(); SenhaseguraClient h2 = pam.tenant(2).client()) {
            FeedOptions start = options(clock).build();
            refusedElsewhere(polledOnce(p1.sessionFeed(start)), o -> p2.sessionFeed(o));
            refusedElsewhere(polledOnce(p1.auditFeed(start)), o -> p2.auditFeed(o));
            refusedElsewhere(polledOnce(e1.sessionFeed(start)), o -> e2.sessionFeed(o));
            refusedElsewhere(polledOnce(e1.auditFeed(start)), o -> e2.auditFeed(o));
            refusedElsewhere(polledOnce(s1.sessionFeed(start)), o -> s2.sessionFeed(o));
            refusedElsewhere(polledOnce(s1.auditFeed(start)), o -> s2.auditFeed(o));
            refusedElsewhere(polledOnce(h1.sessionFeed(start)), o -> h2.sessionFeed(o));
            // the same endpoint resumes its own
            polledOnce(h1.sessionFeed(options(clock).resumeFrom(polledOnce(h1.sessionFeed(start))).build()));
        }
    }

    private static void refusedElsewhere(Checkpoint cp, Function<FeedOptions, Feed<?>> other) {
        assertThatThrownBy(() -> other.apply(FeedOptions.builder().resumeFrom(cp).build()).close())
                .as(cp.kind()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/t/1");
        other.apply(FeedOptions.builder().resumeFrom(cp).acceptCheckpointFromOtherEndpoint(true).build()).close();
    }
}
