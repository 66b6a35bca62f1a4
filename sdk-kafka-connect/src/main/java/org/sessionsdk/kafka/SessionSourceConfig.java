package org.sessionsdk.kafka;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.sessionsdk.core.client.CommonSettings;
import org.sessionsdk.core.client.InvalidSettingsException;
import org.sessionsdk.core.client.SessionClients;
import org.sessionsdk.core.client.Setting;
import org.sessionsdk.core.client.Settings;
import org.sessionsdk.core.client.VendorProvider;
import org.sessionsdk.kafka.internal.VendorSettings;

/**
 * The configuration of {@link SessionSourceConnector} and its tasks: which servers of one vendor to
 * follow, with which credentials, which streams to which topics, in which format.
 *
 * <p>The vendor's settings come from its provider ({@link VendorProvider#settings()}) by one rule: a
 * setting {@code <key>} is {@code sessionsdk.<key>} for every endpoint (a duration with {@code .ms}
 * appended, in milliseconds) and {@code sessionsdk.endpoint.<name>.<key>} for one endpoint, which wins.
 * Secrets are of type {@link Type#PASSWORD}: Connect prints them as {@code [hidden]}, and a value given
 * through a ConfigProvider ({@code ${file:/etc/secrets.properties:panel.key}}) stays a reference in the
 * task configurations the REST API shows, because the tasks get the secret under the same key.
 */
public final class SessionSourceConfig extends AbstractConfig {
    /** The vendor: one of {@link #VENDOR_NAMES}, the vendors on the plugin's class path. */
    public static final String VENDOR = "sessionsdk.vendor";
    /** The servers' base URIs, comma-separated. */
    public static final String ENDPOINTS = "sessionsdk.endpoints";
    /** An API key (shared by all endpoints), for vendors that sign in with one. */
    public static final String API_KEY = "sessionsdk.api.key";
    /** A login (shared by all endpoints), for vendors that sign in with one. */
    public static final String USERNAME = "sessionsdk.username";
    /** A password (shared by all endpoints). */
    public static final String PASSWORD = "sessionsdk.password";
    /** An OAuth 2 client id (shared by all endpoints). */
    public static final String CLIENT_ID = "sessionsdk.client.id";
    /** An OAuth 2 client secret (shared by all endpoints). */
    public static final String CLIENT_SECRET = "sessionsdk.client.secret";
    /** Prefix of the per-endpoint credentials: {@code sessionsdk.endpoint.<name>.<key>}. */
    public static final String ENDPOINT_PREFIX = "sessionsdk.endpoint.";
    /** Which streams: {@code sessions}, {@code audit}, or both. */
    public static final String STREAMS = "sessionsdk.streams";
    /** The topic of every stream without its own. */
    public static final String TOPIC = "topic";
    /** The topic of the sessions stream (default {@value #TOPIC}). */
    public static final String SESSIONS_TOPIC = "sessionsdk.sessions.topic";
    /** The topic of the audit stream (default {@value #TOPIC}). */
    public static final String AUDIT_TOPIC = "sessionsdk.audit.topic";
    /** The record value: {@code ocsf}, {@code ecs} (JSON strings) or {@code record} (a Struct). */
    public static final String FORMAT = "sessionsdk.format";
    /** Milliseconds between two polls of one server. */
    public static final String POLL_INTERVAL_MS = "sessionsdk.poll.interval.ms";
    /** The most records one poll of one server and stream hands to Connect (one transaction under exactly-once). */
    public static final String MAX_BATCH_SIZE = "sessionsdk.max.batch.size";
    /** Where a partition without an offset starts: an ISO-8601 instant, or empty for now. */
    public static final String SINCE = "sessionsdk.since";
    /** The servers' time zone for vendors that write local times. */
    public static final String SERVER_ZONE = "sessionsdk.server.zone";
    /** PEM file of certificates to trust. */
    public static final String TLS_TRUST_PEM = "sessionsdk.tls.trust.pem";
    /** Trust store file. */
    public static final String TLS_TRUSTSTORE_PATH = "sessionsdk.tls.truststore.path";
    /** Trust store type. */
    public static final String TLS_TRUSTSTORE_TYPE = "sessionsdk.tls.truststore.type";
    /** Trust store password. */
    public static final String TLS_TRUSTSTORE_PASSWORD = "sessionsdk.tls.truststore.password";
    /** TCP and TLS handshake timeout. */
    public static final String CONNECT_TIMEOUT_MS = "sessionsdk.connect.timeout.ms";
    /** Per-attempt timeout until response headers arrive. */
    public static final String REQUEST_TIMEOUT_MS = "sessionsdk.request.timeout.ms";
    /** Longest pause while a body streams. */
    public static final String READ_TIMEOUT_MS = "sessionsdk.read.timeout.ms";
    /** First wait before polling a failing server again; doubles up to the maximum. */
    public static final String RETRY_BACKOFF_MS = "sessionsdk.retry.backoff.ms";
    /** Longest wait before polling a failing server again. */
    public static final String RETRY_BACKOFF_MAX_MS = "sessionsdk.retry.backoff.max.ms";
    /** The topic of the heartbeat records that store an idle partition's offset. */
    public static final String HEARTBEAT_TOPIC = "sessionsdk.heartbeat.topic";
    /** Milliseconds between two heartbeats of a partition whose checkpoint moved without records; 0 for none. */
    public static final String HEARTBEAT_INTERVAL_MS = "sessionsdk.heartbeat.interval.ms";
    /** Internal: the endpoint positions a task follows (set by the connector). */
    public static final String TASK_ENDPOINTS = "sessionsdk.task.endpoints";
    /** Internal: the task's number, Connect's task id (set by the connector; names the task's metrics). */
    public static final String TASK_ID = "sessionsdk.task.id";

