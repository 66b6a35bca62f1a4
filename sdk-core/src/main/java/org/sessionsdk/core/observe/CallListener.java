package org.sessionsdk.core.observe;

/**
 * Hears the calls of a client: each logical call (one operation, its retries and its body) and each
 * HTTP attempt within it, and each poll of a feed. Register one or several on any client builder
 * with {@code .listener(...)}, or on {@link org.sessionsdk.core.feed.FeedOptions.Builder#listener}.
 *
 * <p>Methods are called on the thread making the call (the end of a streamed call on the thread that
 * closes the stream) and must be quick and thread-safe: one listener hears all calls of a client.
 * A listener that throws never breaks a call: its exception is logged (once per listener) and the
 * call goes on. Every method does nothing by default.
 *
 * <p>For one call the order is {@code callStarted}, then per attempt {@code attemptStarted} and
 * {@code attemptEnded}, then {@code callEnded} exactly once. A call that fails before sending (no
 * credentials could be had) has no attempt events.
 */
public interface CallListener {

    /**
     * A logical call starts.
     *
     * @param event what the call is
     */
    default void callStarted(CallStarted event) {
    }

    /**
     * An attempt is about to be sent.
     *
     * @param event   the attempt
     * @param headers adds headers to this attempt's request (e.g. trace context); cannot change existing ones
     */
    default void attemptStarted(AttemptStarted event, HeaderSetter headers) {
    }

    /**
     * An attempt got its response headers or failed on the wire.
     *
     * @param event the outcome
     */
    default void attemptEnded(AttemptEnded event) {
    }

    /**
     * A logical call ended: body closed, or failed.
     *
     * @param event the outcome
     */
    default void callEnded(CallEnded event) {
    }

    /**
     * A feed polled its server.
     *
     * @param event the poll
     */
    default void feedPolled(FeedPolled event) {
    }
}
