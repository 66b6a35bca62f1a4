package org.sessionsdk.saymon;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.sessionsdk.core.internal.ApiCaller;
import org.sessionsdk.core.internal.ClientRuntime;
import org.sessionsdk.core.internal.json.JsonArrayStream;
import org.sessionsdk.core.internal.json.JsonObject;
import org.sessionsdk.saymon.internal.LogPages;

/**
 * SAYMON's users' session log ({@code GET /node/api/users/session/log}, permission
 * {@code read-session-log}), reached through {@link SaymonClient#sessions()}.
 *
 * <p>Pages are asked with {@code limit}/{@code skip}; {@code skip} counts from the newest record, so
 * records come newest first and paging stops at the first short page. Two things keep the pages
 * stable while the log grows: the upper bound {@code to} is fixed when the stream starts (records
 * logged later fall outside it), and a record seen on one of the last two pages is not returned again
 * (should records still be inserted inside the window, e.g. with the server's clock ahead of the
 * client's, each insert only repeats a record already read, and is dropped). Once the log is seen to
 * grow inside the window, every id is remembered and pages grow (up to 64 times {@code pageSize}, at
 * most 50,000) until reading gains on the inserts; a log that outgrows even that fails the stream with
 * an {@link org.sessionsdk.core.error.SdkException} instead of paging forever. Pages are streamed,
 * not held; without inserts, memory stays bounded by the page size, whatever the total.
 */
public final class SaymonSessions {
    static final String PATH = "/node/api/users/session/log";

    private static final JsonArrayStream<SaymonSession> PARSER = JsonArrayStream.of("SAYMON session log",
            SaymonSessions::session).build();

    private final ClientRuntime runtime;
    private final ApiCaller caller;
    private final Clock clock;

    SaymonSessions(ClientRuntime runtime, ApiCaller caller) {
        this.runtime = runtime;
        this.caller = caller;
        this.clock = runtime.config().clock();
    }

    /**
     * All matching records in a list; for small results.
     *
     * @param query the time bounds, cap and page size
     * @return the records, newest first
     */
    public List<SaymonSession> list(SaymonSessionQuery query) {
        try (Stream<SaymonSession> s = stream(query)) {
            return s.toList();
        }
    }

    /**
     * The matching records, newest first, fetched page by page as the stream is read. Close the
     * stream. Malformed JSON fails it with a {@link org.sessionsdk.core.error.ResponseFormatException}.
     *
     * @param query the time bounds, cap and page size
     * @return the records, newest first, each id once
     */
    public Stream<SaymonSession> stream(SaymonSessionQuery query) {
        LogPages.Window window = LogPages.Window.of(query.range(), query.limit(), query.pageSize(), clock);
        return LogPages.stream(caller, PATH, PATH, PARSER, window, SaymonSession::id,
                s -> s.startTime() == null ? null : s.startTime().toEpochMilli(), "SAYMON's session log");
    }

    /**
     * {@link #list} without a thread waiting for the server for the first page (all of a window that
     * fits one): sent asynchronously and parsed on the client's async executor, where the future
     * completes; a longer log is read on from there, page after page, on that executor's thread.
     *
     * @param query the time bounds, cap and page size
     * @return completes with the records, or with the call's exception
     */
    public CompletableFuture<List<SaymonSession>> listAsync(SaymonSessionQuery query) {
        LogPages.Window window = LogPages.Window.of(query.range(), query.limit(), query.pageSize(), clock);
        return LogPages.listAsync(caller, PATH, PATH, PARSER, window, SaymonSession::id,
                s -> s.startTime() == null ? null : s.startTime().toEpochMilli(), "SAYMON's session log");
    }

    private static SaymonSession session(JsonObject o) {
        return new SaymonSession(o.requiredString("id"), o.string("userId"), o.string("login"),
                LogPages.millis(o, "startTime"), LogPages.millis(o, "endTime"), LogPages.millis(o, "expiredAt"));
    }
}