    /** The stream names. */
    public static final List<String> STREAM_NAMES = List.of("sessions", "audit");
    /** The vendor names. */
    public static final List<String> VENDOR_NAMES = SessionClients.names();

    private static final String CREDENTIALS = "Credentials";
    private static final String SOURCE = "Source";
    private static final String OUTPUT = "Output";
    private static final String CONNECTION = "Connection";

    /** The definition, with documentation, defaults and validators. */
    public static final ConfigDef CONFIG_DEF = configDef();

    /**
     * Parses and validates properties.
     *
     * @param props the connector's or a task's properties
     * @throws ConfigException if a value is missing or invalid
     */
    public SessionSourceConfig(Map<String, String> props) {
        super(CONFIG_DEF, props);
        check();
    }

    private static ConfigDef configDef() {
        int s = 0;
        int c = 0;
        int o = 0;
        int n = 0;
        ConfigDef def = new ConfigDef()
                .define(VENDOR, Type.STRING, ConfigDef.NO_DEFAULT_VALUE,
                        ConfigDef.CaseInsensitiveValidString.in(VENDOR_NAMES.toArray(String[]::new)),
                        Importance.HIGH, "The vendor of every endpoint, one of the vendors on the plugin's class "
                                + "path: " + String.join(", ", VENDOR_NAMES) + ".",
                        SOURCE, ++s, Width.SHORT, "Vendor")
                .define(ENDPOINTS, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, new EndpointList(), Importance.HIGH,
                        "The servers' base URIs (http or https), comma-separated, e.g. "
                                + "https://panel1.example.com:8443,https://panel2.example.com:8443. Each endpoint and "
                                + "stream is one source partition; tasks.max spreads endpoints over tasks.",
                        SOURCE, ++s, Width.LONG, "Endpoints")
                .define(STREAMS, Type.LIST, "sessions,audit",
                        ConfigDef.ValidList.in(STREAM_NAMES.toArray(String[]::new)), Importance.HIGH,
                        "What to read: sessions (starts and ends), audit (audit entries), or both; audit only for "
                                + "a vendor with an audit log.", SOURCE, ++s, Width.SHORT, "Streams")
                .define(POLL_INTERVAL_MS, Type.LONG, 30_000L, ConfigDef.Range.atLeast(10), Importance.MEDIUM,
                        "Milliseconds between two polls of one server and stream.", SOURCE, ++s, Width.SHORT,
                        "Poll interval")
                .define(MAX_BATCH_SIZE, Type.INT, 1_000, ConfigDef.Range.between(1, 1_000_000), Importance.LOW,
                        "The most records one poll of one server and stream returns (under exactly-once, one "
                                + "transaction): a backlog after an outage comes in batches of this size, each with its "
                                + "offset, and is polled again at once until it caught up.",
                        SOURCE, ++s, Width.SHORT, "Max batch size")
                .define(SINCE, Type.STRING, "", new InstantOrEmpty(), Importance.LOW,
                        "Where a partition without a stored offset starts: an ISO-8601 instant "
                                + "(2026-01-01T00:00:00Z) to read history from it, or empty to start now (the "
                                + "sessions open now are reported started). Stored offsets always win.",
                        SOURCE, ++s, Width.MEDIUM, "Start at")
                .define(SERVER_ZONE, Type.STRING, "", new ZoneOrEmpty(), Importance.LOW,
                        "The servers' time zone (e.g. Europe/Berlin) for vendors that write local times; "
                                + "empty for the client's default.",
                        SOURCE, ++s, Width.MEDIUM, "Server time zone")
                .define(TOPIC, Type.STRING, "sessionsdk", new ConfigDef.NonEmptyString(), Importance.HIGH,
                        "The topic of every stream that has no topic of its own.", OUTPUT, ++o, Width.MEDIUM,
                        "Topic")
                .define(SESSIONS_TOPIC, Type.STRING, "", Importance.MEDIUM,
                        "The topic of the sessions stream; empty for " + TOPIC + ".", OUTPUT, ++o, Width.MEDIUM,
                        "Sessions topic")
                .define(AUDIT_TOPIC, Type.STRING, "", Importance.MEDIUM,
                        "The topic of the audit stream; empty for " + TOPIC + ".", OUTPUT, ++o, Width.MEDIUM,
                        "Audit topic")
                .define(FORMAT, Type.STRING, "ocsf", ConfigDef.CaseInsensitiveValidString.in("ocsf", "ecs", "record"),
                        Importance.HIGH, "The record value: ocsf (an OCSF 1.8.0 JSON document as a string), ecs "
                                + "(an ECS 9.4.0 JSON document as a string) or record (a Struct with a schema, for "
                                + "Avro, Protobuf or JSON Schema converters).", OUTPUT, ++o, Width.SHORT, "Format")
                .define(TLS_TRUST_PEM, Type.STRING, "", Importance.LOW,
                        "A PEM file of the certificates to trust (a private CA or a self-signed panel); empty "
                                + "for the JVM's trust store. Host names are still verified.",
                        CONNECTION, ++n, Width.LONG, "Trusted certificates (PEM)")
                .define(TLS_TRUSTSTORE_PATH, Type.STRING, "", Importance.LOW,
                        "A trust store file instead of a PEM file; empty for none.", CONNECTION, ++n, Width.LONG,
                        "Trust store")
                .define(TLS_TRUSTSTORE_TYPE, Type.STRING, "PKCS12", Importance.LOW, "The trust store's type.",
                        CONNECTION, ++n, Width.SHORT, "Trust store type")
                .define(TLS_TRUSTSTORE_PASSWORD, Type.PASSWORD, null, Importance.LOW,
                        "The trust store's password, if any.", CONNECTION, ++n, Width.MEDIUM, "Trust store password")
                .define(CONNECT_TIMEOUT_MS, Type.LONG, 10_000L, ConfigDef.Range.atLeast(1), Importance.LOW,
                        "TCP and TLS handshake timeout, milliseconds.", CONNECTION, ++n, Width.SHORT,
                        "Connect timeout")
                .define(REQUEST_TIMEOUT_MS, Type.LONG, 30_000L, ConfigDef.Range.atLeast(1), Importance.LOW,
                        "Per attempt, the longest wait for response headers, milliseconds.", CONNECTION, ++n,
                        Width.SHORT, "Request timeout")
                .define(READ_TIMEOUT_MS, Type.LONG, 60_000L, ConfigDef.Range.atLeast(1), Importance.LOW,
                        "The longest pause while a response body streams, milliseconds.", CONNECTION, ++n,
                        Width.SHORT, "Read timeout")
                .define(RETRY_BACKOFF_MS, Type.LONG, 1_000L, ConfigDef.Range.atLeast(1), Importance.LOW,
                        "After a failed poll (server down, credentials refused), the first wait before that "
                                + "endpoint is polled again; it doubles on each failure. Other endpoints keep "
                                + "flowing.", CONNECTION, ++n, Width.SHORT, "Retry backoff")
                .define(RETRY_BACKOFF_MAX_MS, Type.LONG, 300_000L, ConfigDef.Range.atLeast(1), Importance.LOW,
                        "The longest wait before a failing endpoint is polled again.", CONNECTION, ++n,
                        Width.SHORT, "Retry backoff maximum")
                .define(HEARTBEAT_TOPIC, Type.STRING, "sessionsdk-heartbeats", new ConfigDef.NonEmptyString(),
                        Importance.MEDIUM, "The topic of the heartbeat records: after a poll that found nothing, a "
                                + "partition whose checkpoint moved gets one record here carrying its offset, so "
                                + "Connect stores where an idle endpoint stands (at once on its first poll when no "
                                + "offset is stored, then at most once per heartbeat interval). The topic must exist "
                                + "or be creatable (topic.creation.*); a compacted topic keeps one record per "
                                + "endpoint and stream.", OUTPUT, ++o, Width.MEDIUM, "Heartbeat topic")
                .define(HEARTBEAT_INTERVAL_MS, Type.LONG, 60_000L, ConfigDef.Range.atLeast(0), Importance.MEDIUM,
                        "The least milliseconds between two heartbeats of one partition (none while records "
                                + "carry its offset, none while its checkpoint stands still). 0 turns heartbeats "
                                + "off: an endpoint that has delivered nothing since the connector started has no "
                                + "stored offset, so a restart or rebalance starts it again at "
                                + SINCE + " (or now) and misses what happened in between.",
                        OUTPUT, ++o, Width.SHORT, "Heartbeat interval")
                .defineInternal(TASK_ENDPOINTS, Type.LIST, "", Importance.LOW)
                .defineInternal(TASK_ID, Type.STRING, "", Importance.LOW);
        return VendorSettings.define(def, CREDENTIALS);
    }

