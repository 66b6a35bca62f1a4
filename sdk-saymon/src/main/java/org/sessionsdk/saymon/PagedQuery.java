package org.sessionsdk.saymon;

import org.sessionsdk.core.session.RangeQuery;

/** What SAYMON's paged log reads share: time bounds (an open {@code to} fixed when the stream starts), a cap, a page size. */
abstract class PagedQuery extends RangeQuery {
    private final Integer limit;
    private final int pageSize;

    PagedQuery(PagedQueryBuilder<?> b) {
        super(b.timeRange()); // TimeRange checks the order of the bounds
        this.limit = b.limit;
        this.pageSize = b.pageSize;
    }

    /** {@return the most records to return in all, or null for no cap} */
    public Integer limit() {
        return limit;
    }

    /** {@return records asked per request} */
    public int pageSize() {
        return pageSize;
    }

    /** {@return the query's parts, e.g. {@code SaymonSessionQuery[from=..., to=..., limit=..., pageSize=500]}} */
    @Override
    public String toString() {
        return getClass().getSimpleName() + "[from=" + from() + ", to=" + to() + extra() + ", limit=" + limit
                + ", pageSize=" + pageSize + "]";
    }

    /** {@return what a query adds to {@link #toString()}, starting with {@code ", "}; nothing by default} */
    String extra() {
        return "";
    }
}
