package org.sessionsdk.saymon;

import org.sessionsdk.core.error.ApiException;

/**
 * One user's audit log that could not be read during a walk over all users, e.g. a user deleted
 * meanwhile (404), one the signed-in user may not see (403) or a server error (5xx) after the retries.
 * The walk went on with the next user; {@link SaymonAuditQuery.Builder#onUserFailure} receives these.
 *
 * @param userId the user's id
 * @param login  the user's login, or null if the user list had none
 * @param error  what the server answered
 */
public record SaymonAuditFailure(String userId, String login, ApiException error) {
}
