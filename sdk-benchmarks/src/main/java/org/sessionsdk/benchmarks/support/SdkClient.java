package org.sessionsdk.benchmarks.support;

import java.net.URI;
import java.util.stream.Stream;
import org.sessionsdk.core.http.HttpTransport;
import org.sessionsdk.ekran.EkranClient;
import org.sessionsdk.ekran.EkranCredentials;
import org.sessionsdk.ekran.EkranSessionQuery;
import org.sessionsdk.plesk.PleskClient;
import org.sessionsdk.plesk.PleskCredentials;
import org.sessionsdk.plesk.PleskEventQuery;
import org.sessionsdk.saymon.SaymonClient;
import org.sessionsdk.saymon.SaymonCredentials;
import org.sessionsdk.saymon.SaymonSessionQuery;
import org.sessionsdk.senhasegura.SenhaseguraClient;
import org.sessionsdk.senhasegura.SenhaseguraCredentials;

/** One vendor client built the way a user builds it, and the list call each benchmark streams. */
public final class SdkClient implements AutoCloseable {
    /** An endpoint never contacted (requests go to a plugged-in transport). */
    public static final URI UNUSED_ENDPOINT = URI.create("http://127.0.0.1:9");

    private final Vendor vendor;
    private final AutoCloseable client;

    private SdkClient(Vendor vendor, AutoCloseable client) {
        this.vendor = vendor;
        this.client = client;
    }

    /** A client for {@code endpoint}; with {@code transport} non-null, requests go there instead of the network. */
    public static SdkClient create(Vendor vendor, URI endpoint, HttpTransport transport) {
        AutoCloseable c = switch (vendor) {
            case PLESK -> {
                PleskClient.Builder b = PleskClient.builder().endpoint(endpoint)
                        .credentials(PleskCredentials.secretKey("bench-secret-key"));
                yield (transport == null ? b : b.transport(transport)).build();
            }
            case EKRAN -> {
                EkranClient.Builder b = EkranClient.builder().endpoint(endpoint)
                        .credentials(EkranCredentials.apiKey("bench-api-key"));
                yield (transport == null ? b : b.transport(transport)).build();
            }
            case SAYMON -> {
                SaymonClient.Builder b = SaymonClient.builder().endpoint(endpoint)
                        .credentials(SaymonCredentials.basic("bench", "bench-password"));
                yield (transport == null ? b : b.transport(transport)).build();
            }
            case SENHASEGURA -> {
                SenhaseguraClient.Builder b = SenhaseguraClient.builder().endpoint(endpoint)
                        .credentials(SenhaseguraCredentials.oauth2("bench-client", "bench-secret"));
                yield (transport == null ? b : b.transport(transport)).build();
            }
        };
        return new SdkClient(vendor, c);
    }

    public Vendor vendor() {
        return vendor;
    }

    /**
     * The public streaming call: Plesk {@code eventLog().stream(all)}, Ekran {@code sessions().stream(all)},
     * SAYMON {@code sessions().stream(pageSize)}, senhasegura {@code sessions().stream()}.
     *
     * @param saymonPageSize records per SAYMON request
     * @param saymonLimit    cap on SAYMON records (stops paging at the cap), or 0 for none
     */
    public Stream<?> stream(int saymonPageSize, int saymonLimit) {
        return switch (vendor) {
            case PLESK -> ((PleskClient) client).eventLog().stream(PleskEventQuery.all());
            case EKRAN -> ((EkranClient) client).sessions().stream(EkranSessionQuery.all());
            case SAYMON -> {
                SaymonSessionQuery.Builder q = SaymonSessionQuery.builder().pageSize(saymonPageSize);
                if (saymonLimit > 0) {
                    q.limit(saymonLimit);
                }
                yield ((SaymonClient) client).sessions().stream(q.build());
            }
            case SENHASEGURA -> ((SenhaseguraClient) client).sessions().stream();
        };
    }

    /**
     * The session list a feed of this vendor reads, as one call: Plesk {@code sessions().list()}, Ekran
     * {@code sessions().list(all)}, SAYMON {@code sessions().list(default query)}, senhasegura
     * {@code sessions().list()}.
     */
    public java.util.List<?> list() {
        return switch (vendor) {
            case PLESK -> ((PleskClient) client).sessions().list();
            case EKRAN -> ((EkranClient) client).sessions().list(EkranSessionQuery.all());
            case SAYMON -> ((SaymonClient) client).sessions().list(SaymonSessionQuery.builder().build());
            case SENHASEGURA -> ((SenhaseguraClient) client).sessions().list();
        };
    }

    /** {@return the client's session feed} */
    public org.sessionsdk.core.feed.Feed<org.sessionsdk.core.feed.SessionChange> sessionFeed(
            org.sessionsdk.core.feed.FeedOptions options) {
        return ((org.sessionsdk.core.session.SessionSource) client).sessionFeed(options);
    }

    @Override
    public void close() throws Exception {
        client.close();
    }
}