    private void check() {
        VendorProvider provider = provider();
        if (!provider.hasAudit() && streams().contains("audit")) {
            throw new ConfigException(STREAMS, getList(STREAMS), provider.name() + " has no audit API: use sessions only");
        }
        if (streams().isEmpty()) {
            throw new ConfigException(STREAMS, "", "at least one stream is required");
        }
        List<NamedEndpoint> named = namedEndpoints();
        List<String> endpointKeys = VendorSettings.endpointKeys(provider);
        for (String key : originals().keySet()) {
            if (key.startsWith(ENDPOINT_PREFIX) && named.stream().noneMatch(e -> key.startsWith(e.settingsPrefix())
                    && endpointKeys.contains(key.substring(e.settingsPrefix().length())))) {
                throw new SettingException(key, "unknown per-endpoint setting: per-endpoint settings are "
                        + ENDPOINT_PREFIX + "<name>.<key>, <name> from " + ENDPOINTS + " (name=URL, or the URL itself), "
                        + "<key> one of " + endpointKeys + "; settings by position (" + ENDPOINT_PREFIX
                        + "0...) are gone, since inserting an endpoint moved every other's secrets");
            }
        }
        for (int i = 0; i < named.size(); i++) {
            settingsOf(i); // throws, naming the key, if the vendor refuses them
        }
    }

