package org.sessionsdk.ekran;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.sessionsdk.core.internal.CallResponse;
import org.sessionsdk.core.internal.ApiCaller;
import org.sessionsdk.core.internal.Call;
import org.sessionsdk.core.internal.ClientRuntime;
import org.sessionsdk.core.internal.JsonSupport;
import org.sessionsdk.core.internal.json.JsonArrayStream;
import org.sessionsdk.core.internal.json.JsonObject;
import org.sessionsdk.core.internal.paging.AsyncParts;
import org.sessionsdk.core.internal.paging.Paging;
import org.sessionsdk.ekran.internal.EkranTimes;

/**
 * Ekran sessions ({@code GET /ekranapi/sessions}), and sessions with their times
 * ({@link #details}, {@code POST /ekranapi/sessions}), reached through {@link EkranClient#sessions()}.
 *
 * <p>The endpoint has no paging: one request returns every matching session. For long ranges use
 * {@link EkranSessionQuery#splitInto(Duration)} so the SDK asks window by window. Either way
 * {@link #stream} parses sessions as the bytes arrive and holds one at a time; with windows it also
 * remembers the ids it has returned (a few bytes each) to drop repeats.
 */
public final class EkranSessions {
    static final String PATH = "/ekranapi/sessions";

    private final ClientRuntime runtime;
    private final ApiCaller caller;
    private final ZoneId serverZone;
    private final Clock clock;
    private final JsonArrayStream<EkranSession> parser;
    private final JsonArrayStream<EkranSessionDetail> detailParser;

    EkranSessions(ClientRuntime runtime, ApiCaller caller, ZoneId serverZone) {
        this.runtime = runtime;
        this.caller = caller;
        this.serverZone = serverZone;
        this.clock = runtime.config().clock();
        this.parser = JsonArrayStream.of("Ekran sessions", o -> new EkranSession(o.int32("sessionId"),
                o.int32("userId"), o.string("clientGuid"), EkranTimes.date(o, "loginDate", serverZone),
                EkranTimes.date(o, "logoutDate", serverZone))).build();
        this.detailParser = JsonArrayStream.of("Ekran session details", this::detail).inField("sessions")
                .missingArrayIsEmpty().build();
    }

    /**
     * All matching sessions in a list; for small results.
     *
     * @param query the range, and the windows to split it into
     * @return the sessions
     */
    public List<EkranSession> list(EkranSessionQuery query) {
        try (Stream<EkranSession> s = stream(query)) {
            return s.toList();
        }
    }

    /**
     * The matching sessions, parsed lazily as they arrive. Close the stream (try-with-resources):
     * closing it early drops the connection. Malformed JSON fails the stream with a
     * {@link org.sessionsdk.core.error.ResponseFormatException}.
     *
     * @param query the range, and the windows to split it into
     * @return the sessions, each {@code sessionId} once
     */
    public Stream<EkranSession> stream(EkranSessionQuery query) {
        if (query.window() == null) {
            return fetch(query.from(), query.to());
        }
        Set<Integer> seen = new HashSet<>();
        return Paging.concat(new Windows(query.from(), query.to(), query.window(), clock.instant()))
                .filter(s -> seen.add(s.sessionId()));
    }

    /**
     * {@link #list} without a thread waiting for the server: each window's request is sent
     * asynchronously, its answer gathered and parsed on the client's async executor, the next window
     * asked once the previous one is in. Completes on that executor.
     *
     * @param query the range, and the windows to split it into
     * @return completes with the sessions, or with the call's exception
     */
    public CompletableFuture<List<EkranSession>> listAsync(EkranSessionQuery query) {
        if (query.window() == null) {
            return fetchAsync(query.from(), query.to());
        }
        Windows windows = new Windows(query.from(), query.to(), query.window(), clock.instant());
        Iterator<Supplier<CompletableFuture<List<EkranSession>>>> parts = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return windows.hasNext();
            }

