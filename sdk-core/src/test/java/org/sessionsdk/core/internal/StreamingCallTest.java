package org.sessionsdk.core.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sessionsdk.core.auth.HeaderAuth;
import org.sessionsdk.core.auth.Secret;
import org.sessionsdk.core.config.ClientConfig;
import org.sessionsdk.core.http.SdkHttpResponse;
import org.sessionsdk.core.internal.json.JsonArrayStream;
import org.sessionsdk.core.testing.Loopback;

class StreamingCallTest {
    @RegisterExtension
    static WireMockExtension wm = Loopback.wireMock();

    record Item(int id, String name) {
    }

    private ClientRuntime runtime;

    @BeforeEach
    void setUp() {
        runtime = new ClientRuntime(new org.sessionsdk.core.testing.TestConfig().endpoint(Loopback.endpoint(wm)).build(), "test");
    }

    @AfterEach
    void tearDown() {
        runtime.close();
    }

    @Test
    void getsAndStreamsAJsonArrayWithQueryAndAuth() {
        wm.stubFor(get(urlPathEqualTo("/api/items")).willReturn(aResponse().withStatus(200)
                .withBody("[{\"id\":1,\"name\":\"a\",\"extra\":{\"x\":[1,2]}},{\"id\":\"2\",\"name\":null}]")));
        ApiCaller caller = runtime.caller(HeaderAuth.apiKey("ApiKey", Secret.of("k&y=1")), ErrorDecoder.byStatus());
        JsonArrayStream<Item> items = JsonArrayStream.of("items", o -> new Item(o.int32("id"), o.string("name"))).build();

        CallResponse r = caller.execute(Call.get("/api/items").query("start", "2021-04-01T12:00:00").query("skip", null).build());
        List<Item> got;
        try (Stream<Item> s = items.stream(r.body(), r)) {
            got = s.toList();
        }

        assertThat(got).containsExactly(new Item(1, "a"), new Item(2, null));
        wm.verify(getRequestedFor(urlPathEqualTo("/api/items"))
                .withQueryParam("start", com.github.tomakehurst.wiremock.client.WireMock.equalTo("2021-04-01T12:00:00"))
                .withoutQueryParam("skip")
                .withHeader("ApiKey", com.github.tomakehurst.wiremock.client.WireMock.equalTo("k&y=1"))
                .withHeader("User-Agent", com.github.tomakehurst.wiremock.client.WireMock.matching("sessionsdk/\\S+ java/" + Runtime.version().feature() + "\\b.*")));
    }
}
