package org.sessionsdk.core.internal.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.error.ResponseFormatException;

class TextLimitReaderTest {
    private static XMLStreamReader at(String xml, String element, int max) throws XMLStreamException {
        XMLStreamReader r = new TextLimitReader(SecureXml.inputFactory().createXMLStreamReader(new StringReader(xml)), max);
        while (r.next() != XMLStreamConstants.START_ELEMENT || !r.getLocalName().equals(element)) {
            // on to the element
        }
        return r;
    }

    @Test
    void theFactoryDoesNotCoalesceText() throws Exception {
        XMLStreamReader r = at("<a>x<![CDATA[y]]>z</a>", "a", 100);
        r.next();
        assertThat(r.getText()).isEqualTo("x");
        r.next();
        assertThat(r.getText()).isEqualTo("y");
    }

    @Test
    void elementTextJoinsChunksSplitByCdataEntitiesAndComments() throws Exception {
        assertThat(at("<p><a>x<![CDATA[<y>&amp;]]>&amp;&#233;<!-- c --><?pi d?>z</a></p>", "a", 100).getElementText())
                .isEqualTo("x<y>&amp;&\u00e9z");
        assertThat(at("<p><a/></p>", "a", 100).getElementText()).isEmpty();
    }

    @Test
    void aRunUpToTheLimitIsReadAndOneCharacterMoreIsRefusedNamingTheElement() throws Exception {
        assertThat(at("<p><a>12345<![CDATA[678]]>9&amp;</a></p>", "a", 10).getElementText()).isEqualTo("123456789&");
        assertThatThrownBy(() -> at("<p><a>12345<!-- a comment does not end the run --><![CDATA[678]]>9&amp;x</a></p>",
                "a", 10).getElementText())
                .isInstanceOf(ResponseFormatException.class)
                .hasMessageContaining("at most 10 characters in <a>").hasMessageContaining("line 1");
    }

    @Test
    void aTagEndsTheRun() throws Exception {
        XMLStreamReader r = at("<p><a>1234567890</a><b>1234567890</b></p>", "p", 10);
        while (r.hasNext()) {
            r.next();
        }
        XMLStreamReader after = at("<p><a>1234</a>78901</p>", "p", 4);
        assertThatThrownBy(() -> {
            while (after.hasNext()) {
                after.next();
            }
        }).isInstanceOf(ResponseFormatException.class).hasMessageContaining("between two tags");
    }

    @Test
    void nextTagCountsTheWhitespaceItSkips() throws Exception {
        XMLStreamReader r = at("<p>" + " ".repeat(20) + "<a/></p>", "p", 10);
        assertThatThrownBy(r::nextTag).isInstanceOf(ResponseFormatException.class).hasMessageContaining("in <p>");
        assertThat(at("<p>   <a/></p>", "p", 10).nextTag()).isEqualTo(XMLStreamConstants.START_ELEMENT);
    }
}
