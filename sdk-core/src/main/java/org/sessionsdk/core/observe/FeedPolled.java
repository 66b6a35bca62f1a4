package org.sessionsdk.core.observe;

import java.time.Duration;

/**
 * A feed polled its server (a wait that ended before the poll interval is not a poll).
 *
 * @param feed           which feed, as its checkpoint names it, e.g. {@code plesk/sessions/diff}
 * @param items          the items the poll returned; 0 when it failed
 * @param duration       how long the poll took
 * @param checkpointSize the length in characters of the checkpoint after the poll
 * @param exceptionType  the class name of the exception the poll failed with, or null
 */
public record FeedPolled(String feed, int items, Duration duration, int checkpointSize, String exceptionType) {
}
