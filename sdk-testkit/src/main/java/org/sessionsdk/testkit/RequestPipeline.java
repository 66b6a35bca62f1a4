package org.sessionsdk.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What happens to a request once it reaches its simulator: it is journalled; the scenario's conditions
 * and the queued {@link Faults} are played (in the vendor's wire: its content type, its malformed body,
 * the first bytes of a normal answer before a stall or a drop); otherwise the vendor answers, with a
 * 500 when the answer itself fails and a 404 when it did not answer.
 */
final class RequestPipeline {
    private final Simulator sim;
    private final RequestJournal journal;
    private final SimTime time;
    private final Faults faults;
    private final CountDownLatch closed;

    RequestPipeline(Simulator sim, RequestJournal journal, SimTime time, Faults faults, CountDownLatch closed) {
        this.sim = sim;
        this.journal = journal;
        this.time = time;
        this.faults = faults;
        this.closed = closed;
    }

    /** Journal, conditions and faults, the vendor's answer, and a 500 when the answer itself fails. */
    void serve(SimExchange ex) throws IOException {
        journal.record(ex);
        try {
            Instant now = time.givenNow();
            Instant anchor = time.givenAnchor();
            Scenario.SlowBody slow = time.conditions().slow(now, anchor);
            if (slow != null) {
                ex.slowBody(slow.bytesPerChunk(), slow.pause());
            }
            Scenario.Fail failing = time.conditions().failing(now, anchor);
            Faults.Fault fault = failing != null ? new Faults.Status(failing.status(), "", null) : faults.poll();
            if (fault instanceof Faults.SlowBody s) {
                ex.slowBody(s.bytesPerChunk(), s.pause());
                fault = null;
            }
            if (fault != null) {
                play(fault, ex);
            } else {
                sim.handle(ex);
            }
        } catch (RuntimeException bug) {
            // the 500 is sent before the exchange closes: a closed exchange can only drop the connection
            if (ex.answered()) {
                throw new IOException("failed while answering", bug);
            }
            ex.respond(500, "text/plain", "the " + sim.vendor() + " simulator failed: " + bug);
        }
        if (!ex.answered()) {
            ex.respond(404, "text/plain", "no such resource in the " + sim.vendor() + " simulator: " + ex.path());
        }
    }

    private void play(Faults.Fault fault, SimExchange ex) throws IOException {
        if (fault instanceof Faults.Status s) {
            if (s.retryAfter() != null) {
                ex.responseHeader("Retry-After", s.retryAfter());
            }
            ex.respond(s.status(), sim.contentType(), s.body() == null ? "" : s.body());
        } else if (fault instanceof Faults.Reset) {
            // closing the exchange without a status line drops the connection
            ex.raw().getResponseBody().close();
            throw new IOException("reset on purpose");
        } else if (fault instanceof Faults.DropMidBody) {
            // promise more than is sent, then close: the client sees the body end early
            byte[] prefix = sim.stallPrefix().getBytes(StandardCharsets.UTF_8);
            ex.raw().getResponseHeaders().set("Content-Type", sim.contentType());
            ex.raw().sendResponseHeaders(200, prefix.length + 100_000L);
            OutputStream out = ex.raw().getResponseBody();
            out.write(prefix);
            out.flush();
            ex.raw().close();
            throw new IOException("dropped mid-body on purpose");
        } else if (fault instanceof Faults.Malformed) {
            ex.respond(200, sim.contentType(), sim.malformedBody());
        } else {
            ex.respondStreaming(200, sim.contentType(), this::stall);
        }
    }

    private void stall(OutputStream out) throws IOException {
        out.write(sim.stallPrefix().getBytes(StandardCharsets.UTF_8));
        out.flush();
        try {
            // hold the connection open without sending more, until the client hangs up or we close
            closed.await(10, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
