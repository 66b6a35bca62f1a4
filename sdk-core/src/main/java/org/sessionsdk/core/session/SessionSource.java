package org.sessionsdk.core.session;

import java.util.stream.Stream;

/** Anything that can list sessions in the vendor-neutral form; every vendor client is one. */
public interface SessionSource {

    /** {@return {@code plesk}, {@code ekran}, {@code saymon} or {@code senhasegura}} */
    String vendor();

    /**
     * Sessions overlapping {@code range}, lazily; close the stream. Filtered on the server where the
     * vendor can, on the client otherwise.
     *
     * @param range the sessions to return: those overlapping it
     * @return the sessions in the vendor-neutral form; close it
     */
    Stream<SessionRecord> sessionRecords(TimeRange range);
}
