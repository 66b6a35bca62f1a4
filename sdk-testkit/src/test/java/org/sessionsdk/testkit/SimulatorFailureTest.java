package org.sessionsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** What a client sees when a simulator's own code fails: a 500, not a dropped connection. */
class SimulatorFailureTest {

    /** A simulator whose handler has a bug. */
    private static final class Broken extends Simulator {
        Broken() {
            super("broken");
        }

        @Override
        protected void handle(SimExchange exchange) {
            throw new IllegalStateException("a bug in the simulator");
        }

        @Override
        protected String malformedBody() {
            return "";
        }

        @Override
        protected String contentType() {
            return "text/plain";
        }

        @Override
        protected String stallPrefix() {
            return "";
        }

        @Override
        public Simulator withSeed(long seed) {
            return this;
        }

        @Override
        public Simulator withSessions(int n) {
            return this;
        }

        @Override
        public Simulator withScenario(Scenario scenario) {
            return this;
        }

        @Override
        public org.sessionsdk.core.client.SessionClient client() {
            throw new UnsupportedOperationException("no SDK client for a broken simulator");
        }
    }

    @Test
    void aFailingHandlerAnswers500() {
        try (Broken sim = new Broken()) {
            HttpResponse<String> r = RawHttp.get(sim, "/anything");
            assertThat(r.statusCode()).isEqualTo(500);
            assertThat(r.body()).contains("a bug in the simulator");
            assertThat(RawHttp.get(sim, "/again").statusCode()).as("the server keeps serving").isEqualTo(500);
        }
    }
}
