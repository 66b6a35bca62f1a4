package org.sessionsdk.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sessionsdk.core.error.RateLimitedException;
import org.sessionsdk.core.error.ResponseFormatException;
import org.sessionsdk.core.error.SdkException;
import org.sessionsdk.core.error.ServerException;
import org.sessionsdk.core.error.TransportException;
import org.sessionsdk.core.error.TransportException.Kind;
import org.sessionsdk.reliability.Ops.Op;
import org.sessionsdk.reliability.RawServer.Action;

/**
 * Issue 8, item 1: every read and write call of every vendor against every fault a bad server or a
 * bad network produces. Each case must end in the right {@link SdkException} subtype within the
 * configured timeouts; reads are retried per the policy (3 attempts here), writes are never sent a
 * second time once the request may have left.
 *
 * <p>The server is {@link RawServer}, so the faults are byte-exact: an RST, a close without a byte,
 * random bytes, a broken chunk, a body cut short, a stall before or after the headers, 5xx storms,
 * 429 with {@code Retry-After}, and 200s whose body is malformed or empty.
 */
class FaultMatrixTest {
    private static final int ATTEMPTS = 3;
    private static final Duration TIMEOUT = Duration.ofMillis(250);
    /** A generous upper bound for one case: the stalls would otherwise last minutes. */
    private static final Duration BOUND = Duration.ofSeconds(15);
    private static final Ops.Tuning TUNING = b -> b.connectTimeout(Duration.ofSeconds(5)).requestTimeout(TIMEOUT)
            .readTimeout(TIMEOUT).retryPolicy(Ops.fastRetry(ATTEMPTS));

    private static final String TOKEN_BODY = "{\"access_token\":\"tok-fault-matrix\",\"token_type\":\"Bearer\","
            + "\"expires_in\":3600}";

    /** How many times a server may see the call. */
    enum Count {
        /** Exactly once. */
        ONCE,
        /** Exactly the policy's attempts for reads, once for writes. */
        RETRIED,
        /**
         * Reads: at least the policy's attempts, at most twice that (the JDK client itself resends an
         * idempotent GET once when the connection dies before any response byte). Writes: once.
         */
        RETRIED_JDK_MAY_DOUBLE,
        /**
         * Reads: once, or retried within the policy (the JDK reports a broken first chunk either with
         * the headers, which is a retryable send failure, or from the body, which is not). Writes: once.
         */
        AT_MOST_POLICY
    }

