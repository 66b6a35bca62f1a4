package org.sessionsdk.core.internal;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The one copy rule for the records' vendor attributes: unmodifiable and sorted by name, so every
 * serialized form (OCSF {@code unmapped}, ECS {@code labels}, Connect values, CLI output) has the same
 * order in every JVM. {@code Map.copyOf} iterates in an order seeded anew per JVM.
 */
public final class Attributes {
    private Attributes() {
    }

    /**
     * {@return a sorted unmodifiable copy, empty for null}
     *
     * @param attributes name to value; neither may be null
     * @throws NullPointerException if a name or value is null
     */
    public static Map<String, String> sortedCopy(Map<String, String> attributes) {
        if (attributes == null || attributes.isEmpty()) {
            return Map.of();
        }
        TreeMap<String, String> sorted = new TreeMap<>();
        attributes.forEach((k, v) -> sorted.put(Objects.requireNonNull(k, "attribute name"),
                Objects.requireNonNull(v, () -> "attribute " + k)));
        return Collections.unmodifiableMap(sorted);
    }
}
