package org.sessionsdk.core.client;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.sessionsdk.core.audit.AuditEvent;
import org.sessionsdk.core.session.SessionRecord;

/**
 * A named, typed attribute a vendor's records carry beyond the unified fields
 * ({@link SessionRecord#attributes()}, {@link AuditEvent#attributes()}). Vendor modules publish theirs as
 * constants, so code reading an attribute compiles against the name instead of repeating a string, and a
 * renamed attribute breaks the build rather than a report.
 *
 * @param name        the key in {@code attributes()}
 * @param type        what its text reads as: {@code String}, {@code Long}, {@code Integer}, {@code Boolean}
 *                    or {@code Instant}
 * @param description one sentence: what it is
 * @param <T>         the type
 */
public record AttributeKey<T>(String name, Class<T> type, String description) {

    /**
     * Checks the parts.
     *
     * @param name        the key in {@code attributes()}
     * @param type        what its text reads as
     * @param description what it is
     */
    public AttributeKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        parser(type);
    }

    /**
     * A text attribute.
     *
     * @param name        the key
     * @param description what it is
     * @return the key
     */
    public static AttributeKey<String> text(String name, String description) {
        return new AttributeKey<>(name, String.class, description);
    }

    /**
     * {@return the value, read as {@link #type()}; empty when absent, blank or not of the type}
     *
     * @param attributes a record's attributes
     */
    public Optional<T> from(Map<String, String> attributes) {
        String v = attributes.get(name);
        if (v == null || v.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(type.cast(parser(type).apply(v.trim())));
        } catch (RuntimeException notOfType) {
            return Optional.empty();
        }
    }

    /**
     * {@return this attribute of it, if present}
     *
     * @param session a session
     */
    public Optional<T> of(SessionRecord session) {
        return from(session.attributes());
    }

    /**
     * {@return this attribute of it, if present}
     *
     * @param event an audit entry
     */
    public Optional<T> of(AuditEvent event) {
        return from(event.attributes());
    }

    private static Function<String, ?> parser(Class<?> type) {
        if (type == String.class) {
            return s -> s;
        } else if (type == Long.class) {
            return Long::valueOf;
        } else if (type == Integer.class) {
            return Integer::valueOf;
        } else if (type == Boolean.class) {
            return Boolean::valueOf;
        } else if (type == Instant.class) {
            return Instant::parse;
        }
        throw new IllegalArgumentException("an attribute is a String, Long, Integer, Boolean or Instant, not " + type);
    }
}
