package org.sessionsdk.plesk;

import java.time.LocalDateTime;

/**
 * An open control-panel session, as {@code session/get} reports it. Times are as Plesk sends them,
 * without an offset; the client's {@code serverZone} turns them into instants in the unified view.
 *
 * @param id        the session id, for {@code sessions().terminate(id)}
 * @param type      who holds it: admin, client, reseller, domain-admin, mail-user, or a newer value
 * @param ipAddress where the user connected from
 * @param login     the user's login
 * @param loginTime when the session started
 * @param idle      when the user last did something
 */
public record PleskSession(String id, String type, String ipAddress, String login, LocalDateTime loginTime,
                           LocalDateTime idle) {
}
