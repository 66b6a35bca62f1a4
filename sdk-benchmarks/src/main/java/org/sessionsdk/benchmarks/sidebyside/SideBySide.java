package org.sessionsdk.benchmarks.sidebyside;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.sessionsdk.benchmarks.ParseBenchmark;
import org.sessionsdk.benchmarks.support.InMemoryTransport;
import org.sessionsdk.benchmarks.support.LoopbackServer;
import org.sessionsdk.benchmarks.support.SdkClient;
import org.sessionsdk.benchmarks.vendor.BareClient;
import org.sessionsdk.benchmarks.vendor.BenchVendor;
import org.sessionsdk.benchmarks.vendor.BenchVendors;

/**
 * The side-by-side ratios of targets 1 and 2 (issue 22), each measured in alternating rounds in one JVM
 * ({@link Rounds}):
 * <pre>
 *   parse   VENDOR [records] [rounds]   SDK stream() vs the hand-written loop and vs naive binding, same bytes
 *   percall VENDOR [rounds]             SDK list() of 10 records vs a bare HttpClient call (vendors with one)
 *   feed    VENDOR [rounds]             a feed's poll of an unchanged source vs one list()
 *   concurrency [rounds] [direct]       256 concurrent listAsync vs bare sendAsync (the per-call vendor);
 *                                       direct: the client completes on its HTTP threads (asyncExecutor(Runnable::run))
 *   profile parse|percall VENDOR secs   only the SDK side, in a loop, for a profiler (JFR)
 * </pre>
 * Results are printed and, with {@code -Dout=FILE}, appended to FILE as JSON lines.
 */
public final class SideBySide {
    private SideBySide() {
    }

