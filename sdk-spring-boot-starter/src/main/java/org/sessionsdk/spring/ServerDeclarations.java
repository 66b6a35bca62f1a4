package org.sessionsdk.spring;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;

/**
 * The servers under {@code sessionsdk.servers}, read as plain text by the vendors' own setting keys:
 * {@code api-key}, {@code api.key} and {@code API_KEY} from the environment all reach {@code api.key}
 * (Spring's relaxed binding, then dashes as dots). Read before any bean exists, so one bean per
 * server can be declared.
 */
final class ServerDeclarations {
    static final String PREFIX = "sessionsdk.servers";
    static final String VENDOR = "vendor";

    /**
     * One server as declared.
     *
     * @param vendor   the vendor's name, or null when missing
     * @param settings every other key, as the vendor's setting key
     */
    record Declared(String vendor, Map<String, String> settings) {
        Declared {
            settings = Map.copyOf(settings);
        }
    }

    private ServerDeclarations() {
    }

    static Map<String, Declared> read(Environment env) {
        ResolvableType inner = ResolvableType.forClassWithGenerics(Map.class, String.class, String.class);
        ResolvableType outer = ResolvableType.forClassWithGenerics(Map.class, ResolvableType.forClass(String.class), inner);
        Map<String, Map<String, String>> raw = Binder.get(env)
                .<Map<String, Map<String, String>>>bind(PREFIX, Bindable.of(outer)).orElse(Map.of());
        Map<String, Declared> out = new TreeMap<>();
        raw.forEach((name, values) -> {
            Map<String, String> settings = new LinkedHashMap<>();
            String vendor = null;
            for (Map.Entry<String, String> e : values.entrySet()) {
                String key = settingKey(e.getKey());
                if (key.equals(VENDOR)) {
                    vendor = e.getValue();
                } else {
                    settings.put(key, e.getValue());
                }
            }
            out.put(name, new Declared(vendor, settings));
        });
        return out;
    }

    /** {@return the vendor setting key of a property under a server: a setting key is words joined by dots} */
    static String settingKey(String property) {
        return property.replace('-', '.').replace('_', '.').toLowerCase(Locale.ROOT);
    }

    /** {@return the property a user writes for a vendor setting of a server} */
    static String property(String server, String settingKey) {
        return PREFIX + "." + server + "." + settingKey.replace('.', '-');
    }
}
