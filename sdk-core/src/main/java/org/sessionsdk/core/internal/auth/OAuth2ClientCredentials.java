package org.sessionsdk.core.internal.auth;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.sessionsdk.core.internal.TransportErrors;
import org.sessionsdk.core.internal.concurrent.Futures;
import org.sessionsdk.core.auth.BasicAuth;
import org.sessionsdk.core.auth.RequestAuth;
import org.sessionsdk.core.auth.Secret;
import org.sessionsdk.core.internal.ApiErrors;
import org.sessionsdk.core.error.ApiException;
import org.sessionsdk.core.error.AuthenticationException;
import org.sessionsdk.core.error.NotFoundException;
import org.sessionsdk.core.error.ResponseFormatException;
import org.sessionsdk.core.http.SdkHttpRequest;
import org.sessionsdk.core.internal.ApiCaller;
import org.sessionsdk.core.internal.Call;
import org.sessionsdk.core.internal.ErrorContext;
import org.sessionsdk.core.internal.ErrorDecoder;
import org.sessionsdk.core.internal.JsonSupport;

/**
 * OAuth 2 client credentials (RFC 6749 section 4.4): fetches an access token from the token endpoint,
 * sends it as {@code Authorization: Bearer}, keeps it until {@code expires_in} minus a margin, and
 * fetches a new one once when the server rejects it with a 401.
 *
 * <p>SDK-internal: vendor credentials build it (e.g. {@code SenhaseguraCredentials.oauth2}).
 *
 * <p>Only one caller fetches at a time; concurrent callers wait for that token instead of each
 * asking for their own. The client id and secret go in the form body by default, or in a Basic
 * header for servers that want that, or ({@link ClientAuthentication#AUTO}) in one form and, once
 * when the token endpoint refuses the client, in the other; the form that worked is remembered.
 */
public final class OAuth2ClientCredentials implements RequestAuth {
    private static final JsonFactory JSON = JsonSupport.factory();

    private final ApiCaller tokenCaller;
    private final String tokenPath;
    private final String clientId;
    private final Secret clientSecret;
    private final ClientAuthentication clientAuth;
    private final String scope;
    private final Duration margin;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    /** The token request asynchronous callers wait for, or null when none is on its way; under {@link #lock}. */
    private CompletableFuture<Token> pending;
    private final AtomicInteger fetches = new AtomicInteger();
    private volatile Token token;
    /** With {@link ClientAuthentication#AUTO}: the form the token endpoint last accepted, or null. */
    private volatile ClientAuthentication accepted;

    private record Token(Secret value, Instant refreshAt) {
    }

    /** How the client id and secret reach the token endpoint (RFC 6749 section 2.3.1). */
    public enum ClientAuthentication {
        /** {@code client_id} and {@code client_secret} in the form body. */
        FORM_BODY("form body"),
        /** A Basic header of the form-urlencoded id and secret. */
        BASIC_HEADER("Basic header"),
        /**
         * The form that last worked (the form body at first); when the token endpoint refuses the client
         * ({@code invalid_client} and the like), the other form once.
         */
        AUTO("form body, else Basic header");

        private final String description;

        ClientAuthentication(String description) {
            this.description = description;
        }

        /** {@return the form in words, for messages} */
        public String description() {
            return description;
        }
    }

    /** Token errors that are about the grant or the scope, not the client: the other form would not help. */
    private static final java.util.Set<String> NOT_ABOUT_THE_CLIENT = java.util.Set.of("invalid_grant", "invalid_scope",
            "unsupported_grant_type");

    private OAuth2ClientCredentials(Builder b) {
        this.tokenCaller = Objects.requireNonNull(b.tokenCaller, "tokenCaller");
        this.tokenPath = Objects.requireNonNull(b.tokenPath, "tokenPath");
        this.clientId = Objects.requireNonNull(b.clientId, "clientId");
        this.clientSecret = Objects.requireNonNull(b.clientSecret, "clientSecret");
        this.clientAuth = Objects.requireNonNull(b.clientAuth, "clientAuthentication");
        this.scope = b.scope;
        this.margin = b.margin;
        this.clock = tokenCaller.config().clock();
    }

    /** {@return a builder; token caller, token path, client id and secret are required} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return how many token requests were made; for tests and metrics} */
    public int tokenRequests() {
        return fetches.get();
    }

