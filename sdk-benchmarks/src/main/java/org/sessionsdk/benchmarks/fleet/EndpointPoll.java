package org.sessionsdk.benchmarks.fleet;

/**
 * One endpoint as one side of the fleet follows it. The schedule calls {@link #poll()} once per
 * interval, never twice at once for the same endpoint.
 */
@FunctionalInterface
interface EndpointPoll {
    /**
     * Asks the endpoint what changed since the previous poll and keeps the answer's state.
     *
     * @return how many changes (sessions started or ended) the poll found
     * @throws Exception if the poll failed; the schedule counts it and polls again next interval
     */
    int poll() throws Exception;
}
