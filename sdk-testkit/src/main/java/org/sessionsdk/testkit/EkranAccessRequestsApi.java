package org.sessionsdk.testkit;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@code GET /ekranapi/AccessRequests/GetEndpointAccessRequests?start=&end=&count=&afterId=} of
 * {@link EkranSimulator}: processed endpoint access requests.
 *
 * <p>Ekran documents the call and its parameters, not the answer: the simulator writes what the SDK
 * assumes, {@code {"afterId": <the last id of the batch, or the one asked>, "accessRequests": [...]}}, each
 * request with {@code id}, {@code userName}, {@code endpointName}, {@code status} ({@code Approved} or
 * {@code Denied}), {@code requestDate} and {@code processedDate} (with the zone's offset),
 * {@code processedBy} and {@code reason}. Requests come in id order with an id above {@code afterId} and a
 * processing date inside {@code [start, end]}, at most {@code count} (default 1000; more than 1000, a
 * negative or a non-number is a 400 validation problem, as are bad bounds and a bad {@code afterId}).
 * Played as an older server ({@link EkranSimulator#withoutAccessRequests()}), the path is a 404.
 *
 * <p>Generated request {@code i} (from 0) has id {@code i + 1} and was processed {@code (n - i)} steps of
 * 11 minutes before {@link Simulator#anchor()}, asked up to 10 minutes before; added ones follow with
 * the next ids.
 */
final class EkranAccessRequestsApi {
    static final String PATH = "/ekranapi/AccessRequests/GetEndpointAccessRequests";
    static final int MAX_COUNT = 1000;
    private static final long STEP_SECONDS = 11 * 60;

    /** One request as written. */
    private record Request(long id, String user, String endpoint, String status, Instant requested,
                           Instant processed, String processedBy, String reason) {
    }

    private final EkranSimulator sim;
    private volatile int generated;
    private volatile boolean served = true;
    private final List<Request> added = new CopyOnWriteArrayList<>();

    EkranAccessRequestsApi(EkranSimulator sim) {
        this.sim = sim;
    }

    static boolean matches(String path) {
        return path.equalsIgnoreCase(PATH) || path.equalsIgnoreCase(PATH + "/");
    }

    synchronized void generate(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative");
        }
        if (!added.isEmpty()) {
            throw new IllegalStateException("set the generated access requests before adding any: added ids follow them");
        }
        generated = n;
    }

    void served(boolean on) {
        served = on;
    }

    /** Whether the server has the endpoint (a server from before it answers 404, as for any unknown path). */
    boolean served() {
        return served;
    }

    synchronized long add(Instant processed, String user, String endpoint, boolean approved, String processedBy) {
        Objects.requireNonNull(processed, "processed");
        long id = generated + added.size() + 1L;
        added.add(new Request(id, user, endpoint, approved ? "Approved" : "Denied", processed.minusSeconds(120),
                processed, processedBy, "maintenance"));
        return id;
    }

    void handle(SimExchange ex) throws IOException {
        EkranCursorPages.serve(sim, ex, new EkranCursorPages.Log<Request>() {
            @Override
            public int generated() {
                return generated;
            }

            @Override
            public Request generated(long i, int n) {
                return generatedRequest(i, n);
            }

            @Override
            public List<Request> added() {
                return added;
            }

            @Override
            public long id(Request e) {
                return e.id();
            }

            @Override
            public Instant time(Request e) {
                return e.processed();
            }

            @Override
            public void write(JsonGenerator g, Request e) throws IOException {
                EkranAccessRequestsApi.this.write(g, e);
            }
        }, new EkranCursorPages.Names("count", "afterId", "accessRequests", "afterId"), MAX_COUNT, () -> { });
    }

    private Request generatedRequest(long i, int n) {
        long seed = sim.seed();
        Instant processed = sim.anchor().minusSeconds((n - i) * STEP_SECONDS);
        Instant requested = processed.minusSeconds(60 + Math.floorMod(SimData.mix(seed, i, 41), 540L));
        String user = "CORP\\" + SimData.pick(seed, i, "jdoe", "asmith", "mlopez", "kchen");
        String endpoint = "WS-" + (1 + Math.floorMod(SimData.mix(seed, i, 42), 8L));
        boolean approved = Math.floorMod(SimData.mix(seed, i, 43), 4L) != 0;
        return new Request(i + 1, user, endpoint, approved ? "Approved" : "Denied", requested, processed,
                SimData.pick(seed, i + 7, "admin", "secops"), SimData.pick(seed, i + 3, "patching", "incident", "audit"));
    }

    private void write(JsonGenerator g, Request r) throws IOException {
        g.writeStartObject();
        g.writeNumberField("id", r.id());
        g.writeStringField("userName", r.user());
        g.writeStringField("endpointName", r.endpoint());
        g.writeStringField("status", r.status());
        g.writeStringField("requestDate", OffsetDateTime.ofInstant(r.requested(), sim.zone()).format(EkranWire.OUT));
        g.writeStringField("processedDate", OffsetDateTime.ofInstant(r.processed(), sim.zone()).format(EkranWire.OUT));
        g.writeStringField("processedBy", r.processedBy());
        g.writeStringField("reason", r.reason());
        g.writeEndObject();
    }
}
