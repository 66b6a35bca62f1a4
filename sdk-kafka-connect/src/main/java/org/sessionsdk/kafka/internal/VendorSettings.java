package org.sessionsdk.kafka.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.types.Password;
import org.sessionsdk.core.client.CommonSettings;
import org.sessionsdk.core.client.SessionClients;
import org.sessionsdk.core.client.Setting;
import org.sessionsdk.core.client.VendorProvider;

/**
 * The one rule between a vendor's settings and the connector's keys: setting {@code <key>} is
 * {@code sessionsdk.<key>} (a duration in milliseconds, {@code .ms} appended) and, for one endpoint,
 * {@code sessionsdk.endpoint.<name>.<key>}. The connector's definition holds every setting of every
 * vendor on the class path, so Connect's validation and UI list them, secrets as passwords.
 */
public final class VendorSettings {
    private static final String PREFIX = "sessionsdk.";

    private VendorSettings() {
    }

    /**
     * @param setting a vendor's setting
     * @return its key in the connector's configuration, without {@code sessionsdk.}
     */
    public static String connectorKey(Setting setting) {
        return setting.key() + (setting.type() == Setting.Type.DURATION ? ".ms" : "");
    }

    /**
     * @param provider the vendor
     * @return the keys an endpoint may set for itself: the vendor's settings but its endpoint
     */
    public static List<String> endpointKeys(VendorProvider provider) {
        List<String> out = new ArrayList<>();
        for (Setting s : provider.settings()) {
            if (!s.key().equals(CommonSettings.ENDPOINT)) {
                out.add(connectorKey(s));
            }
        }
        return out;
    }

    /**
     * A configuration value as the text a vendor's setting reads.
     *
     * @param value a parsed or original value
     * @return its text, a password's value unmasked; null for null
     */
    public static String text(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof Password p ? p.value() : value.toString();
    }

    /**
     * Adds every vendor's settings the definition does not hold yet.
     *
     * @param def   the connector's definition
     * @param group the group they are shown in
     * @return the definition
     */
    public static ConfigDef define(ConfigDef def, String group) {
        Map<String, List<String>> docs = new LinkedHashMap<>();
        Map<String, Setting> first = new LinkedHashMap<>();
        for (VendorProvider p : SessionClients.providers()) {
            for (Setting s : p.settings()) {
                if (s.key().equals(CommonSettings.ENDPOINT)) {
                    continue;
                }
                String key = PREFIX + connectorKey(s);
                first.putIfAbsent(key, s);
                docs.computeIfAbsent(key, k -> new ArrayList<>()).add(p.name() + ": " + s.description());
            }
        }
        int order = 0;
        for (Map.Entry<String, Setting> e : first.entrySet()) {
            if (def.names().contains(e.getKey())) {
                continue;
            }
            Setting s = e.getValue();
            ConfigDef.Type type = s.secret() ? ConfigDef.Type.PASSWORD
                    : switch (s.type()) {
                        case DURATION -> ConfigDef.Type.LONG;
                        case INT -> ConfigDef.Type.INT;
                        default -> ConfigDef.Type.STRING;
                    };
            String doc = String.join("; ", docs.get(e.getKey())) + ". For every endpoint without its own "
                    + "sessionsdk.endpoint.<name>." + e.getKey().substring(PREFIX.length()) + ".";
            def.define(e.getKey(), type, null, s.required() ? ConfigDef.Importance.HIGH : ConfigDef.Importance.LOW,
                    doc, group, ++order, ConfigDef.Width.MEDIUM, e.getKey().substring(PREFIX.length()));
        }
        return def;
    }
}
