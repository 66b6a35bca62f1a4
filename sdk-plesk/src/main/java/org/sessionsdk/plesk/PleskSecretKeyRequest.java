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

    public static Builder builder() {
        return new Builder();
    }

    public String ipAddress() {
        return ipAddress;
    }

    public String description() {
        return description;
    }

    public String login() {
        return login;
    }

    /** Builds a {@link PleskSecretKeyRequest}. */
    public static final class Builder {
        private String ipAddress;
        private String description;
        private String login;

        /** The only address the key will work from. */
        public Builder ipAddress(String ip) {
            this.ipAddress = ip;
            return this;
        }

        public Builder description(String text) {
            this.description = text;
            return this;
        }

        /** The login the key acts as (default: the caller's). */
        public Builder login(String login) {
            this.login = login;
            return this;
        }

        public PleskSecretKeyRequest build() {
            return new PleskSecretKeyRequest(this);
        }
    }
}
