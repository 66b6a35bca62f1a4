package org.sessionsdk.core.internal.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.sessionsdk.core.feed.Checkpoint;

/**
 * The session diff's state in a checkpoint. Every row is kept (nothing the diff needs is dropped: an
 * open session's id, start and user make the ENDED change of a session that vanished, an ended one's
 * id and end keep it from being reported twice); what is compacted is the writing. One table of open
 * sessions (id, start, user) instead of two keyed by the same id, sorted and front-coded
 * ({@link PackedBytes}); times as seconds (or milliseconds) before the checkpoint's {@code since}, a
 * byte or three instead of thirteen digits; logins once each, rows naming them by number. A session
 * then costs about its id's entropy plus three bytes, times 4/3 for the base64 of the text.
 *
 * <p>Checkpoints written before this form ({@code open}, {@code user}, {@code ended} tables) are
 * still read.
 */
final class DiffState {
    private static final String SESSIONS = "sessions";
    private static final String LOGINS = "logins";
    private static final String OPEN_COUNT = "openSessions";
    private static final String ENDED_COUNT = "endedSessions";
    static final String BASE = "base";

    private DiffState() {
    }

    static void write(Map<String, Object> state, long base, Map<String, Long> open, Map<String, String> users,
                      Map<String, Long> ended) {
        TreeSet<String> sorted = new TreeSet<>(users.values());
        sorted.remove("");
        Map<String, Integer> number = new TreeMap<>();
        PackedLines.Writer names = new PackedLines.Writer();
        for (String login : sorted) {
            number.put(login, number.size());
            names.row(login);
        }
        // in columns (the ids, then the starts, then the logins): each column's bytes alike, so they deflate well
        Map<String, Long> openSorted = new TreeMap<>(open);
        Map<String, Long> endedSorted = new TreeMap<>(ended);
        PackedBytes.Writer rows = new PackedBytes.Writer().number(open.size()).number(ended.size());
        openSorted.keySet().forEach(rows::id);
        endedSorted.keySet().forEach(rows::id);
        Long[] starts = new Long[openSorted.size()];
        long[] logins = new long[openSorted.size()];
        int k = 0;
        for (Map.Entry<String, Long> o : openSorted.entrySet()) {
            starts[k] = o.getValue() == Long.MIN_VALUE ? null : base - o.getValue();
            String user = users.get(o.getKey());
            logins[k++] = user == null || user.isEmpty() ? 0 : 1 + number.get(user);
        }
        times(rows, starts);
        rows.column(logins);
        times(rows, endedSorted.values().stream().map(end -> base - end).toArray(Long[]::new));
        state.put(BASE, base);
        state.put(SESSIONS, rows.text());
        state.put(LOGINS, names.toString());
        // counts in plain sight, for whoever looks at a checkpoint
        state.put(OPEN_COUNT, (long) open.size());
        state.put(ENDED_COUNT, (long) ended.size());
    }

    /**
     * A column of times, as milliseconds before the base (null: unknown, written as 0). When all are
     * whole seconds at or before the base (as most servers write them) the column holds seconds;
     * otherwise zig-zag milliseconds (a time after the base, from a server clock ahead, stays small).
     */
    private static void times(PackedBytes.Writer out, Long[] msBefore) {
        boolean seconds = true;
        for (Long ms : msBefore) {
            seconds &= ms == null || (ms >= 0 && ms % 1000 == 0);
        }
        long[] column = new long[msBefore.length];
        for (int k = 0; k < msBefore.length; k++) {
            Long ms = msBefore[k];
            column[k] = ms == null ? 0 : 1 + (seconds ? ms / 1000 : (ms << 1) ^ (ms >> 63));
        }
        out.number(seconds ? 0 : 1).column(column);
    }

    private static Long[] times(PackedBytes.Reader in, int rows) {
        long mode = in.number();
        if (mode != 0 && mode != 1) {
            throw new IllegalArgumentException("a damaged checkpoint: a column of times");
        }
        long[] column = in.column(rows);
        Long[] ms = new Long[rows];
        for (int k = 0; k < rows; k++) {
            long v = column[k] - 1;
            ms[k] = column[k] == 0 ? null : mode == 0 ? v * 1000 : (v >>> 1) ^ -(v & 1);
        }
        return ms;
    }

    static void read(Checkpoint checkpoint, Map<String, Long> open, Map<String, String> users, Map<String, Long> ended) {
        CheckpointState cp = CheckpointState.read(checkpoint);
        if (cp.text(SESSIONS) == null) {
            // written before the packed form
            open.putAll(cp.numbers("open"));
            users.putAll(cp.texts("user"));
            ended.putAll(cp.numbers("ended"));
            return;
        }
        Long b = cp.number(BASE);
        long base = b == null ? 0 : b;
        List<String> logins = new ArrayList<>();
        for (String[] row : PackedLines.read(cp.text(LOGINS))) {
            logins.add(row[0]);
        }
        PackedBytes.Reader in = new PackedBytes.Reader(cp.text(SESSIONS));
        long n = in.number();
        long m = in.number();
        if (n < 0 || m < 0 || n + m > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a damaged checkpoint: a packed table's counts");
        }
        List<String> openIds = new ArrayList<>();
        for (long k = 0; k < n; k++) {
            openIds.add(in.id());
        }
        List<String> endedIds = new ArrayList<>();
        for (long k = 0; k < m; k++) {
            endedIds.add(in.id());
        }
        Long[] starts = times(in, openIds.size());
        long[] named = in.column(openIds.size());
        Long[] ends = times(in, endedIds.size());
        for (int k = 0; k < openIds.size(); k++) {
            String id = openIds.get(k);
            open.put(id, starts[k] == null ? Long.MIN_VALUE : base - starts[k]);
            if (named[k] > logins.size()) {
                throw new IllegalArgumentException("a damaged checkpoint: an open session names no login");
            }
            users.put(id, named[k] == 0 ? "" : logins.get((int) named[k] - 1));
        }
        for (int k = 0; k < endedIds.size(); k++) {
            if (ends[k] == null) {
                throw new IllegalArgumentException("a damaged checkpoint: an ended session without its end");
            }
            ended.put(endedIds.get(k), base - ends[k]);
        }
        if (!in.done()) {
            throw new IllegalArgumentException("a damaged checkpoint: a packed table runs on");
        }
    }
}
