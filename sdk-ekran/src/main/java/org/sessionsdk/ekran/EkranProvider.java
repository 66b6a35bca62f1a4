package org.sessionsdk.ekran;

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
 * Ekran System for vendor-neutral code ({@link org.sessionsdk.core.client.SessionClients}): an API key
 * ({@code api.key}) plus the shared settings.
 */
public final class EkranProvider extends AbstractVendorProvider {
    /** The API key. */
    public static final String API_KEY = "api.key";

    /** The user's id on the Ekran server. */
    public static final AttributeKey<String> USER_ID = AttributeKey.text("userId", "the user's id on the server");
    /** The monitored endpoint's agent id. */
    public static final AttributeKey<String> CLIENT_GUID = AttributeKey.text("clientGuid",
            "the id of the agent on the monitored computer");
    /** An alert's risk level ({@code Low}, {@code Normal}, {@code High}, {@code Critical}). */
    public static final AttributeKey<String> RISK_LEVEL = AttributeKey.text("riskLevel", "an alert's risk level");
    /** The id of the rule that raised an alert. */
    public static final AttributeKey<String> ALERT_ID = AttributeKey.text("alertId", "the id of the rule that raised an alert");
    /** The session an alert fired in. */
    public static final AttributeKey<String> SESSION_ID = AttributeKey.text("sessionId", "the session an alert fired in");
    /** The computer an alert fired on. */
    public static final AttributeKey<String> COMPUTER_NAME = AttributeKey.text("computerName",
            "the computer an alert fired on");

    private static final List<Setting> SETTINGS;

    static {
        List<Setting> s = new ArrayList<>(CommonSettings.connection());
        s.add(CommonSettings.serverZone());
        s.add(Setting.builder(API_KEY, Setting.Type.STRING).required().secret()
                .description("the API key (Ekran's Management Tool, API keys)").build());
        SETTINGS = List.copyOf(s);
    }

    /** For {@link java.util.ServiceLoader}. */
    public EkranProvider() {
        super("ekran", new Product("Ekran System", "Syteca"), SETTINGS, true, List.of(USER_ID, CLIENT_GUID), List.of(ALERT_ID, RISK_LEVEL, COMPUTER_NAME, SESSION_ID));
    }

    /** A user Ekran names by number is an id, not a name; the target is the monitored computer's agent id. */
    @Override
    public SessionTraits traits(SessionRecord session) {
        boolean byNumber = isNumber(session.user());
        return new SessionTraits(byNumber ? null : session.user(), byNumber ? session.user() : null, true,
                "client_guid", null);
    }

    /**
     * An alert (every entry but an access request) is a detection, its risk level the severity. A processed
     * endpoint access request ({@link EkranAccessRequest#AUDIT_ID_PREFIX}) is a change someone made: the
     * person who approved or denied it, on the endpoint, which is the host.
     */
    @Override
    public AuditTraits traits(AuditEvent event) {
        if (event.id().startsWith(EkranAccessRequest.AUDIT_ID_PREFIX)) {
            return new AuditTraits(false, Severity.UNKNOWN, null, event.objectId(), event.actor(), null);
        }
        boolean byNumber = isNumber(event.actor());
        return new AuditTraits(true, severity(RISK_LEVEL.of(event).orElse(null)), ALERT_ID.of(event).orElse(null),
                COMPUTER_NAME.of(event).orElse(null), byNumber ? null : event.actor(), byNumber ? event.actor() : null);
    }

    private static boolean isNumber(String user) {
        return user != null && !user.isEmpty() && user.chars().allMatch(Character::isDigit);
    }

    private static Severity severity(String risk) {
        if (risk == null) {
            return Severity.UNKNOWN;
        }
        return switch (risk.toLowerCase(java.util.Locale.ROOT)) {
            case "informational", "info" -> Severity.INFORMATIONAL;
            case "low" -> Severity.LOW;
            case "medium", "normal" -> Severity.MEDIUM;
            case "high" -> Severity.HIGH;
            case "critical" -> Severity.CRITICAL;
            default -> Severity.UNKNOWN;
        };
    }

    @Override
    public String secretSetting(boolean withLogin) {
        return API_KEY;
    }

    @Override
    public SessionClient open(Settings settings, Consumer<ClientBuilder<?>> customize) {
        EkranClient.Builder b = CommonSettings.apply(settings, EkranClient.builder())
                .credentials(EkranCredentials.apiKey(settings.require(API_KEY)));
        settings.zone(CommonSettings.SERVER_ZONE).ifPresent(b::serverZone);
        customize.accept(b);
        return b.build();
    }
}
