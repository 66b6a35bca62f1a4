package org.sessionsdk.saymon;

import java.util.Map;

/**
 * A SAYMON user as {@code GET /node/api/users/current} and {@code GET /node/api/users} return it. The object's documented shape is
 * thin, so besides id, login and name every scalar field is kept as text.
 *
 * @param id         the user's id, or null
 * @param login      the login, or null
 * @param name       the display name, or null
 * @param attributes every scalar field of the object (strings, numbers, booleans) as sent
 */
public record SaymonUser(String id, String login, String name, Map<String, String> attributes) {

    /**
     * Copies the attributes, so the record is immutable.
     *
     * @param id         the user's id, or null
     * @param login      the login, or null
     * @param name       the display name, or null
     * @param attributes every scalar field of the object as sent, sorted by name; null for none
     */
    public SaymonUser {
        attributes = org.sessionsdk.core.internal.Attributes.sortedCopy(attributes);
    }

    /**
     * {@return whether {@link #login()} is masked ({@code exampl******}), as {@code GET /node/api/users}
     * sends it to a user without the {@code manage-users} permission: such a login names nobody}
     */
    public boolean loginMasked() {
        return isMasked(login);
    }

    /** Whether a login is masked: it ends in three or more {@code *} (SAYMON keeps the first characters). */
    static boolean isMasked(String login) {
        return login != null && login.endsWith("***");
    }
}
