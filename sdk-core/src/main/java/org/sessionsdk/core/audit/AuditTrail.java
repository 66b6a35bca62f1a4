package org.sessionsdk.core.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.sessionsdk.core.internal.SourceGather;
import org.sessionsdk.core.session.SessionAudit;
import org.sessionsdk.core.session.TimeRange;

/**
 * Asks several {@link AuditSource}s at once and merges their entries in time order, the audit-log
 * sibling of {@link SessionAudit}. One vendor failing never hides the others: each source's outcome
 * (count, or the error) is reported.
 *
 * <pre>{@code
 * AuditTrail.Result r = AuditTrail.of(plesk, ekran, saymon).collect(TimeRange.last(Duration.ofHours(1)));
 * r.events().forEach(System.out::println);
 * r.failures().forEach(f -> log.warn("{} failed: {}", f.vendor(), f.error().getMessage()));
 * }</pre>
 */
public final class AuditTrail {
    /** Entries without a time sort last; ties by vendor, then id, so the order is stable. */
    public static final Comparator<AuditEvent> TIME_ORDER = Comparator
            .comparing(AuditEvent::time, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(AuditEvent::vendor).thenComparing(AuditEvent::id);

    private final List<AuditSource> sources;

    private AuditTrail(List<AuditSource> sources) {
        this.sources = List.copyOf(sources);
    }

    /**
     * A trail over the given sources.
     *
     * @param sources the clients to ask, e.g. one per vendor
     * @return the trail; nothing is asked until {@link #collect}
     */
    public static AuditTrail of(AuditSource... sources) {
        return new AuditTrail(List.of(sources));
    }

    /**
     * A trail over the given sources.
     *
     * @param sources the clients to ask, e.g. one per vendor
     * @return the trail; nothing is asked until {@link #collect}
     */
    public static AuditTrail of(List<? extends AuditSource> sources) {
        return new AuditTrail(new ArrayList<>(sources));
    }

    /**
     * The merged entries and each source's outcome, in the order the sources were given.
     *
     * @param events   every entry of every source that succeeded, in {@link #TIME_ORDER}
     * @param outcomes one per source
     */
    public record Result(List<AuditEvent> events, List<SessionAudit.Outcome> outcomes) {
        /**
         * Copies both lists, so the result is immutable.
         *
         * @param events   every entry of every source that succeeded, in {@link #TIME_ORDER}
         * @param outcomes one per source
         */
        public Result {
            events = List.copyOf(events);
            outcomes = List.copyOf(outcomes);
        }

        /** {@return the outcomes of the sources that failed, in the order the sources were given} */
        public List<SessionAudit.Outcome> failures() {
            return outcomes.stream().filter(SessionAudit.Outcome::failed).toList();
        }
    }

    /**
     * Asks every source concurrently and waits for all of them.
     *
     * @param range the entries to ask for: those whose time is in it
     * @return the merged entries of the sources that succeeded and one outcome per source
     */
    public Result collect(TimeRange range) {
        Objects.requireNonNull(range, "range");
        SourceGather.Gathered<AuditEvent> g = SourceGather.collect(sources, AuditSource::vendor,
                s -> s.auditEvents(range), TIME_ORDER);
        return new Result(g.items(), g.outcomes());
    }
}
