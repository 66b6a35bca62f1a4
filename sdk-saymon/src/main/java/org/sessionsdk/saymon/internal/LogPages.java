package org.sessionsdk.saymon.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Stream;
import org.sessionsdk.core.internal.ApiCaller;
import org.sessionsdk.core.internal.Call;
import org.sessionsdk.core.internal.CallResponse;
import org.sessionsdk.core.internal.json.JsonArrayStream;
import org.sessionsdk.core.internal.json.JsonObject;
import org.sessionsdk.core.session.TimeRange;

/**
 * The one way SAYMON's newest-first logs (the session log, each user's audit log) are read: {@code GET}
 * with {@code from}/{@code to} in epoch milliseconds and {@code limit}/{@code skip} pages, through a
 * {@link ShiftingPager} so that records logged while paging cause neither gaps nor repeats.
 *
 * <p>SDK-internal.
 */
public final class LogPages {
    private LogPages() {
    }

    /**
     * How far past the client's "now" an open window reaches: a server whose clock runs ahead of the
     * client's stamps what just happened in the client's future, and a window ending at the client's
     * now would hide it (a feed following such a server would never see it).
     */
    public static final Duration SERVER_CLOCK_AHEAD = Duration.ofHours(1);

    /**
     * The bounds and paging of one read, fixed when the stream starts: an open {@code to} becomes the
     * client's "now", so records logged later fall outside the window and cannot shift its pages. The
     * feeds ask for an explicit {@code to} of now plus {@link #SERVER_CLOCK_AHEAD}.
     *
     * @param from     the lower bound in epoch ms, or null for none
     * @param to       the upper bound in epoch ms
     * @param pageSize records per request
     * @param cap      most records in all; {@code Long.MAX_VALUE} for no cap
     */
    public record Window(Long from, long to, int pageSize, long cap) {

        /**
         * @param range    the query's bounds; an open {@code to} is fixed at {@code clock}'s now
         * @param limit    the query's cap, or null for none
         * @param pageSize records per request
         * @param clock    the client's clock
         * @return the window, {@code to} fixed
         */
        public static Window of(TimeRange range, Integer limit, int pageSize, Clock clock) {
            Long from = range.from() == null ? null : range.from().toEpochMilli();
            long to = (range.to() != null ? range.to() : clock.instant()).toEpochMilli();
            return new Window(from, to, pageSize, limit == null ? Long.MAX_VALUE : limit);
        }
    }

    /**
     * The log at {@code path} within {@code window}, newest first, each record once.
     *
     * @param caller sends the requests (auth, retries, error decoding)
     * @param path      the log's path
     * @param operation names the call for listeners: the path with ids as {@code {id}}
     * @param parser reads one page
     * @param window bounds and paging
     * @param id     a record's unique id
     * @param order  the time the log is sorted by, newest first; null when unknown
     * @param what   names the log in errors
     * @param <T>    the record
     * @return a lazy stream, one request per page as it is read; close it
     */
    public static <T> Stream<T> stream(ApiCaller caller, String path, String operation, JsonArrayStream<T> parser, Window window,
                                       Function<T, String> id, Function<T, Long> order, String what) {
        return ShiftingPager.stream((skip, size) -> {
            CallResponse response = caller.execute(pageCall(path, operation, window, skip, size));
            return parser.stream(response.body(), response);
        }, id, order, window.pageSize(), window.cap(), what);
    }

    /**
     * {@link #stream} in a list, with the first page asked without a thread waiting for the server and
     * parsed on the caller's async executor: a log that fits one page (the usual answer of a window)
     * holds no thread at all. A log longer than a page is read on from there, page after page, on that
     * executor's thread.
     *
     * @param caller    sends the requests (auth, retries, error decoding)
     * @param path      the log's path
     * @param operation names the call for listeners
     * @param parser    reads one page
     * @param window    bounds and paging
     * @param id        a record's unique id
     * @param order     the time the log is sorted by, newest first; null when unknown
     * @param what      names the log in errors
     * @param <T>       the record
     * @return completes with the records, newest first, each once
     */
    public static <T> CompletableFuture<List<T>> listAsync(ApiCaller caller, String path, String operation,
                                                           JsonArrayStream<T> parser, Window window,
                                                           Function<T, String> id, Function<T, Long> order, String what) {
        int first = (int) Math.min(window.pageSize(), window.cap());
        return caller.executeAsync(pageCall(path, operation, window, 0, first), r -> parser.list(r.body(), r))
                .thenApply(firstPage -> {
                    boolean[] served = {false};
                    try (Stream<T> s = ShiftingPager.stream((skip, size) -> {
                        if (!served[0] && skip == 0 && size == first) {
                            served[0] = true;
                            return firstPage.stream();
                        }
                        CallResponse response = caller.execute(pageCall(path, operation, window, skip, size));
                        return parser.stream(response.body(), response);
                    }, id, order, window.pageSize(), window.cap(), what)) {
                        return s.toList();
                    }
                });
    }

    private static Call pageCall(String path, String operation, Window window, long skip, int size) {
        return Call.get(path).operation("GET " + operation)
                .query("from", window.from())
                .query("to", window.to())
                .query("limit", size)
                .query("skip", skip)
                .header("Accept", "application/json")
                .build();
    }

    /**
     * A time sent as epoch milliseconds.
     *
     * @param o     the record
     * @param field the field
     * @return the instant, or null when absent or null
     */
    public static Instant millis(JsonObject o, String field) {
        return o.epochMillisOrNull(field);
    }
}
