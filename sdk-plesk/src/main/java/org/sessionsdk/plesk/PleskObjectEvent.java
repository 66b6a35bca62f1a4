package org.sessionsdk.plesk;

import java.time.Instant;

/**
 * An entry of the object event log ({@code event_log/get}): fewer fields than {@link PleskEvent}.
 *
 * @param type        what happened
 * @param time        when
 * @param objectClass what kind of object
 * @param objectId    which object
 */
public record PleskObjectEvent(String type, Instant time, String objectClass, String objectId) {
}
