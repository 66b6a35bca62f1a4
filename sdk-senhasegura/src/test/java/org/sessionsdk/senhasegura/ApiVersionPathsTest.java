package org.sessionsdk.senhasegura;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sessionsdk.core.error.NotFoundException;
import org.sessionsdk.core.retry.RetryPolicy;
import org.sessionsdk.core.testing.Loopback;

/**
 * Issue 31: the remote-sessions and terminate paths of each documented version found without
 * configuration (the alternatives tried once on the first "not found", the one that answered kept),
 * every documented envelope read, and the explicit paths still fixed.
 */
class ApiVersionPathsTest {
    @RegisterExtension
    static WireMockExtension wm = Loopback.wireMock();

    static final String NEWEST = "/api/session/remotesessions";
    static final String PAM = "/api/pam/session/remotesessions";
    static final String ISO = "/iso/session/remotesessions";
    static final String HASH = "e7acacb6aedbab70073456da5744166939b77527";
    static final String NOT_FOUND = Bodies.errorEnvelope(404, "Resource sub not found", 1);

    /** The newest answer: flat, tenant Segura. */
    static final String SEGURA_FLAT = Bodies.FLAT.replace("\"tenant\":\"senhasegura\"", "\"tenant\":\"Segura\"");

    @BeforeEach
    void token() {
        wm.stubFor(post(urlEqualTo("/iso/oauth2/token")).willReturn(okJson(Bodies.token("tok-1", 3600))));
        // whatever is not stubbed answers as a senhasegura without that route
        wm.stubFor(get(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(404).withBody(NOT_FOUND)));
        wm.stubFor(delete(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(404).withBody(NOT_FOUND)));
    }

    static SenhaseguraClient.Builder builder() {
        return SenhaseguraClient.builder().endpoint(Loopback.endpoint(wm))
                .credentials(SenhaseguraCredentials.oauth2("app", "s3cret")).retryPolicy(RetryPolicy.none());
    }

