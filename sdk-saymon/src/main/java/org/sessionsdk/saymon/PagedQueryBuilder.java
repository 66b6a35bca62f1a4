package org.sessionsdk.saymon;

import org.sessionsdk.core.session.RangeQueryBuilder;

/**
 * What every query over one of SAYMON's paged logs takes besides its time bounds: a cap over all
 * pages and the page size.
 *
 * @param <B> the query's builder, so chained calls keep its type
 */
abstract class PagedQueryBuilder<B extends PagedQueryBuilder<B>> extends RangeQueryBuilder<B> {
    Integer limit;
    int pageSize = SaymonSessionQuery.DEFAULT_PAGE_SIZE;

    PagedQueryBuilder() {
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /**
     * At most this many records in all (a cap over every page); at least 1.
     *
     * @param limit the cap
     * @return this builder
     * @throws IllegalArgumentException if {@code limit} is below 1
     */
    public B limit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        this.limit = limit;
        return self();
    }

    /**
     * Records per request (default 500); at least 1. Memory use grows with it, not with the total.
     *
     * @param pageSize records per request
     * @return this builder
     * @throws IllegalArgumentException if {@code pageSize} is below 1
     */
    public B pageSize(int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1");
        }
        this.pageSize = pageSize;
        return self();
    }
}
