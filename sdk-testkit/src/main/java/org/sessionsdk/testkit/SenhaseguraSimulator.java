package org.sessionsdk.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import org.sessionsdk.senhasegura.SenhaseguraClient;
import org.sessionsdk.senhasegura.SenhaseguraCredentials;
import org.sessionsdk.senhasegura.SenhaseguraSession;

/**
 * senhasegura (Segura) PAM's A2A REST API on loopback: OAuth 2 client credentials
 * ({@code POST /iso/oauth2/token}) and the remote sessions: list
 * ({@code GET /api/session/remotesessions}, also at the older {@code /api/pam/session/remotesessions}
 * and {@code /iso/session/remotesessions}), one by id ({@code GET .../remotesessions/{id}}, key
 * {@code remote_session}, an array) and terminate ({@code DELETE /api/pam/session/drop/{session_id}},
 * also {@code /iso/session/drop/...}).
 *
 * <p>Tokens: the client id and secret come in the form body or a Basic header; a wrong client is a
 * 401 {@code {"error":"invalid_client","error_description":"Client authentication failed",...}} (what
 * the PHP League OAuth 2 server, which the token endpoint's answers resemble, sends). Tokens live
 * {@link #withTokenLifetime} (default 3600 s, the {@code expires_in} sent) by the simulator's clock
 * ({@link #withClock}); {@link #expireTokens()} invalidates all at once. A call without
 * {@code Authorization} gets the API gateway's 401 {@code {"message":"No route matched with those
 * values."}}; an unknown or expired token the envelope "Client authentication failed." (status 401 by
 * default, or inside another status such as 200 with {@link #rejectTokensWith(int)}). OAuth 1.0a is
 * not simulated: an {@code Authorization: OAuth ...} request is refused with "Invalid signature".
 *
 * <p>Sessions {@code 0..n-1} are generated on the fly from the seed (a million cost no memory) and
 * the list is streamed: record {@code i} has {@code id = i + 1}, starts about a minute after record
 * {@code i - 1}, the newest about 3 hours before the {@linkplain #anchor() anchor} (server local time in
 * the simulator's zone); about one in eight, the newest, and any still running at the anchor are live
 * (empty {@code end} and {@code time}). {@link #withScenario} adds rows and fills their end as the
 * clock moves. Terminating a live session ends it (its {@code end} is
 * the simulator's now) so it is no longer live; an unknown or ended one is a 404
 * "Resource sub not found", as is any unknown path.
 *
 * <p>A {@linkplain #withScenario scenario} adds a row when a session starts and fills its {@code end}
 * and {@code time} when it ends (or a client drops it by {@code session_id}). Rows are numbered after
 * the generated ones ({@link #sessionId(String)}). The server's zone ({@link #withServerZone}, the same
 * as {@link #withZone}): {@code start} and {@code end} are local times without an offset, so at the
 * fall-back of daylight saving two sessions an hour apart read the same, and the spring-forward hour
 * is never written.
 *
 * <p>Its parts: {@code SenhaseguraTokens} (the token endpoint and the bearer check),
 * {@code SenhaseguraSessionData} (the rows), {@code SenhaseguraSessionsApi} (list, one, drop) and
 * {@code SenhaseguraWire} (rows and envelopes as JSON).
 */
public final class SenhaseguraSimulator extends SimulatorBase<SenhaseguraSimulator> {
    /** The OAuth 2 client id {@link #client()} signs in with. */
    public static final String CLIENT_ID = "testkit-a2a-client";
    /** The OAuth 2 client secret of {@link #CLIENT_ID}. */
    public static final String CLIENT_SECRET = "testkit-a2a-secret/+=";
    /** Where tokens are issued ({@code POST}). */
    public static final String TOKEN_PATH = "/iso/oauth2/token";
    /** Where the list lives; the older paths answer too. */
    public static final String SESSIONS_PATH = "/api/session/remotesessions";
    /** Where sessions are ended: {@code DELETE {TERMINATE_PATH}/{session_id}}. */
    public static final String TERMINATE_PATH = "/api/pam/session/drop";
    /** The vendor's text for an unknown or expired token. */
    public static final String CLIENT_AUTH_FAILED = "Client authentication failed.";
    /** The vendor's text for an unknown path, id or session. */
    public static final String NOT_FOUND = "Resource sub not found";
    /** The API gateway's text for a call without {@code Authorization}. */
    public static final String NO_ROUTE = "No route matched with those values.";
    /** The vendor's text for a refused permission, e.g. for {@link #errorBody(int, String)}. */
    public static final String NOT_AUTHORIZED = "You are not authorized to access this resource.";

