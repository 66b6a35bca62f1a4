package org.sessionsdk.core.feed;

/** What happened to a session: it was seen to start, or to end. */
public enum ChangeType {
    /** The session began (or was first seen open). */
    STARTED,
    /** The session ended; its record carries the end time. */
    ENDED
}