    @Override
    public void authorize(SdkHttpRequest.Builder request) {
        request.header("Authorization", "Bearer " + currentToken().reveal());
    }

    /**
     * The cached token at once; else one token request for every asynchronous caller waiting (the
     * first starts it, the others join it), sent without a thread waiting for it.
     */
    @Override
    public CompletionStage<Void> authorizeAsync(SdkHttpRequest.Builder request) {
        return tokenAsync().thenAccept(t -> request.header("Authorization", "Bearer " + t.reveal()));
    }

    private CompletableFuture<Secret> tokenAsync() {
        Token t = token;
        if (t != null && clock.instant().isBefore(t.refreshAt())) {
            return CompletableFuture.completedFuture(t.value());
        }
        CompletableFuture<Token> f;
        boolean first = false;
        lock.lock();
        try {
            t = token;
            if (t != null && clock.instant().isBefore(t.refreshAt())) {
                return CompletableFuture.completedFuture(t.value());
            }
            f = pending;
            if (f == null) {
                f = pending = new CompletableFuture<>();
                first = true;
            }
        } finally {
            lock.unlock();
        }
        if (first) {
            CompletableFuture<Token> mine = f;
            fetch(basic -> {
                Instant asked = clock.instant();
                return tokenCaller.executeAsync(tokenCall(basic), r -> parse(r.body(), asked));
            })
                    .whenComplete((got, failure) -> {
                        lock.lock();
                        try {
                            if (got != null) {
                                token = got;
                            }
                            pending = null;
                        } finally {
                            lock.unlock();
                        }
                        if (failure != null) {
                            mine.completeExceptionally(Futures.unwrap(failure));
                        } else {
                            mine.complete(got);
                        }
                    });
        }
        return f.thenApply(Token::value);
    }

    @Override
    public boolean refreshAfterRejection(SdkHttpRequest rejected, ApiException rejection) {
        String sent = rejected.header("Authorization");
        Token t = token;
        if (t != null && ("Bearer " + t.value().reveal()).equals(sent)) {
            invalidate(t.value());
        }
        return true;
    }