    static List<Arguments> versions() {
        return List.of(Arguments.of(NEWEST, SEGURA_FLAT), Arguments.of(NEWEST, Bodies.FLAT),
                Arguments.of(PAM, Bodies.FLAT), Arguments.of(PAM, Bodies.SEED_SAMPLE),
                Arguments.of(ISO, Bodies.SEED_SAMPLE), Arguments.of(ISO, Bodies.FLAT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("versions")
    void theListIsFoundAtEachDocumentedPathAndKept(String path, String body) {
        wm.stubFor(get(urlEqualTo(path)).willReturn(okJson(body)));

        try (SenhaseguraClient c = builder().build()) {
            assertThat(c.sessions().list()).containsExactly(Bodies.EXPECTED_3, Bodies.EXPECTED_6);
            assertThat(c.sessions().remoteSessionsPath()).isEqualTo(path);
            assertThat(c.sessions().stream().count()).isEqualTo(2);
        }

        List<String> documented = SenhaseguraClient.REMOTE_SESSIONS_PATHS;
        for (String p : documented.subList(0, documented.indexOf(path))) {
            wm.verify(1, getRequestedFor(urlEqualTo(p))); // tried once, never again
        }
        wm.verify(2, getRequestedFor(urlEqualTo(path)));
    }

    @Test
    void oneSessionIsReadWhereTheListWasFound() {
        wm.stubFor(get(urlEqualTo(ISO)).willReturn(okJson(Bodies.FLAT)));
        wm.stubFor(get(urlEqualTo(ISO + "/3")).willReturn(okJson(Bodies.envelope("remote_session", Bodies.SESSION_3))));

        try (SenhaseguraClient c = builder().build()) {
            c.sessions().list();
            assertThat(c.sessions().get("3")).isEqualTo(Bodies.EXPECTED_3);
        }

        wm.verify(0, getRequestedFor(urlEqualTo(NEWEST + "/3")));
        wm.verify(0, getRequestedFor(urlEqualTo(PAM + "/3")));
    }

    @Test
    void oneSessionFirstFindsThePathForTheList() {
        wm.stubFor(get(urlEqualTo(PAM + "/3")).willReturn(okJson(Bodies.envelope("remote_session", Bodies.SESSION_3))));
        wm.stubFor(get(urlEqualTo(PAM)).willReturn(okJson(Bodies.FLAT)));

        try (SenhaseguraClient c = builder().build()) {
            assertThat(c.sessions().get("3")).isEqualTo(Bodies.EXPECTED_3);
            assertThat(c.sessions().list()).hasSize(2);
        }

        wm.verify(1, getRequestedFor(urlEqualTo(NEWEST + "/3")));
        wm.verify(0, getRequestedFor(urlEqualTo(NEWEST)));
    }

    @Test
    void anEndpointWithABasePathIsDetectedToo() {
        wm.stubFor(post(urlEqualTo("/pam/iso/oauth2/token")).willReturn(okJson(Bodies.token("tok-1", 3600))));
        wm.stubFor(get(urlEqualTo("/pam" + ISO)).willReturn(okJson(Bodies.FLAT)));
        wm.stubFor(delete(urlEqualTo("/pam/iso/session/drop/" + HASH)).willReturn(okJson(
                "{\"code\":200,\"response\":{\"status\":200,\"message\":\"ok\",\"error\":false}}")));

        try (SenhaseguraClient c = SenhaseguraClient.builder().endpoint(Loopback.endpoint(wm).resolve("/pam"))
                .credentials(SenhaseguraCredentials.oauth2("app", "s3cret")).retryPolicy(RetryPolicy.none()).build()) {
            assertThat(c.sessions().list()).hasSize(2);
            assertThat(c.sessions().remoteSessionsPath()).isEqualTo(ISO);
            c.sessions().terminate(HASH);
        }
        wm.verify(0, deleteRequestedFor(urlEqualTo("/pam/api/pam/session/drop/" + HASH)));
    }

    @Test
    void aOneSegmentExplicitPathStillTerminates() {
        wm.stubFor(get(urlEqualTo("/remotesessions")).willReturn(okJson(Bodies.FLAT)));
        wm.stubFor(delete(urlEqualTo("/api/pam/session/drop/" + HASH)).willReturn(okJson(
                "{\"code\":200,\"response\":{\"status\":200,\"message\":\"ok\",\"error\":false}}")));
        try (SenhaseguraClient c = builder().remoteSessionsPath("/remotesessions").build()) {
            assertThat(c.sessions().list()).hasSize(2);
            c.sessions().terminate(HASH);
        }
    }

    @Test
    void nothingAnsweringAnywhereNamesEveryPathTried() {
        try (SenhaseguraClient c = builder().build()) {
            NotFoundException e = catchThrowableOfType(NotFoundException.class, () -> c.sessions().list());
            assertThat(e.details().path()).isEqualTo(NEWEST);
            assertThat(e.vendorMessage()).contains("Resource sub not found");
            assertThat(e.getMessage()).contains(NEWEST).contains(PAM).contains(ISO).contains("remoteSessionsPath");
            // nothing was remembered: the next call tries again
            catchThrowableOfType(NotFoundException.class, () -> c.sessions().list());
        }
        wm.verify(2, getRequestedFor(urlEqualTo(ISO)));
    }

    @Test
    void aNotFoundInsideA200EnvelopeCountsAsNotFoundToo() {
        wm.stubFor(get(urlEqualTo(NEWEST)).willReturn(okJson(NOT_FOUND)));
        wm.stubFor(get(urlEqualTo(PAM)).willReturn(okJson(Bodies.FLAT)));

        try (SenhaseguraClient c = builder().build()) {
            assertThat(c.sessions().list()).hasSize(2);
            assertThat(c.sessions().remoteSessionsPath()).isEqualTo(PAM);
        }
    }

    @Test
    void anExplicitPathIsTheOnlyOneAsked() {
        try (SenhaseguraClient c = builder().remoteSessionsPath(PAM).terminatePath("/iso/session/drop").build()) {
            NotFoundException e = catchThrowableOfType(NotFoundException.class, () -> c.sessions().list());
            assertThat(e.details().path()).isEqualTo(PAM);
            catchThrowableOfType(NotFoundException.class, () -> c.sessions().terminate(HASH));
        }
        wm.verify(0, getRequestedFor(urlEqualTo(NEWEST)));
        wm.verify(0, getRequestedFor(urlEqualTo(ISO)));
        wm.verify(0, deleteRequestedFor(urlEqualTo("/api/pam/session/drop/" + HASH)));
        wm.verify(1, deleteRequestedFor(urlEqualTo("/iso/session/drop/" + HASH)));
    }

    @Test
    void terminateFindsTheOlderDropPathAndKeepsIt() {
        wm.stubFor(delete(urlEqualTo("/iso/session/drop/" + HASH)).willReturn(okJson(
                "{\"code\":200,\"response\":{\"status\":200,\"message\":\"Sessão finalizada com sucesso\","
                        + "\"error\":false,\"mensagem\":\"Sessão finalizada com sucesso\"}}")));

        try (SenhaseguraClient c = builder().build()) {
            c.sessions().terminate(HASH);
            assertThat(c.sessions().terminatePath()).isEqualTo("/iso/session/drop");
            c.sessions().terminate(HASH);
        }

        wm.verify(1, deleteRequestedFor(urlEqualTo("/api/pam/session/drop/" + HASH)));
        wm.verify(2, deleteRequestedFor(urlEqualTo("/iso/session/drop/" + HASH)));
    }

    @Test
    void terminateAsksTheListsFamilyFirst() {
        wm.stubFor(get(urlEqualTo(ISO)).willReturn(okJson(Bodies.FLAT)));
        wm.stubFor(delete(urlEqualTo("/iso/session/drop/" + HASH)).willReturn(okJson(
                "{\"code\":200,\"tenant\":\"Segura\",\"response\":{\"status\":200,\"message\":\"Session dropped successfully\","
                        + "\"error\":false}}")));

        try (SenhaseguraClient c = builder().build()) {
            c.sessions().list();
            c.sessions().terminate(HASH);
        }

        wm.verify(0, deleteRequestedFor(urlEqualTo("/api/pam/session/drop/" + HASH)));
    }

    @Test
    void aSessionEndedAlreadyIsNotFoundAtEveryDropPath() {
        try (SenhaseguraClient c = builder().build()) {
            NotFoundException e = catchThrowableOfType(NotFoundException.class, () -> c.sessions().terminate(HASH));
            assertThat(e.getMessage()).contains("may have ended already").contains("/iso/session/drop")
                    .contains("terminatePath");
        }
    }

    @Test
    void theNewestDropAnswerIsReadToo() {
        wm.stubFor(delete(urlEqualTo("/api/pam/session/drop/" + HASH)).willReturn(okJson(
                "{\"code\":200,\"tenant\":\"Segura\",\"response\":{\"status\":200,\"message\":\"Session dropped successfully\","
                        + "\"error\":false}}")));
        try (SenhaseguraClient c = builder().build()) {
            c.sessions().terminate(HASH);
            assertThat(c.sessions().terminatePath()).isEqualTo("/api/pam/session/drop");
        }
        wm.verify(0, deleteRequestedFor(urlEqualTo("/iso/session/drop/" + HASH)));
    }

    @Test
    void aFailedDropAnswerIsAnErrorNotAnotherPath() {
        wm.stubFor(delete(urlEqualTo("/api/pam/session/drop/" + HASH)).willReturn(okJson(
                "{\"code\":500,\"response\":{\"status\":500,\"message\":\"An error occurred while droping session.\","
                        + "\"error\":true}}")));
        try (SenhaseguraClient c = builder().build()) {
            org.sessionsdk.core.error.ApiException e = catchThrowableOfType(org.sessionsdk.core.error.ApiException.class,
                    () -> c.sessions().terminate(HASH));
            assertThat(e.vendorMessage()).contains("An error occurred while droping session.");
        }
        wm.verify(0, deleteRequestedFor(urlEqualTo("/iso/session/drop/" + HASH)));
    }
}
