package org.sessionsdk.core.internal.paging;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.sessionsdk.core.internal.CallDeadline;

/**
 * The asynchronous form of {@link Paging#concat}: parts (windows, pages) fetched one after another,
 * each started when the one before completed, with no thread waiting in between, their items
 * joined in order. A feed poll's deadline, open when the first part starts, bounds every part.
 *
 * <p>SDK-internal.
 */
public final class AsyncParts {
    private AsyncParts() {
    }

    /**
     * Fetches every part in turn.
     *
     * @param parts starts each part's fetch when it is its turn
     * @param <T>   the item type
     * @return completes with all items in order (unmodifiable), or with the first part's failure
     */
    public static <T> CompletableFuture<List<T>> sequence(Iterator<? extends Supplier<CompletableFuture<List<T>>>> parts) {
        return next(parts, new ArrayList<>(), CallDeadline.current());
    }

    private static <T> CompletableFuture<List<T>> next(Iterator<? extends Supplier<CompletableFuture<List<T>>>> parts,
                                                       List<T> into, CallDeadline deadline) {
        if (!parts.hasNext()) {
            return CompletableFuture.completedFuture(Collections.unmodifiableList(into));
        }
        CompletableFuture<List<T>> part;
        try (CallDeadline.Scope s = CallDeadline.reenter(deadline)) {
            part = parts.next().get();
        } catch (RuntimeException e) { // a cursor that did not move, a call refused before it left
            return CompletableFuture.failedFuture(e);
        }
        return part.thenCompose(items -> {
            into.addAll(items);
            return next(parts, into, deadline);
        });
    }
}
