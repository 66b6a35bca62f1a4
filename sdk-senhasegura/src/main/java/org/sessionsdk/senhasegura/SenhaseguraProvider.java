package org.sessionsdk.senhasegura;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.sessionsdk.core.client.AttributeKey;
import org.sessionsdk.core.session.SessionRecord;
import org.sessionsdk.core.client.SessionTraits;
import org.sessionsdk.core.client.CommonSettings;
import org.sessionsdk.core.client.SessionClient;
import org.sessionsdk.core.client.Setting;
import org.sessionsdk.core.client.Settings;
import org.sessionsdk.core.client.AbstractVendorProvider;
import org.sessionsdk.core.config.ClientBuilder;

/**
 * senhasegura for vendor-neutral code ({@link org.sessionsdk.core.client.SessionClients}): an OAuth 2
 * client ({@code client.id}, {@code client.secret}) or OAuth 1.0a keys ({@code auth=oauth1}), plus the
 * shared settings. senhasegura documents no audit log.
 */
public final class SenhaseguraProvider extends AbstractVendorProvider {
    /** {@code oauth2} (default) or {@code oauth1}. */
    public static final String AUTH = CommonSettings.AUTH;
    /** The OAuth 2 client id. */
    public static final String CLIENT_ID = "client.id";
    /** The OAuth 2 client secret. */
    public static final String CLIENT_SECRET = "client.secret";
    /**
     * How the OAuth 2 client authenticates to the token endpoint: {@code auto} (the form body, else once a
     * Basic header, remembering what worked), {@code body} or {@code basic}.
     */
    public static final String CLIENT_AUTH = "client.auth";
    /** OAuth 1.0a consumer key. */
    public static final String CONSUMER_KEY = "consumer.key";
    /** OAuth 1.0a consumer secret. */
    public static final String CONSUMER_SECRET = "consumer.secret";
    /** OAuth 1.0a token key. */
    public static final String TOKEN_KEY = "token.key";
    /** OAuth 1.0a token secret. */
    public static final String TOKEN_SECRET = "token.secret";
    /** The remote-sessions path, fixed; by default the client detects it among the documented ones. */
    public static final String REMOTE_SESSIONS_PATH = "remote.sessions.path";
    /** The terminate path, fixed; by default the client detects it among the documented ones. */
    public static final String TERMINATE_PATH = "terminate.path";

    /** The session's id as senhasegura's session API names it. */
    public static final AttributeKey<String> SESSION_ID = AttributeKey.text("session_id", "the session's id");
    /** The credential used. */
    public static final AttributeKey<String> CREDENTIAL = AttributeKey.text("credential", "the credential used");
    /** The proxy the session went through. */
    public static final AttributeKey<String> PROXY = AttributeKey.text("proxy", "the proxy the session went through");
    /** The session's duration as the server gives it. */
    public static final AttributeKey<String> TIME = AttributeKey.text("time", "the session's duration");
    /** Whether the recording is kept from purges ({@code Yes}/{@code No}). */
    public static final AttributeKey<String> PREVENT_PURGE = AttributeKey.text("prevent_purge",
            "whether the recording is kept from purges (Yes or No)");
    /** The access request behind the session. */
    public static final AttributeKey<String> REQUEST = AttributeKey.text("request", "the access request behind the session");
    /** The ITSM ticket. */
    public static final AttributeKey<String> ITSM = AttributeKey.text("ITSM", "the ITSM ticket");

    private static final List<Setting> SETTINGS;

