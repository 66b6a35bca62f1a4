package org.sessionsdk.benchmarks.fleet;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.Set;
import org.sessionsdk.benchmarks.vendor.BareSessionPoll;
import org.sessionsdk.benchmarks.vendor.BenchVendors;
import org.sessionsdk.core.feed.FeedOptions;

/**
 * The fleet's bare side, what a user could write instead of the SDK's feeds: one shared
 * {@link HttpClient} (defaults and a connect timeout) for every endpoint; per endpoint the same
 * requests a session feed sends for a poll, written by hand for each vendor
 * ({@link org.sessionsdk.benchmarks.vendor.BenchVendor#bareSessionPoll}), the answer read by a
 * hand-written loop into the ids of the open sessions; then a hand-written diff against the previous
 * poll's ids (new ids started, missing ids ended) and a checkpoint-like string (the poll's instant and
 * the open ids) kept per endpoint. The window starts at the previous poll less the feed's default
 * overlap, as the SDK's does.
 */
final class BareFleet {
    private static final Duration OVERLAP = FeedOptions.DEFAULT_OVERLAP;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final List<Endpoint> endpoints = new ArrayList<>();

    BareFleet(FleetRun.Bases bases, int endpoints) {
        for (int i = 0; i < endpoints; i++) {
            this.endpoints.add(new Endpoint(BenchVendors.named(bases.vendorOf(i)).bareSessionPoll(bases.settingsOf(i))));
        }
    }

    /**
     * Polls endpoint {@code i} once.
     *
     * @param i the endpoint
     * @return the changes found
     * @throws Exception if the request failed or its answer was not an ok list
     */
    int poll(int i) throws Exception {
        return endpoints.get(i).poll(http);
    }

    /** {@return the endpoints as the schedule polls them} */
    List<EndpointPoll> endpoints() {
        List<EndpointPoll> out = new ArrayList<>(endpoints.size());
        for (int i = 0; i < endpoints.size(); i++) {
            int k = i;
            out.add(() -> {
                try {
                    return CompletableFuture.completedFuture(poll(k));
                } catch (Exception e) {
                    return CompletableFuture.failedFuture(e);
                }
            });
        }
        return out;
    }

    /**
     * One endpoint's state: the open ids, when it was polled, and its checkpoint (where a user would
     * save it; the field keeps the work from being optimised away).
     */
    private static final class Endpoint {
        private final BareSessionPoll vendor;
        private Set<String> open = Set.of();
        private Instant since;
        private String checkpoint = "";

        Endpoint(BareSessionPoll vendor) {
            this.vendor = vendor;
        }

        int poll(HttpClient http) throws Exception {
            Instant now = Instant.now();
            Set<String> seen = new HashSet<>();
            vendor.openSessions(http, (since == null ? now : since).minus(OVERLAP), now, seen);
            int changes = 0;
            for (String id : seen) {
                if (!open.contains(id)) {
                    changes++; // started
                }
            }
            for (String id : open) {
                if (!seen.contains(id)) {
                    changes++; // ended
                }
            }
            open = seen;
            since = now;
            checkpoint = now.toEpochMilli() + ";" + String.join(",", seen);
            return changes;
        }
    }
}
