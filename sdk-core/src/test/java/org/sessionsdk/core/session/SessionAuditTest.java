package org.sessionsdk.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.error.AuthenticationException;
import org.sessionsdk.core.error.ErrorDetails;

class SessionAuditTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    private static SessionRecord rec(String vendor, String id, Instant start) {
        return new SessionRecord(vendor, id, "u", null, null, null, start, null, null, Map.of());
    }

    private static SessionSource source(String vendor, SessionRecord... records) {
        return new SessionSource() {
            @Override
            public String vendor() {
                return vendor;
            }

            @Override
            public Stream<SessionRecord> sessionRecords(TimeRange range) {
                return Stream.of(records);
            }
        };
    }

    @Test
    void mergesInStartOrderAndReportsAFailingSourceWithoutHidingTheOthers() {
        SessionSource broken = new SessionSource() {
            @Override
            public String vendor() {
                return "saymon";
            }

            @Override
            public Stream<SessionRecord> sessionRecords(TimeRange range) {
                throw new AuthenticationException(new ErrorDetails(401, null, null, "GET", "/x", null, 1, null));
            }
        };
        SessionAudit.Result r = SessionAudit.of(
                source("plesk", rec("plesk", "p1", T.plusSeconds(30)), rec("plesk", "p2", null)),
                broken,
                source("ekran", rec("ekran", "e1", T), rec("ekran", "e2", T.plusSeconds(60)))).collect(TimeRange.all());

        assertThat(r.records()).extracting(SessionRecord::id).containsExactly("e1", "p1", "e2", "p2");
        assertThat(r.outcomes()).extracting(SessionAudit.Outcome::vendor).containsExactly("plesk", "saymon", "ekran");
        assertThat(r.outcomes()).extracting(SessionAudit.Outcome::count).containsExactly(2, 0, 2);
        assertThat(r.failures()).singleElement().satisfies(f -> {
            assertThat(f.vendor()).isEqualTo("saymon");
            assertThat(f.error()).isInstanceOf(AuthenticationException.class);
        });
    }

    @Test
    void noSourcesIsAnEmptyResult() {
        assertThat(SessionAudit.of(List.of()).collect(TimeRange.all()).records()).isEmpty();
    }
}
