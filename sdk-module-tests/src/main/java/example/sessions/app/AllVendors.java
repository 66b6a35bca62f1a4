package example.sessions.app;

import java.net.URI;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.sessionsdk.core.session.SessionRecord;
import org.sessionsdk.core.session.SessionSource;
import org.sessionsdk.core.session.TimeRange;
import org.sessionsdk.ekran.EkranClient;
import org.sessionsdk.ekran.EkranCredentials;
import org.sessionsdk.plesk.PleskClient;
import org.sessionsdk.plesk.PleskCredentials;
import org.sessionsdk.saymon.SaymonClient;
import org.sessionsdk.saymon.SaymonCredentials;
import org.sessionsdk.senhasegura.SenhaseguraClient;
import org.sessionsdk.senhasegura.SenhaseguraCredentials;

/** What a user's code does with the SDK, written only against exported packages. */
public final class AllVendors {
    private AllVendors() {
    }

    /**
     * A Plesk client, as the README builds one.
     *
     * @param endpoint the panel
     * @param secretKey the secret key
     * @return the client; close it
     */
    public static PleskClient plesk(URI endpoint, String secretKey) {
        return PleskClient.builder().endpoint(endpoint).credentials(PleskCredentials.secretKey(secretKey)).build();
    }

    /**
     * An Ekran System client.
     *
     * @param endpoint the server
     * @param apiKey the API key
     * @param zone the server's zone
     * @return the client; close it
     */
    public static EkranClient ekran(URI endpoint, String apiKey, ZoneId zone) {
        return EkranClient.builder().endpoint(endpoint).credentials(EkranCredentials.apiKey(apiKey))
                .serverZone(zone).build();
    }

    /**
     * A SAYMON client.
     *
     * @param endpoint the server
     * @param login the login
     * @param password the password
     * @return the client; close it
     */
    public static SaymonClient saymon(URI endpoint, String login, String password) {
        return SaymonClient.builder().endpoint(endpoint).credentials(SaymonCredentials.basic(login, password)).build();
    }

    /**
     * A senhasegura client with OAuth 2 client credentials.
     *
     * @param endpoint the server
     * @param clientId the client id
     * @param clientSecret the client secret
     * @param zone the server's zone
     * @return the client; close it
     */
    public static SenhaseguraClient senhasegura(URI endpoint, String clientId, String clientSecret, ZoneId zone) {
        return SenhaseguraClient.builder().endpoint(endpoint)
                .credentials(SenhaseguraCredentials.oauth2(clientId, clientSecret)).serverZone(zone).build();
    }

    /**
     * The unified view over any number of vendors.
     *
     * @param range the sessions to return
     * @param sources the clients
     * @return every source's sessions overlapping {@code range}
     */
    public static List<SessionRecord> sessionRecords(TimeRange range, SessionSource... sources) {
        List<SessionRecord> all = new ArrayList<>();
        for (SessionSource s : sources) {
            try (Stream<SessionRecord> records = s.sessionRecords(range)) {
                records.forEach(all::add);
            }
        }
        return all;
    }
}
