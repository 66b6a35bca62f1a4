package org.sessionsdk.testkit;

import java.io.IOException;

/**
 * The page a SAYMON list asks for: {@code from}/{@code to} bound the time (inclusive, null when
 * absent), {@code skip} counts from the newest, no {@code limit} (or 0, as MongoDB reads it) means all.
 * Both of {@link SaymonSimulator}'s paged lists, the session log and the audit logs, read it so.
 *
 * @param from  the oldest time, epoch milliseconds, or null
 * @param to    the newest time, epoch milliseconds, or null
 * @param limit at most this many
 * @param skip  after skipping this many
 */
record SaymonPage(Long from, Long to, long limit, long skip) {
    /**
     * The page of a request, or null once a 400 is answered for a parameter that is not a whole
     * number, or is negative ({@code from}/{@code to} may be where {@code negativeTimes}).
     */
    static SaymonPage read(SimExchange ex, String contentType, boolean negativeTimes) throws IOException {
        try {
            Long from = number(ex, "from", negativeTimes);
            Long to = number(ex, "to", negativeTimes);
            Long limit = number(ex, "limit", false);
            Long skip = number(ex, "skip", false);
            return new SaymonPage(from, to, limit == null || limit == 0 ? Long.MAX_VALUE : limit, skip == null ? 0 : skip);
        } catch (NumberFormatException e) {
            ex.respond(400, contentType, SaymonSimulator.errorBody("BadRequest",
                    "from, to, limit and skip must be non-negative integers"));
            return null;
        }
    }

    private static Long number(SimExchange ex, String name, boolean negative) {
        String v = ex.query(name);
        Long n = v == null || v.isEmpty() ? null : Long.parseLong(v.strip());
        if (n != null && n < 0 && !negative) {
            throw new NumberFormatException("negative");
        }
        return n;
    }
}
