package org.sessionsdk.benchmarks.fleet;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Polls a fleet's endpoints on one small scheduler pool (no thread per endpoint): each endpoint every
 * {@code interval}, the first polls spread evenly over the first interval, until {@link #stop(long)}.
 * Every poll planned before the end is made, however late (a backlog shows as start lag, never as
 * polls left out), so the count of polls does not depend on the machine's speed. Records each poll's
 * start lag (actual start less the planned start) and latency.
 */
final class FleetSchedule {
    /**
     * What the schedule counted.
     *
     * @param polls     polls made
     * @param failures  polls that failed
     * @param events    changes the polls found
     * @param lags      start lag of each recorded poll, nanoseconds, sorted
     * @param latencies latency of each recorded poll, nanoseconds, sorted
     * @param laterLags start lag of the polls planned a minute or more after the first (the first
     *                  polls, which read everything open and run on a cold JVM, left out), sorted
     */
    record Stats(long polls, long failures, long events, long[] lags, long[] latencies, long[] laterLags) {
        double lagMs(int percentile) {
            return pct(lags, percentile) / 1e6;
        }

        double laterLagMs(int percentile) {
            return pct(laterLags, percentile) / 1e6;
        }

        double latencyMs(int percentile) {
            return pct(latencies, percentile) / 1e6;
        }

        private static long pct(long[] sorted, int p) {
            if (sorted.length == 0) {
                return 0;
            }
            return sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(sorted.length * p / 100.0) - 1))];
        }
    }

    private final ScheduledThreadPoolExecutor scheduler;
    private final List<ScheduledFuture<?>> tasks = new ArrayList<>();
    private final long[] lags;
    private final long[] latencies;
    private final boolean[] later;
    private final AtomicInteger samples = new AtomicInteger();
    private final AtomicLong polls = new AtomicLong();
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final long start;
    private final long period;
    private final long[] firsts;
    private final java.util.concurrent.atomic.AtomicLongArray made;
    private volatile long stopAt = Long.MAX_VALUE;

    /**
     * Starts polling.
     *
     * @param endpoints  the endpoints
     * @param interval   each endpoint's poll interval
     * @param expected   how long the schedule will run, to size the lag record (polls beyond it are counted, not recorded)
     * @param threads    scheduler threads
     */
    FleetSchedule(List<EndpointPoll> endpoints, Duration interval, Duration expected, int threads) {
        int n = endpoints.size();
        int recorded = (int) Math.min(Integer.MAX_VALUE - 8,
                (expected.toNanos() / interval.toNanos() + 1) * n);
        lags = new long[recorded];
        latencies = new long[recorded];
        later = new boolean[recorded];
        AtomicInteger names = new AtomicInteger();
        scheduler = new ScheduledThreadPoolExecutor(threads, r -> {
            Thread t = new Thread(r, "fleet-poller-" + names.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        period = interval.toNanos();
        firsts = new long[n];
        made = new java.util.concurrent.atomic.AtomicLongArray(n);
        long laterFrom = start + TimeUnit.MINUTES.toNanos(1);
        for (int i = 0; i < n; i++) {
            EndpointPoll endpoint = endpoints.get(i);
            int key = i;
            long first = start + period * i / n;
            firsts[i] = first;
            long[] round = {0};
            java.util.concurrent.atomic.AtomicReference<CompletableFuture<?>> previous =
                    new java.util.concurrent.atomic.AtomicReference<>(CompletableFuture.completedFuture(null));
            tasks.add(scheduler.scheduleAtFixedRate(() -> {
                long plannedAt = first + round[0]++ * period;
                if (plannedAt >= stopAt) {
                    return;
                }
                // a poll still in flight is followed, never overlapped: a feed polls one poll at a time
                CompletableFuture<?> next = previous.get().handle((x, e) -> null).thenCompose(ready -> {
                    long t0 = System.nanoTime();
                    CompletableFuture<Integer> polled;
                    try {
                        polled = endpoint.poll();
                    } catch (RuntimeException e) {
                        polled = CompletableFuture.failedFuture(e);
                    }
                    return polled.whenComplete((found, failure) -> {
                        if (failure == null) {
                            events.addAndGet(found);
                        } else if (failures.incrementAndGet() <= 5) {
                            System.err.println("poll of endpoint " + key + " failed: " + failure);
                        }
                        polls.incrementAndGet();
                        made.incrementAndGet(key);
                        int k = samples.getAndIncrement();
                        if (k < lags.length) {
                            lags[k] = t0 - plannedAt;
                            latencies[k] = System.nanoTime() - t0;
                            later[k] = plannedAt >= laterFrom;
                        }
                    });
                });
                previous.set(next);
            }, first - System.nanoTime(), period, TimeUnit.NANOSECONDS));
        }
    }

    /** {@return when the first poll is planned, as {@link System#nanoTime()}} */
    long start() {
        return start;
    }

    /** {@return polls made so far} */
    long polls() {
        return polls.get();
    }

    /**
     * Stops polling at {@code end}: waits until every poll planned before it has been made (at most two
     * minutes past it), then stops the scheduler.
     *
     * @param end as {@link System#nanoTime()}
     * @return what was counted
     * @throws InterruptedException if interrupted while waiting
     */
    Stats stop(long end) throws InterruptedException {
        stopAt = end;
        long giveUp = Math.max(end, System.nanoTime()) + TimeUnit.MINUTES.toNanos(2);
        for (int i = 0; i < firsts.length; i++) {
            long due = end <= firsts[i] ? 0 : (end - firsts[i] + period - 1) / period;
            while (made.get(i) < due && System.nanoTime() < giveUp) {
                TimeUnit.MILLISECONDS.sleep(5);
            }
        }
        for (ScheduledFuture<?> t : tasks) {
            t.cancel(false);
        }
        scheduler.shutdown();
        if (!scheduler.awaitTermination(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("polls still running 60 s after the schedule stopped");
        }
        int n = Math.min(samples.get(), lags.length);
        long[] lag = Arrays.copyOf(lags, n);
        long[] lat = Arrays.copyOf(latencies, n);
        long[] laterLag = java.util.stream.IntStream.range(0, n).filter(k -> later[k]).mapToLong(k -> lags[k]).toArray();
        Arrays.sort(lag);
        Arrays.sort(lat);
        Arrays.sort(laterLag);
        return new Stats(polls.get(), failures.get(), events.get(), lag, lat, laterLag);
    }
}
