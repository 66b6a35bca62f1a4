/**
 * The core of the session-audit SDK: the HTTP transport SPI, client configuration, credentials and
 * auth, retries, paging, the error hierarchy and the unified {@code SessionRecord} / {@code SessionSource}
 * model that every vendor module implements.
 *
 * <p>Only the packages below are API. {@code org.sessionsdk.core.internal} and its subpackages (the
 * request pipeline, the JSON and StAX streamers) are exported only to the SDK's own modules: an
 * application cannot compile against them and gets an {@link IllegalAccessException} reflecting into
 * them. No Jakarta XML Binding here: only {@code org.sessionsdk.plesk} needs it and brings it.
 */
module org.sessionsdk.core {
    requires java.net.http;
    requires java.xml;
    requires com.fasterxml.jackson.core;
    requires org.slf4j;

    exports org.sessionsdk.core.audit;
    exports org.sessionsdk.core.client;
    exports org.sessionsdk.core.auth;
    exports org.sessionsdk.core.feed;
    exports org.sessionsdk.core.config;
    exports org.sessionsdk.core.error;
    exports org.sessionsdk.core.http;
    exports org.sessionsdk.core.observe;
    exports org.sessionsdk.core.retry;
    exports org.sessionsdk.core.session;

    uses org.sessionsdk.core.client.VendorProvider;

    exports org.sessionsdk.core.internal to
            org.sessionsdk.plesk, org.sessionsdk.ekran, org.sessionsdk.saymon, org.sessionsdk.senhasegura,
            org.sessionsdk.testkit;
    exports org.sessionsdk.core.internal.feed to
            org.sessionsdk.plesk, org.sessionsdk.ekran, org.sessionsdk.saymon, org.sessionsdk.senhasegura;
    exports org.sessionsdk.core.internal.pipeline to
            org.sessionsdk.senhasegura;
    exports org.sessionsdk.core.internal.auth to
            org.sessionsdk.plesk, org.sessionsdk.ekran, org.sessionsdk.saymon, org.sessionsdk.senhasegura;
    exports org.sessionsdk.core.internal.paging to
            org.sessionsdk.ekran, org.sessionsdk.saymon;
    exports org.sessionsdk.core.internal.json to
            org.sessionsdk.ekran, org.sessionsdk.saymon, org.sessionsdk.senhasegura;
    exports org.sessionsdk.core.internal.time to
            org.sessionsdk.plesk, org.sessionsdk.ekran, org.sessionsdk.senhasegura;
    exports org.sessionsdk.core.internal.xml to
            org.sessionsdk.plesk, org.sessionsdk.testkit;
}
