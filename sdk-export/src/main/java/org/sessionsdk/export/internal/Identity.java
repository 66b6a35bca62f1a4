package org.sessionsdk.export.internal;

import java.util.Map;

/**
 * Who a record names, as both schemas want it: a name and an id. Ekran names users by number (an id,
 * no name); SAYMON sends the user's id beside the login; the others give a name only.
 *
 * @param name the user's name, or null
 * @param id   the user's id, or null
 */
record Identity(String name, String id) {
    static Identity of(String vendor, String user, Map<String, String> attributes) {
        if ("ekran".equals(vendor) && user != null && !user.isEmpty() && user.chars().allMatch(Character::isDigit)) {
            return new Identity(null, user);
        }
        return new Identity(user, "saymon".equals(vendor) ? attributes.get("userId") : null);
    }
}
