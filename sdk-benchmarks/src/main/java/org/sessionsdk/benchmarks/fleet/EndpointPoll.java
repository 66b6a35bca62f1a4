package org.sessionsdk.benchmarks.fleet;

import java.util.concurrent.CompletableFuture;

/**
 * One endpoint as one side of the fleet follows it. The schedule calls {@link #poll()} once per
 * interval, never twice at once for the same endpoint (a poll still in flight is followed, not
 * overlapped). A blocking side answers with a completed future; the SDK's asynchronous feeds hold no
 * scheduler thread while the server answers.
 */
@FunctionalInterface
interface EndpointPoll {
    /**
     * Asks the endpoint what changed since the previous poll and keeps the answer's state.
     *
     * @return completes with how many changes (sessions started or ended) the poll found; a failure is
     *     counted, and the endpoint polled again next interval
     */
    CompletableFuture<Integer> poll();
}
