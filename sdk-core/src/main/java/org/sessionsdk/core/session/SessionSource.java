package org.sessionsdk.core.session;

import java.util.stream.Stream;

/** Anything that can list sessions in the vendor-neutral form; every vendor client is one. */
public interface SessionSource {

    /** {@code plesk}, {@code ekran}, {@code saymon} or {@code senhasegura}. */
    String vendor();

    /**
     * Sessions overlapping {@code range}, lazily; close the stream. Filtered on the server where the
     * vendor can, on the client otherwise.
     */
    Stream<SessionRecord> sessionRecords(TimeRange range);
}
