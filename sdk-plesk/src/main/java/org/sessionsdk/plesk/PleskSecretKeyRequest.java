package org.sessionsdk.plesk;

/**
 * What a new secret key should be bound to; every part is optional (Plesk then binds the key to the
 * caller's address and login).
 */
public final class PleskSecretKeyRequest {
    private final String ipAddress;
    private final String description;
    private final String login;

    private PleskSecretKeyRequest(Builder b) {
        this.ipAddress = b.ipAddress;
        this.description = b.description;
        this.login = b.login;
    }

    /** {@return a builder; every part is optional} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the only address the key will work from, or null for the caller's} */
    public String ipAddress() {
        return ipAddress;
    }

    /** {@return the key's description, or null} */
    public String description() {
        return description;
    }

    /** {@return the login the key acts as, or null for the caller's} */
    public String login() {
        return login;
    }

    /** Builds a {@link PleskSecretKeyRequest}. */
    public static final class Builder {
        /** Made by the enclosing type's {@code builder()}. */
        private Builder() {
        }

        private String ipAddress;
        private String description;
        private String login;

        /**
         * The only address the key will work from.
         *
         * @param ip an IPv4 or IPv6 address
         * @return this builder
         */
        public Builder ipAddress(String ip) {
            this.ipAddress = ip;
            return this;
        }

        /**
         * A description shown with the key in the panel.
         *
         * @param text free text
         * @return this builder
         */
        public Builder description(String text) {
            this.description = text;
            return this;
        }

        /**
         * The login the key acts as (default: the caller's).
         *
         * @param login a panel login
         * @return this builder
         */
        public Builder login(String login) {
            this.login = login;
            return this;
        }

        /** {@return the request} */
        public PleskSecretKeyRequest build() {
            return new PleskSecretKeyRequest(this);
        }
    }
}