            @Override
            public Supplier<CompletableFuture<List<EkranSession>>> next() {
                Instant[] w = windows.nextWindow();
                return () -> fetchAsync(w[0], w[1]);
            }
        };
        return AsyncParts.sequence(parts).thenApply(all -> {
            Set<Integer> seen = new HashSet<>();
            return all.stream().filter(s -> seen.add(s.sessionId())).toList();
        });
    }

    /**
     * Sessions with their duration, productive and idle time ({@code POST /ekranapi/sessions}), page
     * after page: each page is parsed as it arrives and one session is held at a time; paging stops on
     * a page shorter than the page size (a last page of exactly the page size costs one more, empty,
     * request). Close the stream. Malformed JSON, or a duration that is not a .NET {@code TimeSpan},
     * fails it with a {@link org.sessionsdk.core.error.ResponseFormatException} naming the field.
     *
     * @param query the range and the page size
     * @return the sessions, in the server's order
     */
    public Stream<EkranSessionDetail> details(EkranSessionDetailsQuery query) {
        return Paging.streamPages(query.pageSize(), (k, size) -> {
            CallResponse response = caller.execute(detailsCall(query, k, size));
            return detailParser.stream(response.body(), response);
        });
    }

    /** Page {@code k} of the details: a read, safe to repeat, though it is a POST. */
    private Call detailsCall(EkranSessionDetailsQuery query, int k, int size) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (query.range().from() != null) {
            body.put("start", EkranTimes.bound(query.range().from(), serverZone, false));
        }
        if (query.range().to() != null) {
            body.put("end", EkranTimes.bound(query.range().to(), serverZone, true));
        }
        body.put("sessionCount", size);
        body.put("pageIndex", k);
        return Call.post(PATH).operation("POST " + PATH)
                .body(JsonSupport.toJson(body), "application/json")
                .header("Accept", "application/json")
                .idempotent(true)
                .build();
    }

    /**
     * {@link #details} in a list; for small results.
     *
     * @param query the range and the page size
     * @return the sessions
     */
    public List<EkranSessionDetail> detailsList(EkranSessionDetailsQuery query) {
        try (Stream<EkranSessionDetail> s = details(query)) {
            return s.toList();
        }
    }

    /**
     * {@link #detailsList} without a thread waiting for the server: each page asked once the one
     * before is in, parsed on the client's async executor, where the future completes.
     *
     * @param query the range and the page size
     * @return completes with the sessions, or with the call's exception
     */
    public CompletableFuture<List<EkranSessionDetail>> detailsAsync(EkranSessionDetailsQuery query) {
        return Paging.pagesAsync(query.pageSize(), (k, size) ->
                caller.executeAsync(detailsCall(query, k, size), r -> detailParser.list(r.body(), r)));
    }

    private EkranSessionDetail detail(JsonObject o) {
        Map<String, String> other = o.scalars();
        other.keySet().removeAll(DETAIL_FIELDS);
        return new EkranSessionDetail(o.int32("sessionId"), o.int32OrNull("userId"), o.string("clientGuid"),
                EkranTimes.date(o, "loginDate", serverZone), EkranTimes.date(o, "logoutDate", serverZone),
                EkranTimes.timeSpan(o, "duration"), EkranTimes.timeSpan(o, "productiveTime"),
                EkranTimes.timeSpan(o, "idleTime"), other);
    }

    private static final Set<String> DETAIL_FIELDS = Set.of("sessionId", "userId", "clientGuid", "loginDate",
            "logoutDate", "duration", "productiveTime", "idleTime");

    private Stream<EkranSession> fetch(Instant from, Instant to) {
        CallResponse response = caller.execute(listCall(from, to));
        return parser.stream(response.body(), response);
    }

    private CompletableFuture<List<EkranSession>> fetchAsync(Instant from, Instant to) {
        return caller.executeAsync(listCall(from, to), r -> {
            try (Stream<EkranSession> s = parser.stream(r.body(), r)) {
                return s.toList();
            }
        });
    }

    private Call listCall(Instant from, Instant to) {
        return Call.get(PATH).operation("GET " + PATH)
                .query("start", from == null ? null : EkranTimes.bound(from, serverZone, false))
                .query("end", to == null ? null : EkranTimes.bound(to, serverZone, true))
                .header("Accept", "application/json")
                .build();
    }

    /**
     * The windows of a split query, made one at a time: [from, from+w], [from+w, from+2w], ... up to
     * {@code to}; without {@code to} up to {@code now}, the last window left open-ended.
     */
    private final class Windows implements Iterator<Supplier<Stream<EkranSession>>> {
        private final Instant to;
        private final Duration window;
        private final Instant now;
        private Instant next;

        Windows(Instant from, Instant to, Duration window, Instant now) {
            this.next = from;
            this.to = to;
            this.window = window;
            this.now = now;
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public Supplier<Stream<EkranSession>> next() {
            Instant[] w = nextWindow();
            return () -> fetch(w[0], w[1]);
        }

        /** {@return the next window's start and end (null: open-ended)} */
        Instant[] nextWindow() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            Instant start = next;
            Instant end = start.plus(window);
            if (to != null) {
                if (!end.isBefore(to)) {
                    end = to;
                    next = null;
                } else {
                    next = end;
                }
            } else if (!end.isBefore(now)) {
                end = null; // the last window of a since(...) query stays open
                next = null;
            } else {
                next = end;
            }
            return new Instant[] {start, end};
        }
    }
}
