package org.sessionsdk.core.observe;

/**
 * A logical call starts: before its first attempt, before credentials are fetched.
 *
 * @param call what the call is
 */
public record CallStarted(CallInfo call) {
}
