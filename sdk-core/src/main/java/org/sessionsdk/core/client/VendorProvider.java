package org.sessionsdk.core.client;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.sessionsdk.core.audit.AuditEvent;
import org.sessionsdk.core.config.ClientBuilder;
import org.sessionsdk.core.session.SessionRecord;

/**
 * A vendor module's entry for code that does not know the vendor: its name, the settings it accepts,
 * the attributes its records carry, and how to open a client from plain-text settings. Each vendor
 * module provides one through {@link java.util.ServiceLoader} ({@code provides} in its module-info and
 * a {@code META-INF/services} entry), so a vendor module on the class or module path is all a front end
 * (the CLI, the Kafka connector, the Spring Boot starter, a test extension) needs to offer that vendor.
 * {@link SessionClients} finds them.
 */
public interface VendorProvider {

    /** {@return the vendor's name as {@link SessionClient#vendor()} says it, lower-case, e.g. {@code plesk}} */
    String name();

    /** {@return the product and the company that makes it, for people and SIEM documents} */
    Product product();

    /**
     * {@return every setting {@link #open} accepts, the shared ones ({@link CommonSettings}) included,
     * in the order a help text lists them}
     */
    List<Setting> settings();

    /** {@return whether this vendor's clients have an audit log ({@link SessionClient#audit()} present)} */
    boolean hasAudit();

    /** {@return the attributes this vendor's session records carry beyond the unified fields, in print order} */
    List<AttributeKey<?>> sessionAttributes();

    /** {@return the attributes this vendor's audit entries carry beyond the unified fields} */
    List<AttributeKey<?>> auditAttributes();

    /**
     * {@return the setting a person's login goes to (the CLI's {@code --user}), or empty for a vendor
     * that signs in with a key alone}
     */
    default java.util.Optional<String> loginSetting() {
        return java.util.Optional.empty();
    }

    /**
     * The one secret a front end asks for (a CLI prompt, a secret file), for the way of signing in that
     * a login given or not selects.
     *
     * @param withLogin whether a login was given ({@link #loginSetting()})
     * @return the key of the secret setting that goes with it
     */
    String secretSetting(boolean withLogin);

    /** {@return what the vendor calls its audit log, for people: {@code audit log} unless it says otherwise} */
    default String auditLogName() {
        return "audit log";
    }

    /** {@return whether this vendor's clients number their audit log ({@link SessionClient#numberedAuditLog()})} */
    default boolean numbersAuditLog() {
        return false;
    }

    /**
     * {@return how a session to end is named to this vendor, for help texts, or empty when its API
     * cannot end sessions}
     */
    default java.util.Optional<String> terminateHelp() {
        return java.util.Optional.empty();
    }

    /**
     * What an export needs to know of this vendor's session that only the vendor knows.
     *
     * @param session one of this vendor's sessions
     * @return its traits; by default the user is a name and the target a host
     */
    default SessionTraits traits(SessionRecord session) {
        return SessionTraits.plain(session.user());
    }

    /**
     * What an export needs to know of this vendor's audit entry that only the vendor knows.
     *
     * @param event one of this vendor's audit entries
     * @return its traits; by default a change made by the actor, named by name
     */
    default AuditTraits traits(AuditEvent event) {
        return AuditTraits.change(event.actor());
    }

    /**
     * Opens a client of one server.
     *
     * @param settings  checked settings ({@link #check})
     * @param customize applied to the vendor's builder after the settings, for what plain text cannot
     *                  carry (a shared transport, a clock, listeners, a user-agent suffix)
     * @return the client; close it
     * @throws InvalidSettingsException if settings that are valid one by one do not fit together
     */
    SessionClient open(Settings settings, Consumer<ClientBuilder<?>> customize);

    /**
     * Checks plain-text settings against {@link #settings()}.
     *
     * @param values the settings by key
     * @return the checked settings
     * @throws InvalidSettingsException naming each key that is unknown, missing or invalid
     */
    default Settings check(Map<String, String> values) {
        return Settings.check(name(), settings(), values);
    }

    /**
     * Opens a client from plain-text settings.
     *
     * @param values the settings by key
     * @return the client; close it
     * @throws InvalidSettingsException naming each key that is unknown, missing or invalid
     */
    default SessionClient open(Map<String, String> values) {
        return open(check(values), b -> { });
    }

    /**
     * A product and its maker.
     *
     * @param name       the product, e.g. {@code Ekran System}
     * @param vendorName the company, e.g. {@code Syteca}
     */
    record Product(String name, String vendorName) {
    }
}
