package org.sessionsdk.core.feed;

import java.time.Instant;
import org.sessionsdk.core.client.AttributeKey;

/**
 * The attributes a session feed (or a vendor's listing) adds to a record to say how it knows what it
 * reports, in one place for every vendor: an end that was seen rather than reported, an end that is an
 * expiry, a start it could not find.
 */
public final class FeedAttributes {
    /** On an ENDED change whose end was not reported but seen: the session vanished from the listing. */
    public static final String END_OBSERVED = "endObserved";
    /** On a session that was not ended but expired: its end is the expiry the server set. */
    public static final String END_EXPIRED = "endExpired";
    /**
     * On a change whose true start could not be found (its listed start was clipped to a window and the
     * look-back did not reach it); its start is then null.
     */
    public static final String START_UNKNOWN = "startUnknown";
    /** With {@link #START_UNKNOWN}: the instant the session is known to have begun before. */
    public static final String STARTED_BEFORE = "startedBefore";

    /**
     * On a record whose times were read from local times of a zone's repeated autumn hour: which fields
     * ({@code start}, {@code end}, comma-separated); the feed reports each as an
     * {@code AMBIGUOUS_LOCAL_TIME} gap.
     */
    public static final String AMBIGUOUS_LOCAL_TIME = "ambiguousLocalTime";

    /** {@link #END_OBSERVED} as a typed key. */
    public static final AttributeKey<Boolean> END_OBSERVED_KEY = new AttributeKey<>(END_OBSERVED, Boolean.class,
            "the end was seen (the session vanished), not reported");
    /** {@link #END_EXPIRED} as a typed key. */
    public static final AttributeKey<Boolean> END_EXPIRED_KEY = new AttributeKey<>(END_EXPIRED, Boolean.class,
            "the end is the session's expiry, not a logout");
    /** {@link #START_UNKNOWN} as a typed key. */
    public static final AttributeKey<Boolean> START_UNKNOWN_KEY = new AttributeKey<>(START_UNKNOWN, Boolean.class,
            "the true start could not be found");
    /** {@link #STARTED_BEFORE} as a typed key. */
    public static final AttributeKey<Instant> STARTED_BEFORE_KEY = new AttributeKey<>(STARTED_BEFORE, Instant.class,
            "the session began before this instant");

    private FeedAttributes() {
    }
}