    /** What differs between servers (API version, token form, masked ids), as this one plays it. */
    final SenhaseguraVariants variants = new SenhaseguraVariants();
    private final SenhaseguraTokens tokens;
    private final SenhaseguraSessionData data = new SenhaseguraSessionData(this);
    private final SenhaseguraSessionsApi api = new SenhaseguraSessionsApi(this, data);

    private SenhaseguraSimulator(InetSocketAddress address) {
        super("senhasegura", address, 10, SenhaseguraSimulator::new);
        this.tokens = new SenhaseguraTokens(this);
    }

    private SenhaseguraSimulator(SenhaseguraSimulator parent, int number) {
        super(parent, number);
        this.tokens = new SenhaseguraTokens(this, parent.tokens);
    }

    /**
     * The routes: the token endpoint is open; every other path asks for a good token first, and a
     * known path with the wrong method, once authorized, is as unknown as any other (404). A documented
     * path the played {@linkplain #withApiVersion API version} lacks is unknown too.
     */
    @Override
    Routes routes() {
        Routes routes = new Routes().on(null, Routes.exact(TOKEN_PATH), tokens::token);
        for (String p : SenhaseguraApiVersion.ANY.listPaths()) {
            routes.on("GET", Routes.under(p), ex -> {
                if (!p.equals(variants.listPath(ex.path()))) {
                    notFound(ex);
                } else if (tokens.authorized(ex)) {
                    api.listOrOne(ex, p);
                }
            });
        }
        for (String p : SenhaseguraApiVersion.ANY.dropPaths()) {
            routes.on("DELETE", Routes.below(p), ex -> {
                if (!p.equals(variants.dropPath(ex.path()))) {
                    notFound(ex);
                } else if (tokens.authorized(ex)) {
                    api.drop(ex, p);
                }
            });
        }
        return routes.onNotFound(this::notFound).onWrongMethod((ex, allowed) -> {
            if (tokens.authorized(ex)) {
                notFound(ex);
            }
        });
    }

    private void notFound(SimExchange ex) throws IOException {
        ex.respond(404, contentType(), errorBody(404, NOT_FOUND));
    }

    /**
     * The numeric {@code id} a scenario session's row has here: numbered after the generated rows, in
     * the order the scenario starts them. Its 40-hex {@code session_id} is in the row.
     *
     * @param label the session's label in the scenario
     * @return its row id
     * @throws IllegalArgumentException if the scenario has no such session
     */
    public String sessionId(String label) {
        return String.valueOf(generated() + 1 + scenarioSession(label).ordinal());
    }

    /** {@return a started simulator with 10 generated remote sessions} */
    public static SenhaseguraSimulator start() {
        return new SenhaseguraSimulator(null);
    }

    /**
     * A simulator on the given address, for a harness outside the JVM that needs a known port
     * ({@code sessions simulate}); otherwise like {@link #start()}.
     *
     * @param address where to listen: port 0 for an ephemeral one; any address but loopback makes the
     *     simulator reachable from other machines
     * @return a started simulator with 10 generated remote sessions
     * @throws java.io.UncheckedIOException if the port cannot be opened (e.g. it is in use)
     */
    public static SenhaseguraSimulator start(InetSocketAddress address) {
        return new SenhaseguraSimulator(Objects.requireNonNull(address, "address"));
    }

    /**
     * The zone of the server's offset-less {@code start}/{@code end} (default UTC).
     *
     * @param zone the server's zone
     * @return this simulator
     */
    public SenhaseguraSimulator withZone(ZoneId zone) {
        return withServerZone(zone);
    }

    /**
     * How long new tokens live ({@code expires_in}); at least a second.
     *
     * @param lifetime the token lifetime (default one hour)
     * @return this simulator
     */
    public SenhaseguraSimulator withTokenLifetime(Duration lifetime) {
        tokens.lifetime(lifetime);
        return this;
    }

    /**
     * The HTTP status of the "Client authentication failed." envelope for an unknown or expired token
     * (default 401; senhasegura may also say it inside a 200).
     *
     * @param status the HTTP status to answer with
     * @return this simulator
     */
    public SenhaseguraSimulator rejectTokensWith(int status) {
        tokens.rejectWith(status);
        return this;
    }

    /**
     * Answer the list the way the vendor's own example shows it: a whole envelope inside {@code remote_sessions}.
     *
     * @param on true for the nested form
     * @return this simulator
     */
    public SenhaseguraSimulator withNestedEnvelope(boolean on) {
        api.nested(on);
        return this;
    }

