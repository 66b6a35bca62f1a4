package org.sessionsdk.ekran;

import java.time.ZoneId;
import org.sessionsdk.core.internal.Call;
import org.sessionsdk.core.session.TimeRange;
import org.sessionsdk.ekran.internal.EkranTimes;

/** One batch of an Ekran log read by cursor (alerts, endpoint access requests): the same request shape for both. */
final class CursorBatchCall {
    private CursorBatchCall() {
    }

    /**
     * The request for the batch after {@code after}.
     *
     * @param path       the log's path
     * @param countName  the query parameter of the batch size
     * @param cursorName the query parameter of the cursor
     * @param range      the time bounds, in the server's zone
     * @param zone       the server's zone
     * @param after      the cursor, or null for the first batch
     * @param count      the batch size
     * @return the call
     */
    static Call of(String path, String countName, String cursorName, TimeRange range, ZoneId zone, Long after,
                   int count) {
        return Call.get(path).operation("GET " + path)
                .query("start", EkranTimes.from(range, zone))
                .query("end", EkranTimes.to(range, zone))
                .query(countName, count)
                .query(cursorName, after)
                .header("Accept", "application/json")
                .build();
    }
}