    public static void main(String[] args) throws Exception {
        List<Rounds.Result> results = new ArrayList<>();
        switch (args[0]) {
            case "parse" -> {
                BenchVendor v = BenchVendors.named(args[1]);
                int records = args.length > 2 ? Integer.parseInt(args[2]) : 200_000;
                int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 15;
                results.addAll(parse(v, records, rounds));
            }
            case "percall" -> {
                BenchVendor v = BenchVendors.named(args[1]);
                int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 21;
                results.add(perCall(v, rounds));
            }
            case "feed" -> {
                BenchVendor v = BenchVendors.named(args[1]);
                int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 15;
                results.add(feed(v, rounds));
            }
            case "concurrency" -> {
                int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
                results.add(concurrency(256, rounds, args.length > 2 && args[2].equals("direct")));
            }
            case "profile" -> {
                profile(args[1], BenchVendors.named(args[2]), Double.parseDouble(args[3]));
                return;
            }
            default -> throw new IllegalArgumentException("parse | percall | profile, not " + args[0]);
        }
        String out = System.getProperty("out");
        for (Rounds.Result r : results) {
            System.out.println(r);
            if (out != null) {
                Files.writeString(Path.of(out), r.toJson() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            }
        }
    }

    /** time(other) / time(SDK): above 1 the SDK is faster. */
    static List<Rounds.Result> parse(BenchVendor v, int records, int rounds) throws Exception {
        byte[] body = v.wire().body(records);
        try (SdkClient client = SdkClient.create(v, SdkClient.UNUSED_ENDPOINT,
                new InMemoryTransport(v.wire(), () -> body))) {
            Rounds.Way sdk = () -> ParseBenchmark.sdk(client, records, SideBySide::consume);
            Rounds.Way hand = () -> v.parseHandWritten(new ByteArrayInputStream(body), SideBySide::consume);
            Rounds.Way naive = () -> v.parseNaive(new ByteArrayInputStream(body), SideBySide::consume);
            int ops = Math.max(1, 400_000 / records);
            return List.of(
                    Rounds.compare("parse " + v.name() + " vs hand-written", "sdk", sdk, "hand", hand, records, ops,
                            rounds, 8),
                    Rounds.compare("parse " + v.name() + " vs naive", "sdk", sdk, "naive", naive, records, ops, rounds,
                            4));
        }
    }

    /** time(SDK) / time(bare): above 1 the SDK is slower. */
    static Rounds.Result perCall(BenchVendor v, int rounds) throws Exception {
        int n = 10;
        byte[] body = v.wire().sessionListBody(n);
        try (LoopbackServer server = LoopbackServer.fixed(v.wire(), body, 2)) {
            Calls calls = Calls.of(v, server);
            try (calls) {
                return Rounds.compare("per call " + v.name() + " list()", "bare", calls.bare, "sdk", calls.sdk, n, 2_000,
                        rounds, 10);
            }
        }
    }

    /**
     * Target 4: a session feed's poll of a source that did not change, against one {@code list()} of the
     * same 10 records: time(poll) / time(list). The feed's clock moves a second per reading, so every
     * poll is due and asks the server (one request, like the list); nothing changes between polls.
     */
    static Rounds.Result feed(BenchVendor v, int rounds) throws Exception {
        int n = 10;
        byte[] body = v.wire().sessionListBody(n);
        java.time.Clock ticking = new java.time.Clock() {
            private final java.util.concurrent.atomic.AtomicLong seconds = new java.util.concurrent.atomic.AtomicLong(
                    java.time.Instant.now().getEpochSecond());

            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public java.time.Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public java.time.Instant instant() {
                return java.time.Instant.ofEpochSecond(seconds.incrementAndGet());
            }
        };
        try (LoopbackServer server = LoopbackServer.fixed(v.wire(), body, 2);
             SdkClient client = SdkClient.create(v, server.endpoint());
             org.sessionsdk.core.feed.Feed<org.sessionsdk.core.feed.SessionChange> feed = client.sessionFeed(
                     org.sessionsdk.core.feed.FeedOptions.builder().pollInterval(java.time.Duration.ofMillis(1))
                             .clock(ticking).build())) {
            feed.poll(java.time.Duration.ZERO); // the first poll reports what is open; later ones find no change
            long requestsBefore = server.requests();
            feed.poll(java.time.Duration.ZERO);
            if (server.requests() - requestsBefore != 1) {
                throw new IllegalStateException("an unchanged poll sent " + (server.requests() - requestsBefore)
                        + " requests");
            }
            Rounds.Way list = () -> client.list().size();
            Rounds.Way poll = () -> feed.poll(java.time.Duration.ZERO).items().isEmpty() ? n : -1;
            return Rounds.compare("feed poll " + v.name() + " (unchanged)", "list", list, "poll", poll, n, 2_000, rounds, 8);
        }
    }

    /**
     * Target 3: {@code calls} concurrent list calls of the per-call vendor ({@link BenchVendors#perCall()}:
     * Ekran) on one client, awaited, SDK {@code listAsync}
     * against bare {@code sendAsync} + Jackson; time(bare) / time(SDK), above 1 the SDK is faster. Fair
     * executors: the SDK's own async pool has {@value org.sessionsdk.core.config.ClientConfig#DEFAULT_ASYNC_THREADS}
     * threads (the default), and the bare JDK client gets a fixed pool of as many threads for its
     * async work and the parse; the peak of live threads is printed for each side.
     */
    static Rounds.Result concurrency(int calls, int rounds, boolean direct) throws Exception {
        int threads = Integer.getInteger("threads.size", org.sessionsdk.core.config.ClientConfig.DEFAULT_ASYNC_THREADS);
        java.util.concurrent.ExecutorService bareExecutor = java.util.concurrent.Executors.newFixedThreadPool(threads,
                r -> {
                    Thread t = new Thread(r, "bare-http");
                    t.setDaemon(true);
                    return t;
                });
        BenchVendor v = BenchVendors.perCall();
        try (LoopbackServer server = LoopbackServer.fixed(v.wire(), v.wire().sessionListBody(10), 4);
             // direct: the answers parsed and the futures completed on the SDK's HTTP threads, as the bare
             // side's are on its client's executor (asyncExecutor(Runnable::run)); else the shared async pool
             SdkClient client = SdkClient.create(v, server.endpoint(), direct ? b -> b.asyncExecutor(Runnable::run) : b -> { })) {
            BareClient bare = v.bareClient(server.endpoint(), bareExecutor).orElseThrow();
            long expected = (long) calls * 10;
            Rounds.Way sdk = () -> org.sessionsdk.benchmarks.ConcurrencyBenchmark.await(calls, client::listAsync);
            Rounds.Way bareWay = () -> org.sessionsdk.benchmarks.ConcurrencyBenchmark.await(calls, bare::listAsync);
            java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
            int base = mx.getThreadCount();
            mx.resetPeakThreadCount();
            sdk.run();
            int sdkPeak = mx.getPeakThreadCount() - base;
            mx.resetPeakThreadCount();
            bareWay.run();
            int barePeak = mx.getPeakThreadCount() - base;
            if (Boolean.getBoolean("threads")) {
                java.util.Map<String, Long> names = Thread.getAllStackTraces().keySet().stream().collect(
                        java.util.stream.Collectors.groupingBy(t -> t.getName().replaceAll("\\d+", "#"),
                                java.util.stream.Collectors.counting()));
                System.out.println("live threads after both: " + names);
            }
            System.out.println("threads started beyond the " + base + " alive before: SDK <= " + sdkPeak + ", bare <= "
                    + barePeak + " (one batch of " + calls + " calls each)");
            return Rounds.compare("concurrency 256 x " + v.name() + (direct ? ", direct completion" : ""), "sdk", sdk,
                    "bare", bareWay, expected, 20, rounds, 8);
        } finally {
            bareExecutor.shutdownNow();
        }
    }

    static void profile(String what, BenchVendor v, double seconds) throws Exception {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long ops = 0;
        if (what.equals("parse-hand")) {
            int records = 200_000;
            byte[] body = v.wire().body(records);
            while (System.nanoTime() < end) {
                v.parseHandWritten(new ByteArrayInputStream(body), SideBySide::consume);
                ops++;
            }
        } else if (what.equals("parse")) {
            int records = 200_000;
            byte[] body = v.wire().body(records);
            try (SdkClient client = SdkClient.create(v, SdkClient.UNUSED_ENDPOINT,
                    new InMemoryTransport(v.wire(), () -> body))) {
                while (System.nanoTime() < end) {
                    ParseBenchmark.sdk(client, records, SideBySide::consume);
                    ops++;
                }
            }
        } else {
            byte[] body = v.wire().sessionListBody(10);
            try (LoopbackServer server = LoopbackServer.fixed(v.wire(), body, 2); Calls calls = Calls.of(v, server)) {
                Rounds.Way way = what.equals("percall-bare") ? calls.bare : calls.sdk;
                while (System.nanoTime() < end) {
                    way.run();
                    ops++;
                }
            }
        }
        System.out.println(what + " " + v.name() + ": " + ops + " ops in " + seconds + " s");
    }

    /** Where every record goes: a volatile write, so no side can drop its records, at the same small cost. */
    private static volatile Object sink;

    private static void consume(Object o) {
        sink = o;
    }

    /** The two sides of a per-call comparison on one loopback server. */
    private record Calls(Rounds.Way sdk, Rounds.Way bare, SdkClient client) implements AutoCloseable {
        static Calls of(BenchVendor v, LoopbackServer server) {
            BareClient bare = v.bareClient(server.endpoint(), null).orElseThrow(() -> new IllegalArgumentException(
                    "per call is measured for the vendors with a bare HttpClient baseline, not " + v.name()));
            SdkClient c = SdkClient.create(v, server.endpoint());
            return new Calls(() -> c.list().size(), () -> bare.list().size(), c);
        }

        @Override
        public void close() {
            client.close();
        }
    }
}
