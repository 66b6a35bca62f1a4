/**
 * Audit entries in one vendor-neutral form: {@link org.sessionsdk.core.audit.AuditEvent}, the
 * {@link org.sessionsdk.core.audit.AuditSource} every client with an audit log implements, and
 * {@link org.sessionsdk.core.audit.AuditTrail}, which merges several sources in time order.
 */
package org.sessionsdk.core.audit;
