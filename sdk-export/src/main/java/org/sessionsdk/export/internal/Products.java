package org.sessionsdk.export.internal;

/** The product and vendor names each source is written with (OCSF {@code metadata.product}, ECS {@code observer}). */
enum Products {
    PLESK("plesk", "Plesk", "WebPros"),
    EKRAN("ekran", "Ekran System", "Syteca"),
    SAYMON("saymon", "SAYMON", "SAYMON"),
    SENHASEGURA("senhasegura", "senhasegura", "Segura");

    final String key;
    final String product;
    final String vendor;

    Products(String key, String product, String vendor) {
        this.key = key;
        this.product = product;
        this.vendor = vendor;
    }

    /** The product of a record's {@code vendor}; another name is written as its own product and vendor. */
    static String[] of(String vendorKey) {
        for (Products p : values()) {
            if (p.key.equals(vendorKey)) {
                return new String[] {p.product, p.vendor};
            }
        }
        return new String[] {vendorKey, vendorKey};
    }
}
