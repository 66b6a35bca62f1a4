package org.sessionsdk.testkit;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.sessionsdk.senhasegura.SenhaseguraSession;

/**
 * {@link SenhaseguraSimulator}'s session endpoints, behind its bearer check: the list (streamed, in
 * the flat envelope or the nested one of the vendor's example), one row by id, and the drop by
 * {@code session_id}; each counted.
 */
final class SenhaseguraSessionsApi {
    private final SenhaseguraSimulator sim;
    private final SenhaseguraSessionData data;
    private final AtomicInteger listRequests = new AtomicInteger();
    private final AtomicInteger terminations = new AtomicInteger();
    private volatile boolean nested;

    SenhaseguraSessionsApi(SenhaseguraSimulator sim, SenhaseguraSessionData data) {
        this.sim = sim;
        this.data = data;
    }

    void nested(boolean on) {
        this.nested = on;
    }

    int listRequests() {
        return listRequests.get();
    }

    int terminations() {
        return terminations.get();
    }

    /** {@code GET <listPath>} lists, {@code GET <listPath>/<id>} finds one. */
    void listOrOne(SimExchange ex, String listPath) throws IOException {
        String rest = ex.path().substring(listPath.length());
        if (rest.isEmpty() || rest.equals("/")) {
            list(ex);
        } else {
            one(ex, rest.substring(1));
        }
    }

    private void list(SimExchange ex) throws IOException {
        listRequests.incrementAndGet();
        long s = sim.seed();
        int n = sim.generated();
        List<SenhaseguraSession> added = data.added();
        boolean nest = nested;
        ex.respondStreaming(200, sim.contentType(), out -> {
            try (JsonGenerator g = SimWire.generator(out)) {
                SenhaseguraWire.envelope(g, 200, "");
                if (nest) {
                    g.writeArrayFieldStart("remote_sessions");
                    SenhaseguraWire.envelope(g, 200, "");
                }
                g.writeStringField("tenant", sim.variants.version.tenant());
                g.writeArrayFieldStart("remote_sessions");
                for (int i = 0; i < n; i++) {
                    SenhaseguraWire.write(g, data.generated(s, i));
                }
                for (SenhaseguraSession r : added) {
                    SenhaseguraWire.write(g, r);
                }
                g.writeEndArray();
                if (nest) {
                    g.writeEndObject();
                    g.writeEndArray();
                }
                g.writeEndObject();
            }
        });
    }

    private void one(SimExchange ex, String id) throws IOException {
        SenhaseguraSession found = data.find(id);
        if (found == null) {
            ex.respond(404, sim.contentType(), SenhaseguraWire.errorBody(404, SenhaseguraSimulator.NOT_FOUND));
            return;
        }
        ex.respond(200, sim.contentType(), SimWire.json(g -> {
            SenhaseguraWire.envelope(g, 200, "");
            g.writeArrayFieldStart("remote_session");
            SenhaseguraWire.write(g, sim.variants.single(found));
            g.writeEndArray();
            g.writeEndObject();
        }));
    }

    /** {@code DELETE <dropPath>/<session_id>}. */
    void drop(SimExchange ex, String dropPath) throws IOException {
        if (!data.terminate(ex.path().substring(dropPath.length() + 1))) {
            ex.respond(404, sim.contentType(), SenhaseguraWire.errorBody(404, SenhaseguraSimulator.NOT_FOUND));
            return;
        }
        terminations.incrementAndGet();
        ex.respond(200, sim.contentType(), sim.variants.dropped());
    }
}