    static {
        List<Setting> s = new ArrayList<>(CommonSettings.connection());
        s.add(CommonSettings.serverZone());
        s.add(Setting.builder(AUTH, Setting.Type.CHOICE).choices("oauth2", "oauth1").defaultValue("oauth2")
                .description("oauth2: client credentials; oauth1: OAuth 1.0a keys (legacy)").build());
        s.add(Setting.builder(CLIENT_ID, Setting.Type.STRING).required().requiredWhen(AUTH, "oauth2")
                .description("the OAuth 2 client id").build());
        s.add(Setting.builder(CLIENT_SECRET, Setting.Type.STRING).required().requiredWhen(AUTH, "oauth2").secret()
                .description("the OAuth 2 client secret").build());
        s.add(Setting.builder(CLIENT_AUTH, Setting.Type.CHOICE).choices("auto", "body", "basic").defaultValue("auto")
                .description("how the client authenticates to the token endpoint: auto (the form body, else a Basic "
                        + "header), only in the form body, or only in a Basic header").build());
        s.add(Setting.builder(CONSUMER_KEY, Setting.Type.STRING).required().requiredWhen(AUTH, "oauth1")
                .description("the OAuth 1.0a consumer key").build());
        s.add(Setting.builder(CONSUMER_SECRET, Setting.Type.STRING).secret()
                .description("the OAuth 1.0a consumer secret").build());
        s.add(Setting.builder(TOKEN_KEY, Setting.Type.STRING).required().requiredWhen(AUTH, "oauth1")
                .description("the OAuth 1.0a token key").build());
        s.add(Setting.builder(TOKEN_SECRET, Setting.Type.STRING).secret()
                .description("the OAuth 1.0a token secret").build());
        s.add(Setting.builder(REMOTE_SESSIONS_PATH, Setting.Type.STRING)
                .description("the remote-sessions path, fixed (default: the documented one that answers)").build());
        s.add(Setting.builder(TERMINATE_PATH, Setting.Type.STRING)
                .description("the terminate path, fixed (default: the documented one that answers)").build());
        SETTINGS = List.copyOf(s);
    }

    /** For {@link java.util.ServiceLoader}. */
    public SenhaseguraProvider() {
        super("senhasegura", new Product("senhasegura", "Segura"), SETTINGS, false, List.of(SESSION_ID, CREDENTIAL, PROXY, TIME, PREVENT_PURGE, REQUEST, ITSM), List.of());
    }

    /** {@return a session opened over the network: a session through the PAM proxy} */
    @Override
    public SessionTraits traits(SessionRecord session) {
        return new SessionTraits(session.user(), null, false, null, Boolean.TRUE);
    }

    /** {@return the OAuth 2 client id} */
    @Override
    public java.util.Optional<String> loginSetting() {
        return java.util.Optional.of(CLIENT_ID);
    }

    /** {@return the OAuth 2 client secret} */
    @Override
    public String secretSetting(boolean withLogin) {
        return CLIENT_SECRET;
    }

    @Override
    public java.util.Optional<String> terminateHelp() {
        return java.util.Optional.of("the numeric id (looked up for its session_id) or the 40-hex session_id"
                + " ('list --format jsonl|csv' prints both).");
    }

    @Override
    public SessionClient open(Settings settings, Consumer<ClientBuilder<?>> customize) {
        SenhaseguraCredentials credentials;
        if ("oauth1".equals(settings.require(AUTH))) {
            credentials = SenhaseguraCredentials.oauth1(settings.require(CONSUMER_KEY),
                    settings.text(CONSUMER_SECRET).orElse(""), settings.require(TOKEN_KEY),
                    settings.text(TOKEN_SECRET).orElse(""));
        } else {
            credentials = SenhaseguraCredentials.oauth2(settings.require(CLIENT_ID), settings.require(CLIENT_SECRET));
            String form = settings.require(CLIENT_AUTH);
            if ("basic".equals(form)) {
                credentials = credentials.withBasicAuthHeader();
            } else if ("body".equals(form)) {
                credentials = credentials.withFormBody();
            }
        }
        SenhaseguraClient.Builder b = CommonSettings.apply(settings, SenhaseguraClient.builder()).credentials(credentials);
        settings.zone(CommonSettings.SERVER_ZONE).ifPresent(b::serverZone);
        settings.text(REMOTE_SESSIONS_PATH).ifPresent(b::remoteSessionsPath);
        settings.text(TERMINATE_PATH).ifPresent(b::terminatePath);
        customize.accept(b);
        return b.build();
    }
}
