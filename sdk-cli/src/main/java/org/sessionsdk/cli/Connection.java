package org.sessionsdk.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.sessionsdk.core.client.AttributeKey;
import org.sessionsdk.core.client.CommonSettings;
import org.sessionsdk.core.client.InvalidSettingsException;
import org.sessionsdk.core.client.SessionClient;
import org.sessionsdk.core.client.SessionClients;
import org.sessionsdk.core.client.Setting;
import org.sessionsdk.core.client.Settings;
import org.sessionsdk.core.client.VendorProvider;
import picocli.CommandLine.Option;

/**
 * The options that say which server to reach and how to sign in, for any vendor on the class path: they
 * map onto the vendor's settings ({@link VendorProvider#settings()}) by one rule. {@code --endpoint},
 * {@code --zone}, {@code --timeout} and {@code --insecure} are the shared settings, {@code --user} is
 * the vendor's login setting, {@code --set KEY=VALUE} any other setting by its key. The secret
 * (password, API key, secret key or client secret) is never an option's value: {@link SecretLookup}
 * finds it in a file, the environment, a pipe on stdin or a prompt, and it goes to the vendor's secret
 * setting.
 */
final class Connection {
    @Option(names = "--vendor", required = true, completionCandidates = VendorNames.class,
            description = "${COMPLETION-CANDIDATES} (any case): the vendors on the class path")
    VendorName vendor;

    @Option(names = "--endpoint", required = true, description = "the server, e.g. https://panel.example.com:8443")
    URI endpoint;

    @Option(names = "--user", description = "the login, where the vendor signs in with one (a password login; an OAuth 2 client id)")
    String user;

    @Option(names = "--auth", paramLabel = "SCHEME",
            description = "how to sign in, where the vendor offers a choice (its 'auth' setting), e.g. --auth token")
    String auth;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "any other setting of the vendor by its key, e.g. --set auth=session (see 'sessions vendors')")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--zone", description = "the server's time zone for times it sends without one (default UTC)")
    ZoneId zone = ZoneId.of("UTC");

    @Option(names = "--timeout", description = "per-request timeout (ISO-8601, default PT30S)")
    Duration timeout = Duration.ofSeconds(30);

    @Option(names = "--insecure", description = "do not verify TLS certificates (test servers only)")
    boolean insecure;

    @Option(names = "--secret-file", paramLabel = "PATH",
            description = "read the secret from the first line of this file (also: $SESSIONS_SECRET_FILE)")
    Path secretFile;

    /** The vendor names picocli completes and lists in help. */
    static final class VendorNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return SessionClients.names().iterator();
        }
    }

    /** {@return the chosen vendor's provider} @throws IllegalArgumentException naming the vendors there are */
    VendorProvider provider() {
        return SessionClients.provider(vendor.name());
    }

    /** {@return the vendor's name, lower-case} */
    String vendorName() {
        return provider().name();
    }

    /** {@return the attributes the vendor's sessions carry beyond the unified columns, in print order} */
    List<String> sessionAttributes() {
        return names(provider().sessionAttributes());
    }

    /**
     * {@return the attributes the vendor's audit entries carry beyond the unified columns}
     * @throws IllegalArgumentException for a vendor without an audit log
     */
    List<String> auditAttributes() {
        VendorProvider p = provider();
        if (!p.hasAudit()) {
            throw new IllegalArgumentException(p.name() + " documents no audit API: audit entries are read from "
                    + String.join(", ", SessionClients.providers().stream().filter(VendorProvider::hasAudit)
                    .map(VendorProvider::name).toList()));
        }
        return names(p.auditAttributes());
    }

    private static List<String> names(List<AttributeKey<?>> keys) {
        return keys.stream().map(AttributeKey::name).toList();
    }

    /**
     * A client of the chosen vendor. What the options say is checked before anyone is asked for the secret.
     *
     * @param term the terminal, for the secret and the clock
     * @return the client; close it
     * @throws IllegalArgumentException for options the vendor refuses, named as options
     */
    SessionClient open(Terminal term) {
        VendorProvider p = provider();
        String secretKey = p.secretSetting(user != null);
        Map<String, String> given = given(p);
        given.put(secretKey, "?");
        check(p, given);
        given.put(secretKey, SecretLookup.find(secretFile, term, p.name()));
        Settings checked = check(p, given);
        return p.open(checked, b -> b.userAgentSuffix("sessions-cli").clock(term.clock()));
    }

    /** The options as the vendor's settings, by the one rule. */
    private Map<String, String> given(VendorProvider p) {
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<String, String> e : settings.entrySet()) {
            String key = e.getKey().trim().toLowerCase(Locale.ROOT);
            Setting s = p.settings().stream().filter(x -> x.key().equals(key)).findFirst().orElse(null);
            if (s != null && s.secret()) {
                throw new IllegalArgumentException("--set " + key + ": a secret is never an option's value; "
                        + "it is read from --secret-file, $SESSIONS_SECRET, a pipe on stdin or a prompt");
            }
            out.put(key, e.getValue());
        }
        out.put(CommonSettings.ENDPOINT, endpoint.toString());
        // the shared options go to the settings the vendor declares; a vendor without them ignores their defaults
        if (declares(p, CommonSettings.REQUEST_TIMEOUT)) {
            out.put(CommonSettings.REQUEST_TIMEOUT, timeout.toString());
        }
        if (insecure) {
            out.put(CommonSettings.TLS_INSECURE, "true");
        }
        if (declares(p, CommonSettings.SERVER_ZONE)) {
            out.putIfAbsent(CommonSettings.SERVER_ZONE, zone.getId());
        }
        if (auth != null) {
            if (!declares(p, CommonSettings.AUTH)) {
                throw new IllegalArgumentException("--auth: " + p.name() + " offers no choice of how to sign in");
            }
            out.put(CommonSettings.AUTH, auth);
        }
        if (user != null) {
            out.put(p.loginSetting().orElseThrow(() -> new IllegalArgumentException(
                    "--user: " + p.name() + " signs in without a login")), user);
        }
        return out;
    }

    private static boolean declares(VendorProvider p, String key) {
        return p.settings().stream().anyMatch(s -> s.key().equals(key));
    }

    /** Checks the settings, naming each problem by the option that sets it. */
    private Settings check(VendorProvider p, Map<String, String> given) {
        try {
            return p.check(given);
        } catch (InvalidSettingsException e) {
            List<String> problems = new ArrayList<>();
            e.problems().forEach((key, problem) -> problems.add(optionOf(p, key) + " " + problem));
            throw new IllegalArgumentException(String.join("; ", problems), e);
        }
    }

    private static String optionOf(VendorProvider p, String key) {
        if (p.loginSetting().filter(key::equals).isPresent()) {
            return "--user (" + key + ")";
        }
        return switch (key) {
            case CommonSettings.ENDPOINT -> "--endpoint";
            case CommonSettings.AUTH -> "--auth";
            case CommonSettings.REQUEST_TIMEOUT -> "--timeout";
            case CommonSettings.SERVER_ZONE -> "--zone";
            case CommonSettings.TLS_INSECURE -> "--insecure";
            default -> "--set " + key + ":";
        };
    }
}
