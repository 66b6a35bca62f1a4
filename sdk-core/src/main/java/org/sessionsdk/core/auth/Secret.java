package org.sessionsdk.core.auth;

import java.util.Objects;

/**
 * A password, key or token. Its {@code toString()} is masked, so a secret cannot reach a log line or
 * an exception message by accident; only {@link #reveal()} hands out the value, where it is sent.
 */
public final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "secret");
    }

    /**
     * Wraps a secret value.
     *
     * @param value the clear value, not null
     * @return the secret, masked in {@code toString()}
     */
    public static Secret of(String value) {
        return new Secret(value);
    }

    /**
     * The clear value. Call only where it goes on the wire.
     *
     * @return the clear value
     */
    public String reveal() {
        return value;
    }

    /** {@return whether the value is the empty string} */
    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && java.security.MessageDigest.isEqual(
                s.value.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return 1;
    }

    @Override
    public String toString() {
        return "****";
    }
}