    /**
     * Adds a session the test chooses, listed after the generated ones.
     *
     * @param session the session
     * @return this simulator
     */
    public SenhaseguraSimulator withSession(SenhaseguraSession session) {
        Objects.requireNonNull(session.id(), "id");
        data.add(session);
        return this;
    }

    /**
     * Plays one API version: only its remote-sessions and terminate paths answer (the others are 404
     * "Resource sub not found"), with its tenant and terminate answer. Default {@link SenhaseguraApiVersion#ANY}.
     *
     * @param version the version
     * @return this simulator
     */
    public SenhaseguraSimulator withApiVersion(SenhaseguraApiVersion version) {
        variants.version = Objects.requireNonNull(version, "version");
        return this;
    }

    /**
     * The token endpoint takes the client's id and secret only in a Basic header, as 3.25's docs say: in
     * the form body they get 401 {@code invalid_client} "Client authentication failed".
     *
     * @return this simulator
     */
    public SenhaseguraSimulator withTokenBasicHeaderOnly() {
        variants.tokenForm = SenhaseguraVariants.TokenForm.BASIC_ONLY;
        return this;
    }

    /**
     * The token endpoint takes the client's id and secret only in the form body (the newest docs).
     *
     * @return this simulator
     */
    public SenhaseguraSimulator withTokenFormBodyOnly() {
        variants.tokenForm = SenhaseguraVariants.TokenForm.BODY_ONLY;
        return this;
    }

    /**
     * The single-session answer ({@code GET .../remotesessions/{id}}) masks {@code session_id}
     * ({@code df06257a1****...9104dc43}) as the docs' example does; the list keeps it whole.
     *
     * @param on true to mask
     * @return this simulator
     */
    public SenhaseguraSimulator withMaskedSessionIdInGet(boolean on) {
        variants.maskSingleSessionId = on;
        return this;
    }

    /** Invalidates every token issued so far: the next call with one is refused. */
    public void expireTokens() {
        tokens.expireAll();
    }

    /** {@return the zone of the server's offset-less times} */
    public ZoneId zone() {
        return serverZone();
    }

    /** {@return a client for this simulator: OAuth 2 with the id and secret in the form body; close it} */
    public SenhaseguraClient client() {
        return clientBuilder().build();
    }

    /** {@return a client builder set up for this simulator (endpoint, OAuth 2 credentials, zone)} */
    public SenhaseguraClient.Builder clientBuilder() {
        return SenhaseguraClient.builder().endpoint(endpoint())
                .credentials(SenhaseguraCredentials.oauth2(CLIENT_ID, CLIENT_SECRET)).serverZone(zone());
    }

    /** {@return requests to the token endpoint, refused ones included} */
    public int tokenRequests() {
        return tokens.requests();
    }

    /** {@return tokens issued} */
    public int tokensIssued() {
        return tokens.issued();
    }

    /** {@return requests refused for an unknown or expired token} */
    public int rejectedTokens() {
        return rejected();
    }

    /** {@return list requests answered} */
    public int listRequests() {
        return api.listRequests();
    }

    /** {@return sessions ended by a terminate call} */
    public int terminations() {
        return api.terminations();
    }

    /**
     * Generated session {@code index} as the API reports it now.
     *
     * @param index from 0 to the number of generated sessions, excluded
     * @return the session, {@code id = index + 1}
     * @throws IndexOutOfBoundsException if there is no such generated session
     */
    public SenhaseguraSession session(int index) {
        if (index < 0 || index >= generated()) {
            throw new IndexOutOfBoundsException(index);
        }
        return data.generated(seed(), index);
    }

    /** {@return every session as the list reports it; builds a list, so for modest sizes} */
    public List<SenhaseguraSession> sessions() {
        return data.all();
    }

    /**
     * A senhasegura error envelope, e.g. for {@code faults().failNext(500, errorBody(500, NOT_AUTHORIZED))}.
     *
     * @param status  the status written in the envelope
     * @param message the error text
     * @return the JSON body
     */
    public static String errorBody(int status, String message) {
        return SenhaseguraWire.errorBody(status, message);
    }

    @Override
    protected String malformedBody() {
        return "{\"code\":200,\"response\":{\"status\":200,\"error\":false},\"remote_sessions\":[{\"id\":\"1\","
                + "\"start\":\"yesterday\",\"end\":";
    }

    @Override
    protected String contentType() {
        return "application/json; charset=utf-8";
    }

    @Override
    protected String stallPrefix() {
        return "{\"code\":200,\"response\":{\"status\":200,";
    }
}