    /**
     * Drops {@code rejected} if it is still the cached token, so the next call fetches a new one. For
     * vendors that report a rejected token inside a successful response. Only the first caller
     * rejected with a token drops it; the others then use the token that caller fetched.
     *
     * @param rejected the token the server refused
     */
    public void invalidate(Secret rejected) {
        lock.lock();
        try {
            Token t = token;
            if (t != null && t.value().equals(rejected)) {
                token = null;
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * The cached token, fetching one if there is none or it is about to expire.
     *
     * @return the access token to send
     * @throws org.sessionsdk.core.error.SdkException if the token endpoint cannot be reached or refuses the client
     */
    public Secret currentToken() {
        Token t = token;
        if (t != null && clock.instant().isBefore(t.refreshAt())) {
            return t.value();
        }
        lock.lock();
        try {
            t = token;
            if (t != null && clock.instant().isBefore(t.refreshAt())) {
                return t.value();
            }
            t = fetch();
            token = t;
            return t.value();
        } finally {
            lock.unlock();
        }
    }

    /**
     * {@return the form the token endpoint accepted last: the fixed one, or with
     * {@link ClientAuthentication#AUTO} the one that worked (null before any did)}
     */
    public ClientAuthentication acceptedForm() {
        return clientAuth == ClientAuthentication.AUTO ? accepted : clientAuth;
    }

    private Token fetch() {
        return Futures.await(fetch(basic -> {
            try {
                Instant asked = clock.instant();
                return CompletableFuture.completedFuture(tokenCaller.execute(tokenCall(basic),
                        r -> parse(r.body(), asked)));
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }), e -> TransportErrors.interrupted("POST " + tokenPath, e));
    }

    /**
     * The token request in the form configured, or with {@link ClientAuthentication#AUTO} the form that
     * worked last, then once the other if the client was refused: written once for the blocking
     * request (whose futures are complete when returned) and the asynchronous one.
     */
    private CompletableFuture<Token> fetch(Function<Boolean, CompletableFuture<Token>> request) {
        if (clientAuth != ClientAuthentication.AUTO) {
            return counted(request, clientAuth == ClientAuthentication.BASIC_HEADER);
        }
        boolean basicFirst = accepted == ClientAuthentication.BASIC_HEADER;
        return remembering(request, basicFirst).exceptionallyCompose(first -> {
            Throwable e = Futures.unwrap(first);
            if (!(e instanceof AuthenticationException refused) || !aboutTheClient(refused)) {
                return Futures.failed(e);
            }
            return remembering(request, !basicFirst).exceptionallyCompose(second -> {
                Throwable again = Futures.unwrap(second);
                if (!(again instanceof AuthenticationException a) || !aboutTheClient(a)) {
                    again.addSuppressed(refused);
                    return Futures.failed(again);
                }
                AuthenticationException both = new AuthenticationException(a.details().withHint(
                        "the token endpoint refused the client id and secret in both forms RFC 6749 allows: tried "
                                + form(basicFirst) + ", then " + form(!basicFirst) + "; check the client id and secret"));
                both.addSuppressed(refused);
                return Futures.failed(both);
            });
        });
    }

    private CompletableFuture<Token> remembering(Function<Boolean, CompletableFuture<Token>> request, boolean basic) {
        return counted(request, basic).thenApply(t -> {
            accepted = basic ? ClientAuthentication.BASIC_HEADER : ClientAuthentication.FORM_BODY;
            return t;
        });
    }

    private CompletableFuture<Token> counted(Function<Boolean, CompletableFuture<Token>> request, boolean basic) {
        fetches.incrementAndGet();
        return Futures.call(() -> request.apply(basic));
    }

    private static String form(boolean basicHeader) {
        return basicHeader ? "the id and secret in a Basic header" : "the id and secret in the form body";
    }

    /** A refusal of the client ({@code invalid_client}, "Client authentication failed"), not of the grant. */
    private static boolean aboutTheClient(AuthenticationException e) {
        return e.vendorCode().map(c -> !NOT_ABOUT_THE_CLIENT.contains(c)).orElse(true);
    }

    /** The token request in one of the two forms RFC 6749 allows for the client's id and secret. */
    private Call tokenCall(boolean basicHeader) {
        StringBuilder form = new StringBuilder("grant_type=client_credentials");
        Call.Builder call = Call.post(tokenPath).operation("POST " + tokenPath).header("Accept", "application/json");
        if (basicHeader) {
            // RFC 6749 2.3.1: id and secret are form-urlencoded before Basic joins them, so a ':',
            // '%', '+' or '&' in either reaches a server that decodes them as the RFC says intact
            call.header("Authorization", BasicAuth.headerValue(enc(clientId), Secret.of(enc(clientSecret.reveal()))));
        } else {
            form.append("&client_id=").append(enc(clientId))
                    .append("&client_secret=").append(enc(clientSecret.reveal()));
        }
        if (scope != null) {
            form.append("&scope=").append(enc(scope));
        }
        // A token request changes nothing on the server, so it may be repeated.
        return call.body(form.toString(), "application/x-www-form-urlencoded").idempotent(true).build();
    }

    private Token parse(InputStream body, Instant asked) throws IOException {
        String access = null;
        long expiresIn = -1;
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new ResponseFormatException("a JSON object with access_token", String.valueOf(p.currentToken()),
                        "token response");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if ("access_token".equals(name) && v == JsonToken.VALUE_STRING) {
                    access = p.getText();
                } else if ("expires_in".equals(name)) {
                    expiresIn = JsonSupport.longValue(p, "expires_in");
                } else {
                    p.skipChildren();
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ResponseFormatException("a JSON token response", "malformed JSON", "token response", e);
        }
        if (access == null || access.isEmpty()) {
            throw new ResponseFormatException("access_token", "no access_token", "token response");
        }
        Duration life = expiresIn > 0 ? Duration.ofSeconds(expiresIn) : Duration.ofMinutes(5);
        Duration early = life.compareTo(margin.multipliedBy(2)) < 0 ? life.dividedBy(2) : margin;
        return new Token(Secret.of(access), asked.plus(life).minus(early));
    }

    /**
     * Errors of the token endpoint. 404, 405 and 410 mean nothing answers token requests at that
     * URL (a wrong base path): a {@link NotFoundException} naming the URL, since the credentials were
     * never checked and rotating them would not help. Any other 4xx but 429 means the client was not
     * accepted (RFC 6749 section 5.2: {@code invalid_client}, {@code unauthorized_client}, ...).
     *
     * @param vendor the vendor's own error decoder, asked first
     * @return a decoder that turns the vendor's 4xx answers into {@link NotFoundException}s or
     *         {@link AuthenticationException}s as above
     */
    public static ErrorDecoder tokenErrors(ErrorDecoder vendor) {
        return ctx -> {
            ApiException e = vendor.decode(ctx);
            int s = ctx.details().statusCode();
            if (s == 404 || s == 405 || s == 410) {
                return new NotFoundException(e.details().withHint("no OAuth 2 token endpoint answers at " + ctx.url()
                        + ": check the endpoint URL and its base path (the client id and secret were not checked)"));
            }
            if (s >= 400 && s < 500 && s != 429 && !(e instanceof AuthenticationException)) {
                return new AuthenticationException(e.details().withHint(
                        "the token endpoint refused the client id and secret"));
            }
            return e;
        };
    }

    /**
     * Reads the RFC 6749 error body {@code {"error": ..., "error_description": ...}}.
     *
     * @param ctx the failed token response
     * @return the exception for its status, with {@code error} as the vendor code and
     *         {@code error_description} as the vendor message
     */
    public static ApiException rfcError(ErrorContext ctx) {
        String[] codeAndText = JsonSupport.twoStrings(ctx.body(), "error", "error_description");
        return ApiErrors.forStatus(ctx.details().withVendorError(codeAndText[0], codeAndText[1]), ctx.retryAfter());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "OAuth2ClientCredentials[clientId=" + clientId + ", clientSecret=****, tokenPath=" + tokenPath
                + ", clientAuthentication=" + clientAuth + "]";
    }

    /** Builds an {@link OAuth2ClientCredentials}. */
    public static final class Builder {
        /** Made by the enclosing type's {@code builder()}. */
        private Builder() {
        }

        private ApiCaller tokenCaller;
        private String tokenPath;
        private String clientId;
        private Secret clientSecret;
        private ClientAuthentication clientAuth = ClientAuthentication.FORM_BODY;
        private String scope;
        private Duration margin = Duration.ofSeconds(60);

        /**
         * The caller that reaches the token endpoint (no auth of its own). SDK-internal: vendor
         * credentials build this provider; applications use e.g. {@code SenhaseguraCredentials.oauth2}.
         *
         * @param caller the caller for token requests
         * @return this builder
         */
        public Builder tokenCaller(ApiCaller caller) {
            this.tokenCaller = caller;
            return this;
        }

        /**
         * Path of the token endpoint under the client's endpoint, e.g. {@code /iso/oauth2/token}.
         *
         * @param path the token endpoint's path
         * @return this builder
         */
        public Builder tokenPath(String path) {
            this.tokenPath = path;
            return this;
        }

        /**
         * The OAuth client id. Required.
         *
         * @param id the client id
         * @return this builder
         */
        public Builder clientId(String id) {
            this.clientId = id;
            return this;
        }

        /**
         * The OAuth client secret. Required.
         *
         * @param secret the client secret
         * @return this builder
         */
        public Builder clientSecret(Secret secret) {
            this.clientSecret = secret;
            return this;
        }

        /**
         * Send id and secret in a Basic header instead of the form body (older servers). Each is
         * form-urlencoded first, as RFC 6749 section 2.3.1 says.
         *
         * @param on true for the Basic header
         * @return this builder
         */
        public Builder basicHeader(boolean on) {
            this.clientAuth = on ? ClientAuthentication.BASIC_HEADER : ClientAuthentication.FORM_BODY;
            return this;
        }

        /**
         * How the id and secret reach the token endpoint (default {@link ClientAuthentication#FORM_BODY}).
         *
         * @param how the form body, a Basic header, or either ({@link ClientAuthentication#AUTO})
         * @return this builder
         */
        public Builder clientAuthentication(ClientAuthentication how) {
            this.clientAuth = Objects.requireNonNull(how, "clientAuthentication");
            return this;
        }

        /**
         * The {@code scope} to ask for; none by default.
         *
         * @param scope space-separated scopes, or null for none
         * @return this builder
         */
        public Builder scope(String scope) {
            this.scope = scope;
            return this;
        }

        /**
         * Refresh this long before the token expires (default 60 s; at most half the token's life).
         *
         * @param d the margin
         * @return this builder
         */
        public Builder refreshMargin(Duration d) {
            this.margin = d;
            return this;
        }

        /** {@return the credentials provider; no token is fetched until the first request} */
        public OAuth2ClientCredentials build() {
            return new OAuth2ClientCredentials(this);
        }
    }
}
