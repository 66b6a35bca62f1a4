package org.sessionsdk.core.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Stream;
import org.sessionsdk.core.session.SessionAudit;

/**
 * Reads several sources concurrently and merges what they return in one order, one source failing
 * never hiding the others: the shared mechanism of {@link SessionAudit} and the audit-log trail.
 */
public final class SourceGather {
    private SourceGather() {
    }

    /**
     * What the sources gave.
     *
     * @param items    every item of every source that succeeded, sorted
     * @param outcomes one per source, in the order the sources were given
     * @param <T>      the item type
     */
    public record Gathered<T>(List<T> items, List<SessionAudit.Outcome> outcomes) {
    }

    /**
     * Opens every source's stream on its own thread, drains it and waits for all.
     *
     * @param sources the sources
     * @param vendor  a source's vendor name
     * @param open    opens a source's stream (closed here)
     * @param order   the order of the merged items
     * @param <S>     the source type
     * @param <T>     the item type
     * @return the merged items and one outcome per source
     */
    public static <S, T> Gathered<T> collect(List<S> sources, Function<S, String> vendor,
                                             Function<S, Stream<T>> open, Comparator<? super T> order) {
        if (sources.isEmpty()) {
            return new Gathered<>(List.of(), List.of());
        }
        ExecutorService pool = Executors.newFixedThreadPool(sources.size(), r -> {
            Thread t = new Thread(r, "sessionsdk-gather");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<List<T>>> futures = new ArrayList<>();
            for (S s : sources) {
                futures.add(pool.submit(() -> {
                    try (Stream<T> st = open.apply(s)) {
                        return st.toList();
                    }
                }));
            }
            List<T> all = new ArrayList<>();
            List<SessionAudit.Outcome> outcomes = new ArrayList<>();
            for (int i = 0; i < sources.size(); i++) {
                String name = vendorOf(sources.get(i), vendor);
                try {
                    List<T> got = futures.get(i).get();
                    all.addAll(got);
                    outcomes.add(new SessionAudit.Outcome(name, got.size(), null));
                } catch (ExecutionException e) {
                    outcomes.add(new SessionAudit.Outcome(name, 0, e.getCause()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    outcomes.add(new SessionAudit.Outcome(name, 0, e));
                }
            }
            all.sort(order);
            return new Gathered<>(List.copyOf(all), List.copyOf(outcomes));
        } finally {
            pool.shutdownNow();
        }
    }

    private static <S> String vendorOf(S s, Function<S, String> vendor) {
        try {
            return vendor.apply(s);
        } catch (RuntimeException e) {
            return s.getClass().getSimpleName();
        }
    }
}
