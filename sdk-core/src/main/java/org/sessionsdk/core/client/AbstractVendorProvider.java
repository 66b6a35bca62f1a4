package org.sessionsdk.core.client;

import java.util.List;
import java.util.Objects;

/**
 * A {@link VendorProvider} from its parts, so a vendor module writes only what is its own: its settings,
 * its attributes, how it opens a client and (where it has any) its records' traits.
 */
public abstract class AbstractVendorProvider implements VendorProvider {
    private final String name;
    private final Product product;
    private final List<Setting> settings;
    private final boolean audit;
    private final List<AttributeKey<?>> sessionAttributes;
    private final List<AttributeKey<?>> auditAttributes;

    /**
     * Creates one from its parts.
     *
     * @param name              the vendor's name, lower-case
     * @param product           the product and its maker
     * @param settings          every setting it accepts, the shared ones included
     * @param audit             whether its clients have an audit log
     * @param sessionAttributes what its session records carry beyond the unified fields
     * @param auditAttributes   what its audit entries carry beyond the unified fields
     */
    protected AbstractVendorProvider(String name, Product product, List<Setting> settings, boolean audit,
                                     List<AttributeKey<?>> sessionAttributes, List<AttributeKey<?>> auditAttributes) {
        this.name = Objects.requireNonNull(name, "name");
        this.product = Objects.requireNonNull(product, "product");
        this.settings = List.copyOf(settings);
        this.audit = audit;
        this.sessionAttributes = List.copyOf(sessionAttributes);
        this.auditAttributes = List.copyOf(auditAttributes);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Product product() {
        return product;
    }

    @Override
    public final List<Setting> settings() {
        return settings;
    }

    @Override
    public final boolean hasAudit() {
        return audit;
    }

    @Override
    public final List<AttributeKey<?>> sessionAttributes() {
        return sessionAttributes;
    }

    @Override
    public final List<AttributeKey<?>> auditAttributes() {
        return auditAttributes;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + name + "]";
    }
}
