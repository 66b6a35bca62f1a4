package org.sessionsdk.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PeekedBodyTest {
    static InputStream body(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void whatThePeekReadIsReplayedBeforeTheRest() throws IOException {
        PeekedBody p = new PeekedBody(body("{\"response\":{}, \"items\":[1,2,3]}"), 1024);
        assertThat(p.stream().readNBytes(12)).asString(StandardCharsets.UTF_8).isEqualTo("{\"response\":");
        assertThat(new String(p.replay().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"response\":{}, \"items\":[1,2,3]}");
    }

    @Test
    void thePeekStopsAtItsLimit() throws IOException {
        PeekedBody p = new PeekedBody(body("0123456789"), 4);
        InputStream s = p.stream();
        assertThat(s.readNBytes(4)).hasSize(4);
        assertThatThrownBy(s::read).isInstanceOf(PeekedBody.LimitReached.class);
        assertThat(new String(p.replay().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("0123456789");
    }

    @Test
    void aBodyThatFailedWhilePeekedFailsTheSameWayWhenRead() throws IOException {
        IOException stall = new java.net.http.HttpTimeoutException("read timed out");
        InputStream failing = new java.io.SequenceInputStream(body("{\"a\":"), new InputStream() {
            @Override
            public int read() throws IOException {
                throw stall;
            }
        });
        PeekedBody p = new PeekedBody(failing, 1024);
        InputStream s = p.stream();
        s.readNBytes(5);
        assertThatThrownBy(s::read).isSameAs(stall);
        InputStream replay = p.replay();
        assertThat(replay.readNBytes(5)).asString(StandardCharsets.UTF_8).isEqualTo("{\"a\":");
        assertThatThrownBy(replay::read).isSameAs(stall);
    }
}
