package org.sessionsdk.saymon;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.sessionsdk.core.client.AttributeKey;
import org.sessionsdk.core.session.SessionRecord;
import org.sessionsdk.core.audit.AuditEvent;
import org.sessionsdk.core.client.Severity;
import org.sessionsdk.core.client.SessionTraits;
import org.sessionsdk.core.client.AuditTraits;
import org.sessionsdk.core.client.CommonSettings;
import org.sessionsdk.core.client.SessionClient;
import org.sessionsdk.core.client.Setting;
import org.sessionsdk.core.client.Settings;
import org.sessionsdk.core.client.AbstractVendorProvider;
import org.sessionsdk.core.config.ClientBuilder;

/**
 * SAYMON for vendor-neutral code ({@link org.sessionsdk.core.client.SessionClients}): a login and
 * password, sent as Basic auth or once for a session cookie, or an API token ({@code auth}), plus the
 * shared settings.
 */
public final class SaymonProvider extends AbstractVendorProvider {
    /** {@code basic} (every request), {@code session} (log in once, then a cookie) or {@code token} (an API token). */
    public static final String AUTH = CommonSettings.AUTH;
    /** The login, for {@code basic} and {@code session}. */
    public static final String USERNAME = "username";
    /** The password, for {@code basic} and {@code session}. */
    public static final String PASSWORD = "password";
    /** The API token, for {@code auth=token}. */
    public static final String API_TOKEN = "api.token";
    /** The query parameter the API token goes in (default {@code api-token}). */
    public static final String API_TOKEN_PARAMETER = "api.token.parameter";
    /** How far the session feed reaches back for sessions still open. */
    public static final String SESSION_LOOK_BACK = "session.look.back";
    /** How long one user's failing audit log is waited for before it is reported as a gap. */
    public static final String AUDIT_USER_BACKLOG = "audit.user.backlog";

    /** The user's id on the server. */
    public static final AttributeKey<String> USER_ID = AttributeKey.text("userId", "the user's id on the server");
    /** When the server considers the session expired. */
    public static final AttributeKey<Instant> EXPIRED_AT = new AttributeKey<>("expiredAt", Instant.class,
            "when the server considers the session expired");
    /** An audit entry's new body (JSON). */
    public static final AttributeKey<String> NEW_BODY = AttributeKey.text("newBody", "the entity after the change, as JSON");
    /** An audit entry's old body (JSON). */
    public static final AttributeKey<String> OLD_BODY = AttributeKey.text("oldBody", "the entity before the change, as JSON");
    /** On an audit entry whose actor is the user id because the user list masked the login. */
    public static final AttributeKey<Boolean> LOGIN_MASKED = new AttributeKey<>(SaymonAuditEntry.LOGIN_MASKED, Boolean.class,
            "the user list masked the login (no manage-users permission): the actor is the user id");

    private static final List<Setting> SETTINGS;

    static {
        List<Setting> s = new ArrayList<>(CommonSettings.connection());
        s.add(Setting.builder(AUTH, Setting.Type.CHOICE).choices("basic", "session", "token").defaultValue("basic")
                .description("basic: Basic auth on every request; session: log in once and use the cookie; "
                        + "token: an API token in a query parameter").build());
        s.add(Setting.builder(USERNAME, Setting.Type.STRING).required().requiredWhen(AUTH, "basic", "session")
                .description("the login").build());
        s.add(Setting.builder(PASSWORD, Setting.Type.STRING).required().requiredWhen(AUTH, "basic", "session").secret()
                .description("the password").build());
        s.add(Setting.builder(API_TOKEN, Setting.Type.STRING).required().requiredWhen(AUTH, "token").secret()
                .description("the API token, for auth=token").build());
        s.add(Setting.builder(API_TOKEN_PARAMETER, Setting.Type.STRING).defaultValue(SaymonCredentials.DEFAULT_TOKEN_PARAMETER)
                .description("the query parameter the API token goes in").build());
        s.add(Setting.builder(SESSION_LOOK_BACK, Setting.Type.DURATION)
                .description("how far the session feed reaches back for sessions still open").build());
        s.add(Setting.builder(AUDIT_USER_BACKLOG, Setting.Type.DURATION)
                .description("how long a user's failing audit log is retried before a gap is reported").build());
        SETTINGS = List.copyOf(s);
    }

    /** For {@link java.util.ServiceLoader}. */
    public SaymonProvider() {
        super("saymon", new Product("SAYMON", "SAYMON"), SETTINGS, true, List.of(USER_ID, EXPIRED_AT, org.sessionsdk.core.feed.FeedAttributes.END_EXPIRED_KEY), List.of(LOGIN_MASKED, USER_ID, NEW_BODY, OLD_BODY));
    }

    /** SAYMON sends the user's id beside the login. */
    @Override
    public SessionTraits traits(SessionRecord session) {
        return new SessionTraits(session.user(), USER_ID.of(session).orElse(null), false, null, null);
    }

    /** SAYMON sends the actor's id beside the login. */
    @Override
    public AuditTraits traits(AuditEvent event) {
        return new AuditTraits(false, Severity.UNKNOWN, null, null, event.actor(), USER_ID.of(event).orElse(null));
    }

    @Override
    public java.util.Optional<String> loginSetting() {
        return java.util.Optional.of(USERNAME);
    }

    /** {@return the password with a login, else the API token ({@code auth=token})} */
    @Override
    public String secretSetting(boolean withLogin) {
        return withLogin ? PASSWORD : API_TOKEN;
    }

    @Override
    public SessionClient open(Settings settings, Consumer<ClientBuilder<?>> customize) {
        String auth = settings.require(AUTH);
        SaymonCredentials credentials;
        if ("token".equals(auth)) {
            credentials = SaymonCredentials.apiToken(settings.require(API_TOKEN), settings.require(API_TOKEN_PARAMETER));
        } else {
            String user = settings.require(USERNAME);
            String password = settings.require(PASSWORD);
            credentials = "session".equals(auth)
                    ? SaymonCredentials.session(user, password) : SaymonCredentials.basic(user, password);
        }
        SaymonClient.Builder b = CommonSettings.apply(settings, SaymonClient.builder()).credentials(credentials);
        settings.duration(SESSION_LOOK_BACK).ifPresent(b::sessionLookBack);
        settings.duration(AUDIT_USER_BACKLOG).ifPresent(b::auditUserBacklog);
        customize.accept(b);
        return b.build();
    }
}
