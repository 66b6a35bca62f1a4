package org.sessionsdk.testkit;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link SenhaseguraSimulator}'s auth, in one place: the OAuth 2 token endpoint (client credentials in
 * the form or a Basic header) and the bearer check every other call passes, with the tokens issued,
 * their lifetime by the simulator's clock, and the status an unknown token is refused with.
 */
final class SenhaseguraTokens {
    private final SenhaseguraSimulator sim;
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    private final AtomicInteger issued = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile Duration lifetime = Duration.ofHours(1);
    private volatile int rejectionStatus = 401;

    SenhaseguraTokens(SenhaseguraSimulator sim) {
        this.sim = sim;
    }

    /** A tenant's: the parent's lifetime, tokens of its own. */
    SenhaseguraTokens(SenhaseguraSimulator sim, SenhaseguraTokens parent) {
        this(sim);
        this.lifetime = parent.lifetime;
    }

    void lifetime(Duration lifetime) {
        if (lifetime.getSeconds() < 1) {
            throw new IllegalArgumentException("a token lives at least a second");
        }
        this.lifetime = lifetime;
    }

    void rejectWith(int status) {
        this.rejectionStatus = status;
    }

    void expireAll() {
        tokens.clear();
    }

    int issued() {
        return issued.get();
    }

    int requests() {
        return requests.get();
    }

    /** {@code POST /iso/oauth2/token}. */
    void token(SimExchange ex) throws IOException {
        requests.incrementAndGet();
        if (!"POST".equals(ex.method())) {
            ex.respond(405, sim.contentType(), SenhaseguraWire.oauthError("invalid_request", "The token endpoint takes POST."));
            return;
        }
        Map<String, String> form = SimWire.form(ex.bodyText());
        if (!"client_credentials".equals(form.get("grant_type"))) {
            ex.respond(400, sim.contentType(), SenhaseguraWire.oauthError("unsupported_grant_type",
                    "The authorization grant type is not supported by the authorization server."));
            return;
        }
        String[] basic = SimWire.basic(ex.header("Authorization"));
        // RFC 6749 2.3.1: a client's id and secret in a Basic header are form-urlencoded
        String id = basic != null ? URLDecoder.decode(basic[0], StandardCharsets.UTF_8) : form.get("client_id");
        String secret = basic != null ? URLDecoder.decode(basic[1], StandardCharsets.UTF_8) : form.get("client_secret");
        boolean formAccepted = sim.variants.acceptsTokenForm(basic != null);
        if (!SenhaseguraSimulator.CLIENT_ID.equals(id) || !SenhaseguraSimulator.CLIENT_SECRET.equals(secret) || !formAccepted) {
            ex.respond(401, sim.contentType(), SenhaseguraWire.oauthError("invalid_client", "Client authentication failed"));
            return;
        }
        int n = issued.incrementAndGet();
        String token = SimData.hex(sim.seed(), 3_000_000L + n, 40);
        Duration life = lifetime;
        tokens.put(token, sim.clock().instant().plus(life));
        ex.respond(200, sim.contentType(), SimWire.json(g -> {
            g.writeStartObject();
            g.writeStringField("token_type", "Bearer");
            g.writeNumberField("expires_in", life.getSeconds());
            g.writeStringField("access_token", token);
            g.writeEndObject();
        }));
    }

    /** Whether the bearer token is good; answers the refusal when not. */
    boolean authorized(SimExchange ex) throws IOException {
        String authorization = ex.header("Authorization");
        if (authorization == null || authorization.isBlank()) {
            ex.respond(401, sim.contentType(), SimWire.message(SenhaseguraSimulator.NO_ROUTE));
            return false;
        }
        if (authorization.regionMatches(true, 0, "OAuth ", 0, 6)) {
            ex.respond(401, sim.contentType(), SenhaseguraWire.errorBody(401, "Invalid signature"));
            return false;
        }
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Instant expires = tokens.get(authorization.substring(7).strip());
            if (expires != null && sim.clock().instant().isBefore(expires)) {
                return true;
            }
        }
        sim.reject();
        ex.respond(rejectionStatus, sim.contentType(), SenhaseguraWire.errorBody(401, SenhaseguraSimulator.CLIENT_AUTH_FAILED));
        return false;
    }
}
