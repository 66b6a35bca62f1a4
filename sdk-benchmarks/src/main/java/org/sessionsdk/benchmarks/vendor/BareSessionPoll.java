package org.sessionsdk.benchmarks.vendor;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.Set;

/**
 * The bare fleet's part of one vendor, for one endpoint: the requests the SDK's session feed sends for
 * one poll, written by hand for a bare {@link HttpClient}, and the answer read by a hand-written loop
 * into the ids of the sessions open now. The diff and the checkpoint are the fleet's, the same for
 * every vendor. One instance per endpoint; {@link BenchVendor#bareSessionPoll} makes it.
 */
public interface BareSessionPoll {

    /**
     * Lists the endpoint's sessions as a feed's poll at {@code now} does, its window starting at
     * {@code from} (the previous poll less the feed's overlap), and adds the open ones' ids to {@code open}.
     *
     * @param http the fleet's one shared client
     * @param from where the poll's window starts
     * @param now  the poll's instant
     * @param open gets the ids of the sessions open now
     * @throws IOException          if a request fails or an answer is not an ok list
     * @throws InterruptedException if interrupted while waiting
     */
    void openSessions(HttpClient http, Instant from, Instant now, Set<String> open)
            throws IOException, InterruptedException;
}
