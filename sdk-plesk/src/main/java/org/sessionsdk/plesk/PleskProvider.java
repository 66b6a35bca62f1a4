package org.sessionsdk.plesk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.sessionsdk.core.client.AttributeKey;
import org.sessionsdk.core.session.SessionRecord;
import org.sessionsdk.core.client.SessionTraits;
import org.sessionsdk.core.client.CommonSettings;
import org.sessionsdk.core.client.InvalidSettingsException;
import org.sessionsdk.core.client.SessionClient;
import org.sessionsdk.core.client.Setting;
import org.sessionsdk.core.client.Settings;
import org.sessionsdk.core.client.AbstractVendorProvider;
import org.sessionsdk.core.config.ClientBuilder;

/**
 * Plesk for vendor-neutral code ({@link org.sessionsdk.core.client.SessionClients}): a secret key
 * ({@code api.key}), or a login and password, plus the shared settings.
 */
public final class PleskProvider extends AbstractVendorProvider {
    /** The secret key (Plesk's {@code KEY} header). */
    public static final String API_KEY = "api.key";
    /** The login, for password auth. */
    public static final String USERNAME = "username";
    /** The password, for password auth. */
    public static final String PASSWORD = "password";
    /** A packet version to pin. */
    public static final String PACKET_VERSION = "packet.version";

    /** The session's type ({@code cp} for the control panel, {@code ftp}, ...). */
    public static final AttributeKey<String> TYPE = AttributeKey.text("type",
            "how the session was opened: cp (the panel), ftp, ...");

    private static final List<Setting> SETTINGS;

    static {
        List<Setting> s = new ArrayList<>(CommonSettings.connection());
        s.add(CommonSettings.serverZone());
        s.add(Setting.builder(API_KEY, Setting.Type.STRING).secret()
                .description("the secret key (KEY header); or username and password").build());
        s.add(Setting.builder(USERNAME, Setting.Type.STRING).description("the login, for password auth").build());
        s.add(Setting.builder(PASSWORD, Setting.Type.STRING).secret().description("the password, for password auth").build());
        s.add(Setting.builder(PACKET_VERSION, Setting.Type.STRING)
                .description("a packet version to pin, e.g. 1.6.9.1 (default: the server's newest)").build());
        SETTINGS = List.copyOf(s);
    }

    /** For {@link java.util.ServiceLoader}. */
    public PleskProvider() {
        super("plesk", new Product("Plesk", "WebPros"), SETTINGS, true, List.of(TYPE), List.of());
    }

    /** {@return a session opened over the network: a panel reached over the web} */
    @Override
    public SessionTraits traits(SessionRecord session) {
        return new SessionTraits(session.user(), null, false, null, Boolean.TRUE);
    }

    @Override
    public java.util.Optional<String> loginSetting() {
        return java.util.Optional.of(USERNAME);
    }

    /** {@return the password with a login, else the secret key} */
    @Override
    public String secretSetting(boolean withLogin) {
        return withLogin ? PASSWORD : API_KEY;
    }

    @Override
    public String auditLogName() {
        return "action log";
    }

    @Override
    public boolean numbersAuditLog() {
        return true;
    }

    @Override
    public java.util.Optional<String> terminateHelp() {
        return java.util.Optional.of("the session id.");
    }

    @Override
    public SessionClient open(Settings settings, Consumer<ClientBuilder<?>> customize) {
        PleskCredentials credentials;
        if (settings.has(API_KEY)) {
            credentials = PleskCredentials.secretKey(settings.require(API_KEY));
        } else if (settings.has(USERNAME) && settings.has(PASSWORD)) {
            credentials = PleskCredentials.password(settings.require(USERNAME), settings.require(PASSWORD));
        } else {
            throw new InvalidSettingsException(name(), Map.of(API_KEY,
                    "required: the secret key, or " + USERNAME + " and " + PASSWORD));
        }
        PleskClient.Builder b = CommonSettings.apply(settings, PleskClient.builder()).credentials(credentials);
        settings.zone(CommonSettings.SERVER_ZONE).ifPresent(b::serverZone);
        settings.text(PACKET_VERSION).ifPresent(b::packetVersion);
        customize.accept(b);
        return b.build();
    }
}
