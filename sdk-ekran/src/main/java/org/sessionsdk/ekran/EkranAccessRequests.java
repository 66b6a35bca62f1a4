package org.sessionsdk.ekran;

import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.sessionsdk.core.session.TimeRange;
import org.sessionsdk.core.internal.ApiCaller;
import org.sessionsdk.core.internal.Call;
import org.sessionsdk.core.internal.CallResponse;
import org.sessionsdk.core.internal.ClientRuntime;
import org.sessionsdk.core.internal.json.JsonArrayStream;
import org.sessionsdk.core.internal.json.JsonObject;
import org.sessionsdk.core.internal.paging.Paging;
import org.sessionsdk.ekran.internal.EkranTimes;

/**
 * Processed endpoint access requests ({@code GET /ekranapi/AccessRequests/GetEndpointAccessRequests}),
 * reached through {@link EkranClient#accessRequests()}: a second audit log next to the alerts.
 *
 * <p>Asked with {@code start}, {@code end}, {@code count} (at most 1000) and the {@code afterId} cursor.
 * The answer's shape is not documented; the SDK <b>assumes</b> the alerts' shape,
 * {@code {"afterId": .., "accessRequests": [..]}}, and when the envelope names no cursor it goes on after
 * the last request's {@code id}. {@link #stream} follows the cursor to the end: each batch is parsed as it
 * arrives and one request is held at a time. It stops on a batch shorter than {@code count} (a last batch
 * of exactly {@code count} costs one more, empty, request). A full batch that moves the cursor nowhere
 * fails the stream with a {@link org.sessionsdk.core.error.ResponseFormatException} rather than asking
 * forever.
 */
public final class EkranAccessRequests {
    static final String PATH = "/ekranapi/AccessRequests/GetEndpointAccessRequests";
    static final String CURSOR = "afterId";
    static final String ARRAY = "accessRequests";

    private final ClientRuntime runtime;
    private final ApiCaller caller;
    private final ZoneId serverZone;

    EkranAccessRequests(ClientRuntime runtime, ApiCaller caller, ZoneId serverZone) {
        this.runtime = runtime;
        this.caller = caller;
        this.serverZone = serverZone;
    }

    /**
     * All matching requests in a list; for small results.
     *
     * @param query the range, the id to start after and the batch size
     * @return the requests, in the server's order
     */
    public List<EkranAccessRequest> list(EkranAccessRequestQuery query) {
        try (Stream<EkranAccessRequest> s = stream(query)) {
            return s.toList();
        }
    }

    /**
     * The matching requests, batch after batch, parsed lazily as they arrive. Close the stream: closing it
     * early drops the connection. Malformed JSON fails it with a
     * {@link org.sessionsdk.core.error.ResponseFormatException}.
     *
     * @param query the range, the id to start after and the batch size
     * @return the requests, in the server's order
     */
    public Stream<EkranAccessRequest> stream(EkranAccessRequestQuery query) {
        return stream(query, c -> { });
    }

    /**
     * {@link #list} without a thread waiting for the server: each batch asked once the one before is
     * in, parsed on the client's async executor, where the future completes.
     *
     * @param query the range, the id to start after and the batch size
     * @return completes with the requests, or with the call's exception
     */
    public CompletableFuture<List<EkranAccessRequest>> listAsync(EkranAccessRequestQuery query) {
        return Paging.byCursorAsync(query.afterId(), query.batchSize(), "Ekran endpoint access requests",
                (Long after, int count, Consumer<Long> next) -> caller.executeAsync(batchCall(query.range(), after, count),
                        r -> parser(next).list(r.body(), r)));
    }

    /** {@link #stream(EkranAccessRequestQuery)}, handing each batch's cursor to {@code cursor}. */
    Stream<EkranAccessRequest> stream(EkranAccessRequestQuery query, Consumer<Long> cursor) {
        return Paging.byCursor(query.afterId(), query.batchSize(), "Ekran endpoint access requests",
                (Long after, int count, Consumer<Long> next) -> {
                    CallResponse response = caller.execute(batchCall(query.range(), after, count));
                    return parser(next.andThen(cursor)).stream(response.body(), response);
                });
    }

    private Call batchCall(TimeRange range, Long after, int count) {
        return CursorBatchCall.of(PATH, "count", CURSOR, range, serverZone, after, count);
    }

    /**
     * A reader for one batch: the envelope's {@code afterId} (before or after the array) is the cursor;
     * without one, the last request's numeric {@code id}.
     */
    private JsonArrayStream<EkranAccessRequest> parser(Consumer<Long> next) {
        boolean[] named = {false};
        return JsonArrayStream.of("Ekran endpoint access requests", (JsonObject o) -> {
                    EkranAccessRequest r = request(o);
                    if (!named[0]) {
                        Long id = number(r.id());
                        if (id != null) {
                            next.accept(id);
                        }
                    }
                    return r;
                })
                .inField(ARRAY)
                .missingArrayIsEmpty()
                .keepArrays()
                .envelopeCheck(envelope -> {
                    Long c = envelope.int64OrNull(CURSOR);
                    if (c != null) {
                        named[0] = true;
                        next.accept(c);
                    }
                })
                .build();
    }

    /** The id as a number, or null when it is not one (then only the envelope's cursor can move on). */
    private static Long number(String id) {
        try {
            return Long.valueOf(id.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private EkranAccessRequest request(JsonObject o) {
        return new EkranAccessRequest(o.requiredString("id"), o.string("userName"), o.string("endpointName"),
                o.string("status"), EkranTimes.date(o, "requestDate", serverZone),
                EkranTimes.date(o, "processedDate", serverZone), o.string("processedBy"), o.string("reason"),
                o.values());
    }
}
