package org.sessionsdk.core.client;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A vendor's settings as given in plain text, checked against what the vendor declares
 * ({@link VendorProvider#settings()}): every key known, every required one present, every value of its
 * type; read back typed. Defaults apply where nothing was given. {@link #toString()} redacts secrets.
 */
public final class Settings {
    private final String vendor;
    private final Map<String, Setting> declared;
    private final Map<String, String> values;

    private Settings(String vendor, Map<String, Setting> declared, Map<String, String> values) {
        this.vendor = vendor;
        this.declared = declared;
        this.values = values;
    }

    /**
     * Checks plain-text settings against the declared ones.
     *
     * @param vendor   the vendor, for messages
     * @param declared what the vendor accepts
     * @param given    the values by key; blank values count as not given
     * @return the checked settings
     * @throws InvalidSettingsException naming every unknown key, missing required key and bad value
     */
    public static Settings check(String vendor, List<Setting> declared, Map<String, String> given) {
        Map<String, Setting> byKey = new LinkedHashMap<>();
        for (Setting s : declared) {
            byKey.put(s.key(), s);
        }
        Map<String, String> values = new TreeMap<>();
        Map<String, String> problems = new TreeMap<>();
        for (Map.Entry<String, String> e : given.entrySet()) {
            Setting s = byKey.get(e.getKey());
            if (s == null) {
                problems.put(e.getKey(), "unknown setting; " + vendor + " accepts " + String.join(", ", byKey.keySet()));
            } else if (e.getValue() != null && !e.getValue().isBlank()) {
                values.put(e.getKey(), s.type() == Setting.Type.STRING || s.secret() ? e.getValue() : e.getValue().trim());
            }
        }
        for (Setting s : byKey.values()) {
            if (!values.containsKey(s.key()) && s.defaultValue() != null) {
                values.put(s.key(), s.defaultValue());
            }
        }
        for (Setting s : byKey.values()) {
            String v = values.get(s.key());
            if (v == null) {
                if (s.required() && requiredNow(s, values)) {
                    problems.put(s.key(), "required" + (s.requiredWhen() == null ? "" : " when " + s.requiredWhen())
                            + ": " + s.description());
                }
                continue;
            }
            String problem = TypedValues.problem(s, v);
            if (problem != null) {
                problems.put(s.key(), problem);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(vendor, problems);
        }
        return new Settings(vendor, Collections.unmodifiableMap(byKey), Collections.unmodifiableMap(values));
    }

    private static boolean requiredNow(Setting s, Map<String, String> values) {
        if (s.requiredWhen() == null) {
            return true;
        }
        int eq = s.requiredWhen().indexOf('=');
        String value = values.get(s.requiredWhen().substring(0, eq));
        return value != null && List.of(s.requiredWhen().substring(eq + 1).split("\\|")).contains(value);
    }

    /** {@return the vendor these settings are for} */
    public String vendor() {
        return vendor;
    }

    /**
     * {@return whether a value (or a default) is present}
     *
     * @param key a declared key
     */
    public boolean has(String key) {
        return values.containsKey(known(key));
    }

    /**
     * {@return the text, if given or defaulted}
     *
     * @param key a declared key
     */
    public Optional<String> text(String key) {
        return Optional.ofNullable(values.get(known(key)));
    }

    /**
     * {@return its text}
     *
     * @param key a declared key that is present (required, or checked with {@link #has})
     * @throws InvalidSettingsException if it is absent
     */
    public String require(String key) {
        String v = values.get(known(key));
        if (v == null) {
            throw new InvalidSettingsException(vendor, Map.of(key, "required: " + declared.get(key).description()));
        }
        return v;
    }

    /**
     * {@return the URI, if present}
     *
     * @param key a declared {@link Setting.Type#URI} key
     */
    public Optional<URI> uri(String key) {
        return text(key).map(URI::create);
    }

    /**
     * {@return the duration, if present}
     *
     * @param key a declared {@link Setting.Type#DURATION} key
     */
    public Optional<Duration> duration(String key) {
        return text(key).map(TypedValues::duration);
    }

    /**
     * {@return the zone, if present}
     *
     * @param key a declared {@link Setting.Type#ZONE} key
     */
    public Optional<ZoneId> zone(String key) {
        return text(key).map(ZoneId::of);
    }

    /**
     * {@return the path, if present}
     *
     * @param key a declared {@link Setting.Type#PATH} key
     */
    public Optional<Path> path(String key) {
        return text(key).map(Path::of);
    }

    /**
     * {@return the number, if present}
     *
     * @param key a declared {@link Setting.Type#INT} key
     */
    public Optional<Integer> integer(String key) {
        return text(key).map(Integer::valueOf);
    }

    /**
     * {@return its value; false when absent}
     *
     * @param key a declared {@link Setting.Type#BOOLEAN} key
     */
    public boolean flag(String key) {
        return text(key).map(Boolean::parseBoolean).orElse(false);
    }

    private String known(String key) {
        if (!declared.containsKey(key)) {
            throw new IllegalArgumentException(vendor + " declares no setting " + key);
        }
        return key;
    }

    /** {@return the settings as {@code key=value}, secrets redacted} */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(vendor).append('{');
        String sep = "";
        for (Map.Entry<String, String> e : values.entrySet()) {
            boolean secret = declared.get(e.getKey()).secret();
            b.append(sep).append(e.getKey()).append('=').append(secret ? "[redacted]" : e.getValue());
            sep = ", ";
        }
        return b.append('}').toString();
    }
}
