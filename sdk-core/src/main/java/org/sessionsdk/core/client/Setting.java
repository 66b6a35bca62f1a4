package org.sessionsdk.core.client;

import java.util.List;
import java.util.Objects;

/**
 * One setting a vendor accepts when a client is opened from plain text ({@link VendorProvider#settings()}):
 * its key, type, whether it is required (always, or when another setting has a given value), whether it
 * is a secret (never printed), its default and documentation.
 *
 * <p>Keys are lower-case words joined by dots ({@code api.key}, {@code connect.timeout}). Every front end
 * maps them by one rule: the Kafka connector as {@code sessionsdk.<key>} (a duration with {@code .ms}
 * appended), the CLI as {@code --<key with dots as dashes>}, Spring Boot as
 * {@code sessionsdk.servers.<name>.<key with dots as dashes>}.
 *
 * @param key          the key, e.g. {@code api.key}
 * @param type         how its text is read
 * @param required     whether it must be given (see {@code requiredWhen})
 * @param requiredWhen {@code other=value} (or {@code other=one|another}): required only when that setting
 *                     has that value (one of them); null for "always" (with {@code required}) or "never"
 * @param secret       whether its value is a secret: redacted wherever settings are printed
 * @param defaultValue the value when none is given, as text; null for none
 * @param choices      the values a {@link Type#CHOICE} accepts; empty otherwise
 * @param description  one sentence for help texts and IDEs
 */
public record Setting(String key, Type type, boolean required, String requiredWhen, boolean secret,
                      String defaultValue, List<String> choices, String description) {

    /** How a setting's text is read. */
    public enum Type {
        /** Any text. */
        STRING,
        /** An absolute http or https URI. */
        URI,
        /** ISO-8601 ({@code PT30S}) or whole milliseconds ({@code 30000}). */
        DURATION,
        /** A zone id ({@code Europe/Berlin}, {@code UTC}, {@code +03:00}). */
        ZONE,
        /** {@code true} or {@code false}. */
        BOOLEAN,
        /** A whole number. */
        INT,
        /** A file path. */
        PATH,
        /** One of {@link Setting#choices()}. */
        CHOICE
    }

    /**
     * Checks the parts.
     *
     * @param key          the key
     * @param type         how its text is read
     * @param required     whether it must be given
     * @param requiredWhen {@code other=value}, or null
     * @param secret       whether its value is a secret
     * @param defaultValue the default as text, or null
     * @param choices      what a {@link Type#CHOICE} accepts
     * @param description  one sentence
     */
    public Setting {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        if (!key.matches("[a-z][a-z0-9]*(\\.[a-z][a-z0-9]*)*")) {
            throw new IllegalArgumentException("a setting key is lower-case words joined by dots: " + key);
        }
        choices = List.copyOf(choices);
        if ((type == Type.CHOICE) == choices.isEmpty()) {
            throw new IllegalArgumentException(key + ": a CHOICE setting, and only it, lists its choices");
        }
        if (requiredWhen != null && !requiredWhen.matches("[a-z0-9.]+=[A-Za-z0-9._-]+(\\|[A-Za-z0-9._-]+)*")) {
            throw new IllegalArgumentException(key + ": requiredWhen is other=value or other=one|another: " + requiredWhen);
        }
    }

    /**
     * A setting's builder.
     *
     * @param key  lower-case words joined by dots
     * @param type how its text is read
     * @return the builder
     */
    public static Builder builder(String key, Type type) {
        return new Builder(key, type);
    }

    /** {@return the key under which the CLI takes it: {@code --} and the key with dots as dashes} */
    public String optionName() {
        return "--" + key.replace('.', '-');
    }

    /** Builds a {@link Setting}. */
    public static final class Builder {
        private final String key;
        private final Type type;
        private boolean required;
        private String requiredWhen;
        private boolean secret;
        private String defaultValue;
        private List<String> choices = List.of();
        private String description = "";

        private Builder(String key, Type type) {
            this.key = key;
            this.type = type;
        }

        /** {@return this builder, the setting always required} */
        public Builder required() {
            this.required = true;
            return this;
        }

        /**
         * Required only when another setting has a value (e.g. a password when {@code auth=password}), or
         * one of several values.
         *
         * @param other  the other setting's key
         * @param value  its value
         * @param others more values of it that make this setting required too
         * @return this builder
         */
        public Builder requiredWhen(String other, String value, String... others) {
            StringBuilder sb = new StringBuilder(other).append('=').append(value);
            for (String o : others) {
                sb.append('|').append(o);
            }
            this.requiredWhen = sb.toString();
            return this;
        }

        /** {@return this builder, the value a secret} */
        public Builder secret() {
            this.secret = true;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param value the default, as text
         */
        public Builder defaultValue(String value) {
            this.defaultValue = value;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param values the values a {@link Type#CHOICE} accepts
         */
        public Builder choices(String... values) {
            this.choices = List.of(values);
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param text one sentence
         */
        public Builder description(String text) {
            this.description = text;
            return this;
        }

        /** {@return the setting} */
        public Setting build() {
            return new Setting(key, type, required, requiredWhen, secret, defaultValue, choices, description);
        }
    }
}
