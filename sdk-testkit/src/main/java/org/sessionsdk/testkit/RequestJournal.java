package org.sessionsdk.testkit;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The requests one simulator received, oldest first, credentials masked: the last {@code capacity}
 * kept, every one counted. What {@link Simulator#requests()} and its neighbours read.
 */
final class RequestJournal {
    private final int capacity;
    private final AtomicInteger count = new AtomicInteger();
    private final ArrayDeque<RecordedRequest> kept = new ArrayDeque<>();

    RequestJournal(int capacity) {
        this.capacity = capacity;
    }

    /** Counts and keeps one request, dropping the oldest kept when full. */
    void record(SimExchange ex) {
        count.incrementAndGet();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        ex.raw().getRequestHeaders().forEach((name, values) ->
                headers.put(name, values.stream().map(v -> RecordedRequest.mask(name, v)).toList()));
        RecordedRequest r = new RecordedRequest(ex.method(), ex.path(), ex.queryParams(), headers, ex.bodyText());
        synchronized (kept) {
            if (kept.size() == capacity) {
                kept.removeFirst();
            }
            kept.addLast(r);
        }
    }

    int count() {
        return count.get();
    }

    List<RecordedRequest> all() {
        synchronized (kept) {
            return List.copyOf(kept);
        }
    }

    Optional<RecordedRequest> last() {
        synchronized (kept) {
            return Optional.ofNullable(kept.peekLast());
        }
    }

    void clear() {
        synchronized (kept) {
            kept.clear();
            count.set(0);
        }
    }
}
