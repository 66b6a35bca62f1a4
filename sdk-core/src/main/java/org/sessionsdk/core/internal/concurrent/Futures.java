package org.sessionsdk.core.internal.concurrent;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.sessionsdk.core.error.SdkException;

/**
 * The few things the SDK's asynchronous stages need of {@link CompletableFuture}: what a failed stage
 * really threw, a stage that may throw as a failed future, and waiting for a future the way a
 * blocking call throws.
 *
 * <p>SDK-internal.
 */
public final class Futures {
    private Futures() {
    }

    /**
     * {@return the exception a stage threw, without the {@link CompletionException} or
     * {@link ExecutionException} the future wrapped it in}
     *
     * @param t what the future failed with
     */
    public static Throwable unwrap(Throwable t) {
        Throwable e = t;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    /**
     * Runs {@code stage}; what it throws becomes a failed future, so a chain sees every failure the same way.
     *
     * @param stage the stage
     * @param <T>   the value type
     * @return the stage's future, or a failed one
     */
    public static <T> CompletableFuture<T> call(Supplier<CompletableFuture<T>> stage) {
        try {
            return stage.get();
        } catch (RuntimeException | Error e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * {@return a failed future whose stages see {@code t} itself}
     *
     * @param t   the failure, possibly wrapped
     * @param <T> the value type
     */
    public static <T> CompletableFuture<T> failed(Throwable t) {
        return CompletableFuture.failedFuture(unwrap(t));
    }

    /**
     * Rethrows what a future failed with as the caller of a blocking method expects it: the SDK's
     * unchecked exception (or an {@link Error}) itself, anything else wrapped.
     *
     * @param t what the future failed with
     * @return never returns; declared so callers can write {@code throw rethrow(t)}
     */
    public static RuntimeException rethrow(Throwable t) {
        Throwable e = unwrap(t);
        if (e instanceof RuntimeException r) {
            throw r;
        }
        if (e instanceof Error err) {
            throw err;
        }
        throw new SdkException(e.getMessage(), e);
    }

    /**
     * Waits for {@code f} on the calling thread and returns its value, rethrowing its failure
     * ({@link #rethrow}); an interrupt cancels it and is thrown as {@code onInterrupt}'s exception.
     *
     * @param f           the future
     * @param onInterrupt what to do about an interrupt: cancel the work, return the exception to throw
     * @param <T>         the value type
     * @return the value
     */
    public static <T> T await(CompletableFuture<T> f, java.util.function.Function<InterruptedException,
            RuntimeException> onInterrupt) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            throw onInterrupt.apply(e);
        } catch (ExecutionException | CancellationException e) {
            throw rethrow(e instanceof ExecutionException ? e.getCause() : e);
        }
    }
}
