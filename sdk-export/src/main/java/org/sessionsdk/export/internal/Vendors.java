package org.sessionsdk.export.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.sessionsdk.core.audit.AuditEvent;
import org.sessionsdk.core.client.AuditTraits;
import org.sessionsdk.core.client.SessionClients;
import org.sessionsdk.core.client.SessionTraits;
import org.sessionsdk.core.client.VendorProvider;
import org.sessionsdk.core.session.SessionRecord;

/**
 * What the exporter needs of a record's vendor (its product, its records' traits), asked of the vendor's
 * provider; a record of a vendor with no provider on the class path is written plainly under its own name.
 * Providers are looked up once per vendor name: a lookup walks the class path.
 */
final class Vendors {
    private static final Map<String, Optional<VendorProvider>> PROVIDERS = new ConcurrentHashMap<>();

    private Vendors() {
    }

    private static Optional<VendorProvider> of(String vendor) {
        return vendor == null ? Optional.empty() : PROVIDERS.computeIfAbsent(vendor, SessionClients::find);
    }

    /** {@return the product name and its maker, {@code [product, vendor]}} */
    static String[] product(String vendor) {
        return of(vendor).map(p -> new String[] {p.product().name(), p.product().vendorName()})
                .orElse(new String[] {vendor, vendor});
    }

    static SessionTraits traits(SessionRecord s) {
        return of(s.vendor()).map(p -> p.traits(s)).orElseGet(() -> SessionTraits.plain(s.user()));
    }

    static AuditTraits traits(AuditEvent e) {
        return of(e.vendor()).map(p -> p.traits(e)).orElseGet(() -> AuditTraits.change(e.actor()));
    }
}