    /** {@return the vendor, lower case} */
    public String vendor() {
        return getString(VENDOR).toLowerCase(Locale.ROOT);
    }

    /** {@return the endpoints' URLs, in the configured order} */
    public List<String> endpoints() {
        return namedEndpoints().stream().map(NamedEndpoint::url).toList();
    }

    /** {@return the endpoints with their names, in the configured order} */
    public List<NamedEndpoint> namedEndpoints() {
        return NamedEndpoint.parse(ENDPOINTS, getList(ENDPOINTS));
    }

    /** {@return the streams, {@code sessions} first} */
    public List<String> streams() {
        List<String> out = new ArrayList<>();
        for (String s : STREAM_NAMES) {
            if (getList(STREAMS).contains(s)) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * The topic of a stream.
     *
     * @param stream {@code sessions} or {@code audit}
     * @return its topic
     */
    public String topic(String stream) {
        String own = getString("sessions".equals(stream) ? SESSIONS_TOPIC : AUDIT_TOPIC);
        return own == null || own.isBlank() ? getString(TOPIC) : own;
    }

    /** {@return ocsf, ecs or record} */
    public String format() {
        return getString(FORMAT).toLowerCase(Locale.ROOT);
    }

    /** {@return the start for a partition without an offset, or null for now} */
    public Instant since() {
        String s = getString(SINCE);
        return s.isBlank() ? null : Instant.parse(s.trim());
    }

    /** {@return the server zone, or null for the client's default} */
    public ZoneId serverZone() {
        String z = getString(SERVER_ZONE);
        return z.isBlank() ? null : ZoneId.of(z.trim());
    }

    /** {@return the heartbeat topic} */
    public String heartbeatTopic() {
        return getString(HEARTBEAT_TOPIC);
    }

    /** {@return the least milliseconds between two heartbeats of a partition; 0 for none} */
    public long heartbeatIntervalMs() {
        return getLong(HEARTBEAT_INTERVAL_MS);
    }

    /** {@return the connector's name as Connect gave it, or empty} */
    public String connectorName() {
        Object name = originals().get("name");
        return name == null ? "" : name.toString();
    }

    /** {@return the task's number as the connector set it, or empty} */
    public String taskId() {
        return getString(TASK_ID);
    }

    /** {@return the endpoint positions a task follows} */
    public List<Integer> taskEndpoints() {
        return getList(TASK_ENDPOINTS).stream().map(Integer::valueOf).toList();
    }

    /** {@return the vendor's provider} */
    public VendorProvider provider() {
        return SessionClients.provider(vendor());
    }

    /**
     * The vendor's settings of one endpoint, checked: its own {@code sessionsdk.endpoint.<name>.<key>}
     * over the shared {@code sessionsdk.<key>}, with its URL as the endpoint.
     *
     * @param index the endpoint's position in {@value #ENDPOINTS}
     * @return the settings ({@code toString} redacts the secrets)
     * @throws ConfigException naming the config key, if the vendor refuses them
     */
    public Settings settingsOf(int index) {
        NamedEndpoint endpoint = namedEndpoints().get(index);
        VendorProvider provider = provider();
        Map<String, Object> own = originalsWithPrefix(endpoint.settingsPrefix());
        Map<String, String> values = new java.util.TreeMap<>();
        java.util.Set<String> given = new java.util.HashSet<>();
        for (Setting setting : provider.settings()) {
            if (setting.key().equals(CommonSettings.ENDPOINT)) {
                continue;
            }
            String key = VendorSettings.connectorKey(setting);
            Object v = own.containsKey(key) ? own.get(key) : own.get(setting.key());
            String text = v != null ? VendorSettings.text(v) : VendorSettings.text(values().get(ConfigPrefix.KEY + key));
            if (v != null) {
                given.add(setting.key());
            }
            if (text != null && !text.isEmpty()) {
                values.put(setting.key(), text);
            }
        }
        values.put(CommonSettings.ENDPOINT, endpoint.url());
        try {
            return provider.check(values);
        } catch (InvalidSettingsException e) {
            Map.Entry<String, String> first = e.problems().entrySet().iterator().next();
            Setting setting = provider.settings().stream().filter(x -> x.key().equals(first.getKey())).findFirst().orElse(null);
            String key = setting == null ? first.getKey() : VendorSettings.connectorKey(setting);
            boolean endpointOwn = given.contains(first.getKey()) || first.getValue().startsWith("required")
                    || CommonSettings.ENDPOINT.equals(first.getKey());
            String configKey = CommonSettings.ENDPOINT.equals(first.getKey()) ? ENDPOINTS
                    : (endpointOwn ? endpoint.settingsPrefix() : ConfigPrefix.KEY) + key;
            String where = "endpoint " + endpoint.name() + (endpoint.name().equals(endpoint.url()) ? "" : " (" + endpoint.url() + ")");
            String problem = first.getValue().startsWith("required")
                    ? provider.name() + " needs " + ConfigPrefix.KEY + key + ", shared or as " + endpoint.settingsPrefix()
                            + key + " (" + first.getValue() + ")"
                    : provider.name() + " " + ConfigPrefix.KEY + key + ": " + first.getValue();
            throw new SettingException(configKey, where + ": " + problem);
        }
    }

    /** The prefix of every connector key. */
    static final class ConfigPrefix {
        static final String KEY = "sessionsdk.";

        private ConfigPrefix() {
        }
    }

    /** A setting that spans values is wrong; names the key it concerns, for {@code Connector.validate}. */
    static final class SettingException extends ConfigException {
        private static final long serialVersionUID = 1L;
        private final String key;

        SettingException(String key, String message) {
            super(message);
            this.key = key;
        }

        String key() {
            return key;
        }
    }

    private static final class EndpointList implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            @SuppressWarnings("unchecked")
            List<String> list = (List<String>) value;
            NamedEndpoint.parse(name, list);
        }

        @Override
        public String toString() {
            return "a non-empty list of http or https URIs, each optionally named: name=URI";
        }
    }

    private static final class InstantOrEmpty implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            String s = (String) value;
            if (s != null && !s.isBlank()) {
                try {
                    Instant.parse(s.trim());
                } catch (DateTimeParseException e) {
                    throw new ConfigException(name, value, "not an ISO-8601 instant such as 2026-01-01T00:00:00Z");
                }
            }
        }

        @Override
        public String toString() {
            return "empty, or an ISO-8601 instant";
        }
    }

    private static final class ZoneOrEmpty implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            String s = (String) value;
            if (s != null && !s.isBlank()) {
                try {
                    ZoneId.of(s.trim());
                } catch (RuntimeException e) {
                    throw new ConfigException(name, value, "not a time zone id such as Europe/Berlin");
                }
            }
        }

        @Override
        public String toString() {
            return "empty, or a time zone id";
        }
    }
}
