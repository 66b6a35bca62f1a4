package org.sessionsdk.plesk.internal.xml;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.sessionsdk.core.internal.xml.SecureXml;

/**
 * Opens a hardened StAX reader over a UTF-8 body, decoding the bytes itself.
 *
 * <p>Why not hand the bytes to StAX: the JDK's parser prints {@code [Fatal Error] ...} to
 * {@code System.err} on every malformed UTF-8 sequence, and no public property turns that off. An
 * SDK must not write to its users' console, so the bytes are decoded here by a strict decoder, whose
 * failure reaches the caller as an exception only. The encoding named in the XML declaration is not
 * consulted: the vendors speak UTF-8, which is what the SDK always assumed. A UTF-8 byte-order mark
 * is skipped. Text comes in chunks, a run of them bounded by {@code SecureXml.reader}'s limit.
 */
public final class Utf8XmlReader {
    private Utf8XmlReader() {
    }

    /** A reader over {@code body}; reads its first bytes at once. */
    public static XMLStreamReader open(InputStream body) throws XMLStreamException {
        InputStreamReader chars = new InputStreamReader(skipByteOrderMark(body), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
        return SecureXml.reader(chars);
    }

    private static InputStream skipByteOrderMark(InputStream in) throws XMLStreamException {
        PushbackInputStream p = new PushbackInputStream(in, 3);
        try {
            byte[] head = new byte[3];
            int n = 0;
            while (n < 3) {
                int r = p.read(head, n, 3 - n);
                if (r < 0) {
                    break;
                }
                n += r;
            }
            boolean bom = n == 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF;
            if (!bom && n > 0) {
                p.unread(head, 0, n);
            }
            return p;
        } catch (IOException e) {
            throw new XMLStreamException(e.getMessage(), e);
        }
    }
}
