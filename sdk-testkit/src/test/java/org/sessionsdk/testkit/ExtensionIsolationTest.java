package org.sessionsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.sessionsdk.plesk.PleskClient;

/** What one test leaves behind in the simulators never reaches the next. */
class ExtensionIsolationTest {

    /** One simulator for the class: faults a test queued and did not use are cleared after it. */
    @Nested
    @SessionSimulators(sessions = 3)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class PerClass {
        @Test
        @Order(1)
        void queuesAFaultAndLeavesIt(PleskSimulator panel) {
            panel.faults().failNext(503, "").failNext(503, "").failNext(503, "");
            assertThat(panel.requestCount()).isZero();
        }

        @Test
        @Order(2)
        void theNextTestDoesNotMeetIt(PleskClient plesk, PleskSimulator panel) {
            assertThat(plesk.sessions().list()).hasSize(3);
            assertThat(panel.requestCount()).isEqualTo(1); // no 503 was played: no retry happened
        }
    }

    /** With {@code per = METHOD}, every test starts from the same, untouched state. */
    @Nested
    @SessionSimulators(sessions = 3, per = SessionSimulators.Scope.METHOD)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class PerMethod {
        @Test
        @Order(1)
        void endsASession(PleskClient plesk) {
            plesk.sessions().terminate(plesk.sessions().list().get(0).id());
            assertThat(plesk.sessions().list()).hasSize(2);
        }

        @Test
        @Order(2)
        void theNextTestSeesEverySessionOnAFreshSimulator(PleskClient plesk, PleskSimulator panel) {
            assertThat(panel.requestCount()).isZero();
            assertThat(plesk.sessions().list()).hasSize(3);
        }
    }
}
