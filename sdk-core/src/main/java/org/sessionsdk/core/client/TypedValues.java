package org.sessionsdk.core.client;

import java.net.URI;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Reads a setting's text as its type; says what is wrong without repeating a secret. */
final class TypedValues {
    private TypedValues() {
    }

    /** {@return null when {@code text} is a valid value of {@code s}, else what is wrong} */
    static String problem(Setting s, String text) {
        try {
            switch (s.type()) {
                case URI -> {
                    URI u = URI.create(text);
                    if (!u.isAbsolute() || !("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme()))
                            || u.getHost() == null) {
                        return "not an http or https URL with a host: " + text;
                    }
                }
                case DURATION -> {
                    if (duration(text).isNegative()) {
                        return "negative duration: " + text;
                    }
                }
                case ZONE -> ZoneId.of(text);
                case BOOLEAN -> {
                    if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
                        return "neither true nor false: " + text;
                    }
                }
                case INT -> Integer.parseInt(text);
                case PATH -> Path.of(text);
                case CHOICE -> {
                    if (!s.choices().contains(text)) {
                        return "one of " + String.join(", ", s.choices()) + (s.secret() ? "" : ", not " + text);
                    }
                }
                case STRING -> { }
            }
            return null;
        } catch (IllegalArgumentException | DateTimeException e) {
            return s.secret() ? "not a valid " + s.type().name().toLowerCase() : "not a valid "
                    + s.type().name().toLowerCase() + ": " + text;
        }
    }

    /** ISO-8601 ({@code PT30S}) or whole milliseconds. */
    static Duration duration(String text) {
        if (text.chars().allMatch(Character::isDigit)) {
            return Duration.ofMillis(Long.parseLong(text));
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("neither ISO-8601 (PT30S) nor milliseconds", e);
        }
    }
}
