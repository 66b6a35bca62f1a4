package org.sessionsdk.core.client;

import java.util.Map;
import java.util.TreeMap;
import org.sessionsdk.core.error.SdkException;

/**
 * Settings a vendor refused before anything was sent: each problem under the key it concerns, so a
 * front end reports it against its own name for that key (a connector config key, a CLI option, a
 * Spring property). Never carries a secret's value.
 */
public class InvalidSettingsException extends SdkException {
    private static final long serialVersionUID = 1L;

    /** Each problem by the key it concerns. */
    private final Map<String, String> problems;

    /**
     * Creates one from its parts.
     *
     * @param vendor   the vendor whose settings these are
     * @param problems each problem by the key it concerns
     */
    public InvalidSettingsException(String vendor, Map<String, String> problems) {
        super(message(vendor, problems));
        this.problems = Map.copyOf(problems);
    }

    /** {@return each problem by the setting key it concerns, sorted by key} */
    public Map<String, String> problems() {
        return new TreeMap<>(problems);
    }

    private static String message(String vendor, Map<String, String> problems) {
        StringBuilder b = new StringBuilder(vendor).append(": invalid settings: ");
        String sep = "";
        for (Map.Entry<String, String> e : new TreeMap<>(problems).entrySet()) {
            b.append(sep).append(e.getKey()).append(": ").append(e.getValue());
            sep = "; ";
        }
        return b.toString();
    }
}
