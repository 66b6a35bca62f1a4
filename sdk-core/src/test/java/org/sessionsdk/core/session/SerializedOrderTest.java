package org.sessionsdk.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.audit.AuditEvent;
import org.sessionsdk.core.feed.Checkpoint;
import org.sessionsdk.core.internal.feed.CheckpointState;

/**
 * What is serialized and stored (exported documents, Connect values, checkpoints) iterates in one
 * order whatever map it was built from; {@code Map.of}/{@code Map.copyOf} iterate in an order seeded
 * anew in every JVM, so two processes would write the same data differently.
 */
class SerializedOrderTest {
    private static final Map<String, String> ATTRS = Map.of("zeta", "1", "alpha", "2", "mu", "3", "beta", "4",
            "omega", "5", "kappa", "6", "delta", "7");
    private static final List<String> SORTED = List.of("alpha", "beta", "delta", "kappa", "mu", "omega", "zeta");

    @Test
    void recordAttributesIterateByName() {
        SessionRecord r = new SessionRecord("v", "1", null, null, null, null, null, null, null, ATTRS);
        AuditEvent e = new AuditEvent("v", "1", Instant.EPOCH, null, null, null, null, null, null, ATTRS);
        assertThat(List.copyOf(r.attributes().keySet())).isEqualTo(SORTED);
        assertThat(List.copyOf(e.attributes().keySet())).isEqualTo(SORTED);
        assertThat(r.attributes()).isEqualTo(ATTRS);
        assertThatThrownBy(() -> r.attributes().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void attributesWithANullStayRefused() {
        Map<String, String> withNull = new HashMap<>();
        withNull.put("a", null);
        assertThatThrownBy(() -> new SessionRecord("v", "1", null, null, null, null, null, null, null, withNull))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void aCheckpointsTextDoesNotDependOnTheOrderOfTheMapItWasBuiltFrom() {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("since", 5L);
        one.put("after", "x");
        one.put("from", 7L);
        Map<String, Object> other = new LinkedHashMap<>();
        other.put("from", 7L);
        other.put("after", "x");
        other.put("since", 5L);
        assertThat(CheckpointState.checkpoint("k", one).toString()).isEqualTo(CheckpointState.checkpoint("k", other).toString());
    }
}
