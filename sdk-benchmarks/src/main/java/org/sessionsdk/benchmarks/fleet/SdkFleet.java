package org.sessionsdk.benchmarks.fleet;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.sessionsdk.core.client.CommonSettings;
import org.sessionsdk.core.client.SessionClient;
import org.sessionsdk.core.client.SessionClients;
import org.sessionsdk.core.feed.Checkpoint;
import org.sessionsdk.core.feed.Feed;
import org.sessionsdk.core.feed.FeedOptions;
import org.sessionsdk.core.feed.SessionChange;
import org.sessionsdk.core.http.JdkHttpTransport;
import org.sessionsdk.testkit.Simulator;

/**
 * The fleet's SDK side: one {@link SessionClient} per endpoint, opened the vendor-neutral way
 * ({@link SessionClients#open} with the simulator's settings), all on one shared {@link JdkHttpTransport},
 * each with one session feed; {@link #poll(int)} is all the SDK does for one endpoint's poll (the one
 * place to change when feeds poll asynchronously).
 */
final class SdkFleet implements AutoCloseable {
    private final JdkHttpTransport transport = JdkHttpTransport.builder().build();
    private final List<SessionClient> clients = new ArrayList<>();
    private final List<Feed<SessionChange>> feeds = new ArrayList<>();
    private final Checkpoint[] checkpoints;
    /** {@code -Dfleet.blocking=true}: each poll on the scheduler's thread with the blocking {@code poll}, to compare. */
    private static final boolean BLOCKING = Boolean.getBoolean("fleet.blocking");

    /**
     * Opens a client and a feed for each endpoint.
     *
     * @param bases     the simulators' settings
     * @param endpoints how many endpoints
     * @param interval  the schedule's poll interval: the feeds' own is a little shorter, so every
     *                  scheduled poll is due and asks the server
     */
    SdkFleet(FleetRun.Bases bases, int endpoints, Duration interval) {
        FeedOptions options = FeedOptions.builder().pollInterval(interval.multipliedBy(9).dividedBy(10)).build();
        checkpoints = new Checkpoint[endpoints];
        try {
            for (int i = 0; i < endpoints; i++) {
                SessionClient client = SessionClients.open(bases.vendorOf(i), bases.settingsOf(i),
                        builder -> builder.transport(transport));
                clients.add(client);
                feeds.add(client.sessionFeed(options));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Polls endpoint {@code i} once ({@link Feed#pollAsync}: no thread waits for the server) and keeps
     * its checkpoint (where a user would save it).
     *
     * @param i the endpoint
     * @return completes with the changes found
     */
    CompletableFuture<Integer> poll(int i) {
        if (BLOCKING) {
            try {
                var batch = feeds.get(i).poll(Duration.ZERO);
                checkpoints[i] = batch.checkpoint();
                return CompletableFuture.completedFuture(batch.items().size());
            } catch (InterruptedException | RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        return feeds.get(i).pollAsync().thenApply(batch -> {
            checkpoints[i] = batch.checkpoint();
            return batch.items().size();
        });
    }

    /** {@return the endpoints as the schedule polls them} */
    List<EndpointPoll> endpoints() {
        List<EndpointPoll> out = new ArrayList<>(feeds.size());
        for (int i = 0; i < feeds.size(); i++) {
            int k = i;
            out.add(() -> poll(k));
        }
        return out;
    }

    @Override
    public void close() {
        for (Feed<SessionChange> f : feeds) {
            f.close();
        }
        for (SessionClient c : clients) {
            c.close();
        }
        transport.close();
    }

    /** Endpoint {@code i}'s settings: vendors in turn, each vendor's tenants numbered from 1. */
    static Map<String, String> tenantSettings(Map<String, String> base, int tenant) {
        Map<String, String> settings = new LinkedHashMap<>(base);
        settings.put(CommonSettings.ENDPOINT, settings.get(CommonSettings.ENDPOINT) + Simulator.TENANT_PREFIX + tenant);
        return settings;
    }
}