    enum Fault {
        RESET(TransportException.class, Kind.IO, Count.RETRIED_JDK_MAY_DOUBLE, () -> new RawServer.Reset()),
        CLOSE_WITHOUT_RESPONSE(TransportException.class, Kind.IO, Count.RETRIED_JDK_MAY_DOUBLE,
                () -> new RawServer.CloseSilently()),
        RANDOM_BYTES_THEN_CLOSE(TransportException.class, Kind.IO, Count.RETRIED_JDK_MAY_DOUBLE, () -> {
            byte[] b = new byte[512];
            new Random(8).nextBytes(b);
            return new RawServer.Garbage(b);
        }),
        MALFORMED_CHUNK(TransportException.class, Kind.IO, Count.AT_MOST_POLICY, () -> RawServer.partial(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "2\r\n  \r\nZZ-not-hex\r\n{}\r\n0\r\n\r\n", false)),
        DROP_MID_BODY(TransportException.class, Kind.IO, Count.ONCE, () -> RawServer.partial(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n   \n  ", false)),
        STALL_BEFORE_HEADERS(TransportException.class, Kind.RESPONSE_TIMEOUT, Count.RETRIED, RawServer.Stall::new),
        STALL_MID_BODY(TransportException.class, Kind.READ_TIMEOUT, Count.ONCE, () -> RawServer.partial(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n3\r\n \n \r\n",
                true)),
        /** 503, 502, 504, ...: every answer a retryable 5xx. */
        STORM_5XX(ServerException.class, null, Count.RETRIED, null),
        /** 500 is not retried by design (RetryPolicy.isRetryableStatus): a server bug repeats. */
        STATUS_500(ServerException.class, null, Count.ONCE,
                () -> RawServer.response(500, "text/html", "<html><body>Internal Server Error</body></html>")),
        RATE_LIMITED_429(RateLimitedException.class, null, Count.RETRIED,
                () -> RawServer.response(429, "application/json", "{\"message\":\"slow down\"}", "Retry-After: 1")),
        MALFORMED_200(ResponseFormatException.class, null, Count.ONCE,
                () -> RawServer.response(200, "application/json", "<<{[\"\u0000]]>&")),
        EMPTY_200(ResponseFormatException.class, null, Count.ONCE,
                () -> RawServer.response(200, "application/json", ""));

        final Class<? extends SdkException> expected;
        final Kind kind;
        final Count count;
        final Supplier<Action> action;

        Fault(Class<? extends SdkException> expected, Kind kind, Count count, Supplier<Action> action) {
            this.expected = expected;
            this.kind = kind;
            this.count = count;
            this.action = action;
        }
    }

    private static final int[] STORM = {503, 502, 504};
    private static RawServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new RawServer(r -> RawServer.response(500, "text/plain", "not set"));
        // warm up (class loading, JAXB, the JDK client's first connection) so no cold start eats a timeout
        for (Op op : Ops.all(TIMEOUT)) {
            try {
                op.bind().apply(TUNING).run(server.endpoint());
            } catch (Exception | Error expected) {
                // a 500 everywhere: only the warm-up matters
            }
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (Op op : Ops.all(TIMEOUT)) {
            for (Fault f : Fault.values()) {
                all.add(Arguments.of(op, f));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} / {1}")
    @MethodSource("cases")
    @Timeout(60)
    void endsInTypedErrorWithinTimeout(Op op, Fault fault) throws Exception {
        AtomicInteger storm = new AtomicInteger();
        boolean faultsToken = op.path().equals(Ops.SENHA_TOKEN);
        server.behaviour(r -> {
            if (r.path().equals(Ops.SENHA_TOKEN) && !faultsToken) {
                return RawServer.response(200, "application/json", TOKEN_BODY);
            }
            if (fault == Fault.STORM_5XX) {
                int status = STORM[storm.getAndIncrement() % STORM.length];
                return RawServer.response(status, "text/html", "<html><body>" + status + " bad gateway</body></html>");
            }
            return fault.action.get();
        });
        int before = server.requests(op.path());
        long start = System.nanoTime();
        Throwable thrown = null;
        try {
            op.bind().apply(TUNING).run(server.endpoint());
        } catch (Throwable t) {
            thrown = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        boolean repeatable = !op.write();
        int least = switch (fault.count) {
            case RETRIED, RETRIED_JDK_MAY_DOUBLE -> repeatable ? ATTEMPTS : 1;
            default -> 1;
        };
        // the client may give up on its last attempt before a loaded server thread has counted it
        int seen = server.awaitRequests(op.path(), before + least, Duration.ofSeconds(5)) - before;

        if (thrown == null && fault == Fault.EMPTY_200 && op.name().equals("sessions().terminate")) {
            assertThat(seen).as("an empty 200 ends a DELETE: sent once").isEqualTo(1);
            return;
        }
        if (thrown == null) {
            fail(op + " under " + fault + " returned normally; expected " + fault.expected.getSimpleName());
        }
        assertThat(thrown).as("%s under %s", op, fault).isInstanceOf(fault.expected);
        if (fault.kind != null) {
            assertThat(((TransportException) thrown).kind()).as("%s under %s: %s", op, fault, thrown.getMessage())
                    .isEqualTo(fault.kind);
        }
        if (thrown instanceof RateLimitedException rl) {
            assertThat(rl.retryAfter()).contains(Duration.ofSeconds(1));
        }
        assertThat(took).as("%s under %s took %s", op, fault, took).isLessThan(BOUND);

        switch (fault.count) {
            case ONCE -> assertThat(seen).as("requests for %s under %s", op, fault).isEqualTo(1);
            case RETRIED -> assertThat(seen).as("requests for %s under %s", op, fault)
                    .isEqualTo(repeatable ? ATTEMPTS : 1);
            case RETRIED_JDK_MAY_DOUBLE -> {
                if (repeatable) {
                    assertThat(seen).as("requests for %s under %s", op, fault).isBetween(ATTEMPTS, 2 * ATTEMPTS);
                } else {
                    assertThat(seen).as("requests for write %s under %s", op, fault).isEqualTo(1);
                }
            }
            case AT_MOST_POLICY -> assertThat(seen).as("requests for %s under %s", op, fault)
                    .isBetween(1, repeatable ? 2 * ATTEMPTS : 1);
        }
    }
}
