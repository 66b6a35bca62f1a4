package org.sessionsdk.core.feed;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.audit.AuditEvent;
import org.sessionsdk.core.audit.AuditSource;
import org.sessionsdk.core.internal.feed.CheckpointState;
import org.sessionsdk.core.session.SessionRecord;
import org.sessionsdk.core.session.SessionSource;
import org.sessionsdk.core.session.TimeRange;

/** A checkpoint that parses but does not hold what its feed wrote is a clear error, never a ClassCastException. */
class DamagedCheckpointTest {
    private static final SessionSource SESSIONS = new SessionSource() {
        @Override
        public String vendor() {
            return "plesk";
        }

        @Override
        public Stream<SessionRecord> sessionRecords(TimeRange range) {
            return Stream.empty();
        }
    };
    private static final AuditSource AUDIT = new AuditSource() {
        @Override
        public String vendor() {
            return "saymon";
        }

        @Override
        public Stream<AuditEvent> auditEvents(TimeRange range) {
            return Stream.empty();
        }
    };

    private static FeedOptions resume(String kind, Map<String, ?> state) {
        return FeedOptions.builder().resumeFrom(Checkpoint.parse(CheckpointState.checkpoint(kind, state).toString())).build();
    }

    @Test
    void wrongTypesMissingValuesAndForeignKindsAreIllegalArguments() {
        assertThatThrownBy(() -> SESSIONS.sessionFeed(resume("plesk/sessions/diff", Map.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no 'since'");
        assertThatThrownBy(() -> SESSIONS.sessionFeed(resume("plesk/sessions/diff",
                Map.of("since", 1L, "open", Map.of("s1", "not a number")))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'open' holds a value that is not a number");
        assertThatThrownBy(() -> SESSIONS.sessionFeed(resume("plesk/sessions/diff",
                Map.of("since", 1L, "user", Map.of("s1", 5L)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'user' holds a value that is not text");
        assertThatThrownBy(() -> AUDIT.auditFeed(resume("saymon/audit/windows", Map.of("since", 1L,
                "seen", Map.of("x", "y"))))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AUDIT.auditFeed(resume("plesk/sessions/diff", Map.of("since", 1L))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("belongs to a plesk/sessions/diff feed");
    }
}
