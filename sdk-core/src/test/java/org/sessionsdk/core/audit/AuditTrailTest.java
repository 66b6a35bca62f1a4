package org.sessionsdk.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.error.ServerException;
import org.sessionsdk.core.error.ErrorDetails;
import org.sessionsdk.core.session.SessionAudit;
import org.sessionsdk.core.session.TimeRange;

class AuditTrailTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    private static AuditEvent event(String vendor, String id, Instant time) {
        return new AuditEvent(vendor, id, time, "admin", null, "created", "domain", "d1", null, Map.of());
    }

    private static AuditSource source(String vendor, AtomicInteger closed, AuditEvent... events) {
        return new AuditSource() {
            @Override
            public String vendor() {
                return vendor;
            }

            @Override
            public Stream<AuditEvent> auditEvents(TimeRange range) {
                return Stream.of(events).filter(e -> range.contains(e.time())).onClose(closed::incrementAndGet);
            }
        };
    }

    @Test
    void mergesInTimeOrderClosesEveryStreamAndReportsAFailingSourceWithoutHidingTheOthers() {
        AtomicInteger closed = new AtomicInteger();
        AuditSource broken = new AuditSource() {
            @Override
            public String vendor() {
                return "saymon";
            }

            @Override
            public Stream<AuditEvent> auditEvents(TimeRange range) {
                throw new ServerException(new ErrorDetails(503, null, null, "GET", "/x", null, 1, null));
            }
        };
        AuditTrail.Result r = AuditTrail.of(
                source("plesk", closed, event("plesk", "2", T.plusSeconds(30)), event("plesk", "3", null)),
                broken,
                source("ekran", closed, event("ekran", "a", T), event("ekran", "b", T.plusSeconds(60))))
                .collect(TimeRange.all());

        assertThat(r.events()).extracting(AuditEvent::id).containsExactly("a", "2", "b", "3");
        assertThat(r.outcomes()).extracting(SessionAudit.Outcome::vendor).containsExactly("plesk", "saymon", "ekran");
        assertThat(r.outcomes()).extracting(SessionAudit.Outcome::count).containsExactly(2, 0, 2);
        assertThat(r.failures()).singleElement().satisfies(f -> assertThat(f.error()).isInstanceOf(ServerException.class));
        assertThat(closed).hasValue(2);
    }

    @Test
    void theRangePassesToEverySourceAndAnEmptyTrailIsEmpty() {
        AtomicInteger closed = new AtomicInteger();
        AuditTrail.Result r = AuditTrail.of(List.of(source("plesk", closed, event("plesk", "1", T),
                event("plesk", "2", T.plusSeconds(60))))).collect(TimeRange.between(T.plusSeconds(1), T.plusSeconds(61)));
        assertThat(r.events()).extracting(AuditEvent::id).containsExactly("2");
        assertThat(AuditTrail.of().collect(TimeRange.all()).events()).isEmpty();
        assertThatThrownBy(() -> AuditTrail.of().collect(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void anEventIsImmutableAndNeedsVendorAndId() {
        Map<String, String> attrs = new HashMap<>(Map.of("k", "v"));
        AuditEvent e = new AuditEvent("plesk", "1", T, null, null, null, null, null, null, attrs);
        attrs.put("other", "x");
        assertThat(e.attributes()).containsOnlyKeys("k");
        assertThat(new AuditEvent("plesk", "1", T, null, null, null, null, null, null, null).attributes()).isEmpty();
        assertThatThrownBy(() -> new AuditEvent(null, "1", T, null, null, null, null, null, null, null))
                .isInstanceOf(NullPointerException.class).hasMessage("vendor");
        assertThatThrownBy(() -> new AuditEvent("plesk", null, T, null, null, null, null, null, null, null))
                .isInstanceOf(NullPointerException.class).hasMessage("id");
    }
}
