package org.sessionsdk.core.session;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.sessionsdk.core.internal.SourceGather;

/**
 * Asks several {@link SessionSource}s at once and merges what they return in start order. One
 * vendor failing never hides the others: each source's outcome (count, or the error) is reported.
 *
 * <pre>{@code
 * SessionAudit.Result r = SessionAudit.of(plesk, ekran, saymon, pam).collect(TimeRange.last(Duration.ofDays(1)));
 * r.records().forEach(System.out::println);
 * r.failures().forEach(f -> log.warn("{} failed: {}", f.vendor(), f.error().getMessage()));
 * }</pre>
 */
public final class SessionAudit {
    /** Sessions without a start sort last; ties by vendor, then id, so the order is stable. */
    public static final Comparator<SessionRecord> START_ORDER = Comparator
            .comparing(SessionRecord::start, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(SessionRecord::vendor).thenComparing(SessionRecord::id);

    private final List<SessionSource> sources;

    private SessionAudit(List<SessionSource> sources) {
        this.sources = List.copyOf(sources);
    }

    /**
     * An audit over the given sources.
     *
     * @param sources the clients to ask, e.g. one per vendor
     * @return the audit; nothing is asked until {@link #collect}
     */
    public static SessionAudit of(SessionSource... sources) {
        return new SessionAudit(List.of(sources));
    }

    /**
     * An audit over the given sources.
     *
     * @param sources the clients to ask, e.g. one per vendor
     * @return the audit; nothing is asked until {@link #collect}
     */
    public static SessionAudit of(List<? extends SessionSource> sources) {
        return new SessionAudit(new ArrayList<>(sources));
    }

    /**
     * What one source did.
     *
     * @param vendor the source's vendor
     * @param count  records it returned (0 when it failed)
     * @param error  why it failed, or null
     */
    public record Outcome(String vendor, int count, Throwable error) {
        /** {@return whether the source failed} */
        public boolean failed() {
            return error != null;
        }
    }

    /**
     * The merged records and each source's outcome, in the order the sources were given.
     *
     * @param records  every record of every source that succeeded, in {@link #START_ORDER}
     * @param outcomes one per source
     */
    public record Result(List<SessionRecord> records, List<Outcome> outcomes) {
        /**
         * Copies both lists, so the result is immutable.
         *
         * @param records  every record of every source that succeeded, in {@link #START_ORDER}
         * @param outcomes one per source
         */
        public Result {
            records = List.copyOf(records);
            outcomes = List.copyOf(outcomes);
        }

        /** {@return the outcomes of the sources that failed, in the order the sources were given} */
        public List<Outcome> failures() {
            return outcomes.stream().filter(Outcome::failed).toList();
        }
    }

    /**
     * Asks every source concurrently and waits for all of them.
     *
     * @param range the sessions to ask for: those overlapping it
     * @return the merged records of the sources that succeeded and one outcome per source
     */
    public Result collect(TimeRange range) {
        Objects.requireNonNull(range, "range");
        SourceGather.Gathered<SessionRecord> g = SourceGather.collect(sources, SessionSource::vendor,
                s -> s.sessionRecords(range), START_ORDER);
        return new Result(g.items(), g.outcomes());
    }
}
