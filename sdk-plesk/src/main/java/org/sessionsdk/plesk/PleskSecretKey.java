package org.sessionsdk.plesk;

/**
 * A secret key registered in the panel. {@code toString()} masks the key.
 *
 * @param key         the key itself
 * @param ipAddress   the address the key is bound to
 * @param description free text, or null
 * @param login       the login the key acts as, or null
 */
public record PleskSecretKey(String key, String ipAddress, String description, String login) {
    @Override
    public String toString() {
        return "PleskSecretKey[key=****, ipAddress=" + ipAddress + ", description=" + description + ", login=" + login + "]";
    }
}
