package org.sessionsdk.core.http;

import java.util.concurrent.CompletionStage;

/**
 * A response body that can gather its bytes without a thread waiting for them: what lets an
 * asynchronous call read a whole answer, then parse it without blocking. {@link JdkHttpTransport}'s
 * bodies are; a transport of one's own may make its body streams implement it too. A body that is
 * not is read as it is, by the thread that parses it.
 */
public interface BufferingBody {

    /**
     * Starts taking bytes in as fast as they come, and completes once at least {@code bytes} are
     * held or the body ended; it never fails: a body that fails or stalls (longer than the read
     * timeout) completes it too, and the reader then meets that failure where it happened.
     *
     * @param bytes how many bytes to hold before completing; {@link Long#MAX_VALUE} for the whole body
     * @return a stage that completes when the bytes are there
     */
    CompletionStage<Void> buffer(long bytes);
}
