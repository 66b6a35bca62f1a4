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
 * Ekran alert events ({@code GET /ekranapi/alerts}), reached through {@link EkranClient#alerts()}.
 *
 * <p>The answer is {@code {"afterActivityId": .., "alerts": [..]}}; the next batch is asked with that
 * {@code afterActivityId}. {@link #stream} follows it to the end: each batch is parsed as it arrives
 * and one alert is held at a time. It stops on a batch shorter than {@code alertCount} (so a last batch
 * of exactly {@code alertCount} costs one more, empty, request). A full batch whose answer names no
 * {@code afterActivityId}, or the one it was asked with, fails the stream with a
 * {@link org.sessionsdk.core.error.ResponseFormatException} rather than asking forever.
 */
public final class EkranAlerts {
    static final String PATH = "/ekranapi/alerts";
    static final String CURSOR = "afterActivityId";

    private final ClientRuntime runtime;
    private final ApiCaller caller;
    private final ZoneId serverZone;

    EkranAlerts(ClientRuntime runtime, ApiCaller caller, ZoneId serverZone) {
        this.runtime = runtime;
        this.caller = caller;
        this.serverZone = serverZone;
    }

    /**
     * All matching alerts in a list; for small results.
     *
     * @param query the range, the activity id to start after and the batch size
     * @return the alerts, in the log's order
     */
    public List<EkranAlert> list(EkranAlertQuery query) {
        try (Stream<EkranAlert> s = stream(query)) {
            return s.toList();
        }
    }

    /**
     * The matching alerts, batch after batch, parsed lazily as they arrive. Close the stream: closing it
     * early drops the connection. Malformed JSON fails it with a
     * {@link org.sessionsdk.core.error.ResponseFormatException}.
     *
     * @param query the range, the activity id to start after and the batch size
     * @return the alerts, in the log's order
     */
    public Stream<EkranAlert> stream(EkranAlertQuery query) {
        return stream(query, c -> { });
    }

    /** {@link #stream(EkranAlertQuery)}, handing each batch's {@code afterActivityId} to {@code cursor}. */
    Stream<EkranAlert> stream(EkranAlertQuery query, Consumer<Long> cursor) {
        return Paging.byCursor(query.afterActivityId(), query.batchSize(), "Ekran alerts",
                (Long after, int count, Consumer<Long> next) -> {
                    CallResponse response = caller.execute(batchCall(query.range(), after, count));
                    return parser(both(next, cursor)).stream(response.body(), response);
                });
    }

    private static Consumer<Long> both(Consumer<Long> next, Consumer<Long> cursor) {
        return c -> {
            next.accept(c);
            if (c != null) {
                cursor.accept(c);
            }
        };
    }

    private Call batchCall(TimeRange range, Long after, int count) {
        return CursorBatchCall.of(PATH, "alertCount", CURSOR, range, serverZone, after, count);
    }

    /**
     * {@link #list} without a thread waiting for the server: each batch asked once the one before is
     * in, parsed on the client's async executor, where the future completes.
     *
     * @param query the range, the activity id to start after and the batch size
     * @return completes with the alerts, or with the call's exception
     */
    public CompletableFuture<List<EkranAlert>> listAsync(EkranAlertQuery query) {
        return Paging.byCursorAsync(query.afterActivityId(), query.batchSize(), "Ekran alerts",
                (Long after, int count, Consumer<Long> next) -> caller.executeAsync(batchCall(query.range(), after, count),
                        r -> parser(both(next, c -> { })).list(r.body(), r)));
    }

    /** A reader for one batch, handing the envelope's cursor to {@code next} (before and after the array). */
    private JsonArrayStream<EkranAlert> parser(Consumer<Long> next) {
        return JsonArrayStream.of("Ekran alerts", this::alert)
                .inField("alerts")
                .missingArrayIsEmpty()
                .keepArrays()
                .envelopeCheck(envelope -> next.accept(envelope.int64OrNull(CURSOR)))
                .build();
    }

    private EkranAlert alert(JsonObject o) {
        return new EkranAlert(o.requiredString("activityId"), EkranTimes.date(o, "date", serverZone),
                o.string("alertName"), o.string("userName"), o.string("description"), o.values());
    }
}
