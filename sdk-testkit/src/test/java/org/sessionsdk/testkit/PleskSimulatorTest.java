package org.sessionsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.error.AuthenticationException;
import org.sessionsdk.core.error.NotFoundException;
import org.sessionsdk.core.error.ResponseFormatException;
import org.sessionsdk.core.error.ServerException;
import org.sessionsdk.core.error.TransportException;
import org.sessionsdk.core.retry.RetryPolicy;
import org.sessionsdk.plesk.PleskClient;
import org.sessionsdk.plesk.PleskCredentials;
import org.sessionsdk.plesk.PleskEvent;
import org.sessionsdk.plesk.PleskEventQuery;
import org.sessionsdk.plesk.PleskSecretKeyRequest;
import org.sessionsdk.plesk.PleskSession;

/** The Plesk simulator against the real Plesk client, used as a user would: through the extension. */
@SessionSimulators(sessions = 5)
class PleskSimulatorTest {

    @Test
    void listsAndTerminatesSessions(PleskSimulator panel, PleskClient plesk) {
        List<PleskSession> open = plesk.sessions().list();
        assertThat(open).hasSize(5).doesNotHaveDuplicates();
        assertThat(open).isEqualTo(panel.sessions());

        plesk.sessions().terminate(open.get(2).id());
        assertThat(plesk.sessions().list()).hasSize(4).doesNotContain(open.get(2));
        assertThatThrownBy(() -> plesk.sessions().terminate(open.get(2).id())).isInstanceOf(NotFoundException.class);

        String sso = plesk.sessions().create("jdoe", "192.0.2.44");
        assertThat(plesk.sessions().list()).anySatisfy(s -> {
            assertThat(s.id()).isEqualTo(sso);
            assertThat(s.ipAddress()).isEqualTo("192.0.2.44");
        });
        plesk.sessions().terminate(sso);
    }

    @Test
    void readsAndFollowsTheEventLog(PleskSimulator panel, PleskClient plesk) {
        panel.withEvents(10);
        assertThat(plesk.eventLog().lastId()).isEqualTo(10);
        assertThat(plesk.eventLog().list(PleskEventQuery.builder().fromId(8).build()))
                .extracting(PleskEvent::id).containsExactly(8L, 9L, 10L);

        try (PleskClient follower = PleskClient.builder().endpoint(panel.endpoint())
                .credentials(PleskCredentials.secretKey(PleskSimulator.SECRET_KEY))
                .pollSleeper(d -> panel.addEvents(2)).build();
             Stream<PleskEvent> live = follower.eventLog().follow(PleskEventQuery.builder().fromId(10).build(),
                     Duration.ofSeconds(1))) {
            Iterator<PleskEvent> it = live.iterator();
            assertThat(List.of(it.next().id(), it.next().id(), it.next().id())).containsExactly(10L, 11L, 12L);
        }
        plesk.eventLog().objectEvents().list();
        assertThat(panel.flushes()).isZero();
    }

    @Test
    void streamsAMillionEventsGeneratedOnTheFly(PleskSimulator panel, PleskClient plesk) {
        panel.withEvents(1_000_000);
        try (Stream<PleskEvent> s = plesk.eventLog().stream(PleskEventQuery.all())) {
            assertThat(s.count()).isEqualTo(1_000_000);
        }
        panel.withEvents(25);
    }

    @Test
    void managesSecretKeysAndChecksThem(PleskSimulator panel, PleskClient plesk) {
        String key = plesk.secretKeys().create(PleskSecretKeyRequest.builder().description("ci").build());
        try (PleskClient byNewKey = PleskClient.builder().endpoint(panel.endpoint())
                .credentials(PleskCredentials.secretKey(key)).build()) {
            assertThat(byNewKey.sessions().list()).isNotEmpty();
        }
        assertThat(plesk.secretKeys().list()).anySatisfy(k -> assertThat(k.key()).isEqualTo(key));
        plesk.secretKeys().delete(key);
        assertThat(plesk.secretKeys().list()).noneSatisfy(k -> assertThat(k.key()).isEqualTo(key));
    }

    @Test
    void answersWrongCredentialsWithPlesksOwnErrors(PleskSimulator panel) {
        try (PleskClient wrongKey = PleskClient.builder().endpoint(panel.endpoint())
                .credentials(PleskCredentials.secretKey("nope")).build();
             PleskClient wrongPassword = PleskClient.builder().endpoint(panel.endpoint())
                     .credentials(PleskCredentials.password("admin", "nope")).build();
             PleskClient rightPassword = PleskClient.builder().endpoint(panel.endpoint())
                     .credentials(PleskCredentials.password(PleskSimulator.LOGIN, PleskSimulator.PASSWORD)).build()) {
            assertThatThrownBy(() -> wrongKey.sessions().list()).isInstanceOf(AuthenticationException.class)
                    .hasMessageContaining("11003");
            assertThatThrownBy(() -> wrongPassword.sessions().list()).isInstanceOf(AuthenticationException.class)
                    .hasMessageContaining("1001");
            assertThat(rightPassword.sessions().list()).isNotEmpty();
        }
    }

    @Test
    void playsFaultsOnDemand(PleskSimulator panel) {
        try (PleskClient plesk = PleskClient.builder().endpoint(panel.endpoint())
                .credentials(PleskCredentials.secretKey(PleskSimulator.SECRET_KEY))
                .retryPolicy(RetryPolicy.none()).readTimeout(Duration.ofMillis(300)).build()) {
            panel.faults().failNext(503, "");
            assertThatThrownBy(() -> plesk.sessions().list()).isInstanceOf(ServerException.class);
            panel.faults().malformedNext();
            assertThatThrownBy(() -> plesk.sessions().list()).isInstanceOf(ResponseFormatException.class);
            panel.faults().resetNext();
            assertThatThrownBy(() -> plesk.sessions().list()).isInstanceOf(TransportException.class);
            panel.faults().dropMidBodyNext();
            assertThatThrownBy(() -> plesk.eventLog().list(PleskEventQuery.all()))
                    .isInstanceOfSatisfying(TransportException.class,
                            e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.IO));
            panel.faults().stallNext();
            assertThatThrownBy(() -> plesk.eventLog().list(PleskEventQuery.all()))
                    .isInstanceOfSatisfying(TransportException.class,
                            e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.READ_TIMEOUT));
            assertThat(plesk.sessions().list()).isNotEmpty();
        }
    }
}
