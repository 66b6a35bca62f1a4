package org.sessionsdk.core.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.internal.feed.CheckpointState;
import org.sessionsdk.core.internal.feed.EndpointBinding;
import org.sessionsdk.core.internal.feed.PollingFeed;

/** Issue 28 items 4 and 5 in core: checkpoints name their endpoint; a strategy with more waiting is due at once. */
class CheckpointEndpointBindingTest {
    private static final Clock STILL = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);

    /** Counts its polls; says more is waiting for the first {@code early} of them. */
    private static final class Counting implements PollingFeed.Strategy<Integer> {
        private int polls;
        private final int early;

        Counting(int early) {
            this.early = early;
        }

        @Override
        public List<Integer> poll(Instant now) {
            return List.of(++polls);
        }

        @Override
        public Checkpoint checkpoint() {
            return CheckpointState.checkpoint("test/count", Map.of("polls", (long) polls));
        }

        @Override
        public boolean more() {
            return polls <= early;
        }

        @Override
        public void seek(Checkpoint cp, Instant firstPoll) {
            polls = CheckpointState.read(cp).number("polls").intValue();
        }
    }

    @Test
    void theEndpointIsAStableFormWithoutSecretsOrQuery() {
        assertThat(EndpointBinding.of(URI.create("HTTPS://User:pw@Panel.Example.com/")))
                .isEqualTo("https://panel.example.com:443");
        assertThat(EndpointBinding.of(URI.create("http://127.0.0.1:8080/t/7/?x=1#f"))).isEqualTo("http://127.0.0.1:8080/t/7");
        assertThat(EndpointBinding.of(null)).isNull();
    }

    @Test
    void theEndpointTravelsInTheTextAndAnOldCheckpointHasNone() {
        Checkpoint bound = CheckpointState.withEndpoint(CheckpointState.checkpoint("k", Map.of("n", 1L)), "https://a:443");
        Checkpoint back = Checkpoint.parse(bound.toString());
        assertThat(back.endpoint()).isEqualTo("https://a:443");
        assertThat(back).isEqualTo(bound).isNotEqualTo(CheckpointState.checkpoint("k", Map.of("n", 1L)));
        assertThat(CheckpointState.read(back).number("n")).isEqualTo(1L);
        assertThat(Checkpoint.parse(CheckpointState.checkpoint("k", Map.of("n", 1L)).toString()).endpoint()).isNull();
        assertThatThrownBy(() -> CheckpointState.checkpoint("k", Map.of("endpoint", "x"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPollingFeedBindsItsCheckpointsAndRefusesAnotherEndpointsUnlessTold() throws Exception {
        URI a = URI.create("https://a.example.com");
        URI b = URI.create("https://b.example.com:8443");
        Checkpoint fromA;
        try (PollingFeed<Integer> feed = new PollingFeed<>(new Counting(0), FeedOptions.builder().clock(STILL).build(), a)) {
            fromA = feed.poll(Duration.ZERO).checkpoint();
            assertThat(fromA.endpoint()).isEqualTo("https://a.example.com:443");
            assertThat(feed.checkpoint()).isEqualTo(fromA);
        }
        assertThatThrownBy(() -> new PollingFeed<>(new Counting(0), FeedOptions.builder().resumeFrom(fromA).build(), b))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("https://a.example.com:443").hasMessageContaining("https://b.example.com:8443");
        new PollingFeed<>(new Counting(0), FeedOptions.builder().resumeFrom(fromA).build(), a).close();
        new PollingFeed<>(new Counting(0), FeedOptions.builder().resumeFrom(fromA).acceptCheckpointFromOtherEndpoint(true)
                .build(), b).close();
        new PollingFeed<>(new Counting(0), FeedOptions.builder().resumeFrom(CheckpointState.withEndpoint(fromA, null)).build(), b).close();
    }

    @Test
    void aStrategyWithMoreWaitingIsPolledAgainAtOnceThenWaitsTheIntervalAgain() throws Exception {
        try (PollingFeed<Integer> feed = new PollingFeed<>(new Counting(2),
                FeedOptions.builder().clock(STILL).pollInterval(Duration.ofHours(1)).build(), null)) {
            assertThat(feed.poll(Duration.ZERO).items()).containsExactly(1);
            assertThat(feed.poll(Duration.ZERO).items()).as("more waiting: due although the clock stands").containsExactly(2);
            assertThat(feed.poll(Duration.ZERO).items()).containsExactly(3);
            assertThat(feed.poll(Duration.ZERO).items()).as("caught up: the interval again").isEmpty();
        }
    }

    @Test
    void maxBatchSizeDefaultsTo10000AndMustBePositive() {
        assertThat(FeedOptions.defaults().maxBatchSize()).isEqualTo(FeedOptions.DEFAULT_MAX_BATCH_SIZE).isEqualTo(10_000);
        assertThat(FeedOptions.builder().maxBatchSize(1).build().maxBatchSize()).isEqualTo(1);
        assertThatThrownBy(() -> FeedOptions.builder().maxBatchSize(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxBatchSize");
        assertThatThrownBy(() -> FeedOptions.builder().maxBatchSize(-5)).isInstanceOf(IllegalArgumentException.class);
        assertThat(FeedOptions.defaults().acceptCheckpointFromOtherEndpoint()).isFalse();
    }
}
