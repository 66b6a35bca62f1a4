package org.sessionsdk.testvendor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.sessionsdk.core.client.AttributeKey;
import org.sessionsdk.core.client.CommonSettings;
import org.sessionsdk.core.client.SessionClient;
import org.sessionsdk.core.client.Setting;
import org.sessionsdk.core.client.Settings;
import org.sessionsdk.core.client.AbstractVendorProvider;
import org.sessionsdk.core.config.ClientBuilder;

/** The fake vendor's provider: an endpoint and a token. */
public final class AcmeProvider extends AbstractVendorProvider {
    /** The vendor's name. */
    public static final String NAME = "acme";
    /** The token setting. */
    public static final String TOKEN = "token";

    private static final List<Setting> SETTINGS;

    static {
        List<Setting> s = new ArrayList<>(List.of(CommonSettings.connection().get(0)));
        s.add(Setting.builder(TOKEN, Setting.Type.STRING).required().secret().description("the acme token").build());
        SETTINGS = List.copyOf(s);
    }

    /** For {@link java.util.ServiceLoader}. */
    public AcmeProvider() {
        super(NAME, new Product("Acme Sessions", "Acme"), SETTINGS, true, List.of(), List.of());
    }

    @Override
    public String secretSetting(boolean withLogin) {
        return TOKEN;
    }

    @Override
    public SessionClient open(Settings settings, Consumer<ClientBuilder<?>> customize) {
        return new AcmeClient(settings.uri(CommonSettings.ENDPOINT).orElseThrow(), settings.require(TOKEN));
    }
}
