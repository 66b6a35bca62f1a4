package org.sessionsdk.core.internal.xml;

import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;
import org.sessionsdk.core.error.ResponseFormatException;

/**
 * A StAX reader that refuses a run of text longer than a limit, counted chunk by chunk as the parser
 * hands it out. Why: the SDK's parser does not coalesce text (see {@link SecureXml}), so one huge
 * text node arrives as many small events; whoever joins them (the SDK's own loops,
 * {@link #getElementText()}, JAXB) would otherwise buffer a hostile or broken server's gigabyte
 * node whole. A run is the text between two tags; comments and processing instructions inside it
 * do not end it. The error names the element the text is in.
 */
public final class TextLimitReader extends StreamReaderDelegate {
    /** The default limit: no field of a session or event record comes near a million characters. */
    public static final int MAX_TEXT = 1024 * 1024;

    private final int max;
    private long run;
    /** The element the run is in, for the message; null after an end tag. */
    private String element;

    /**
     * Wraps a reader.
     *
     * @param reader the parser's reader
     * @param max    the most characters of text one run may hold
     */
    public TextLimitReader(XMLStreamReader reader, int max) {
        super(reader);
        this.max = max;
    }

    /**
     * {@inheritDoc}
     *
     * @throws ResponseFormatException if this event makes the current run of text longer than the limit
     */
    @Override
    public int next() throws XMLStreamException {
        int ev = super.next();
        switch (ev) {
            case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                run += getTextLength();
                if (run > max) {
                    throw tooLong(getLocation());
                }
            }
            case XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION -> {
                // inside a run: getElementText and JAXB join the text around them
            }
            case XMLStreamConstants.START_ELEMENT -> {
                run = 0;
                element = getLocalName();
            }
            default -> {
                run = 0;
                element = null;
            }
        }
        return ev;
    }

    @Override
    public int nextTag() throws XMLStreamException {
        // through next(), so that the text it skips is counted too
        int ev = next();
        while (ev == XMLStreamConstants.CHARACTERS && isWhiteSpace() || ev == XMLStreamConstants.CDATA && isWhiteSpace()
                || ev == XMLStreamConstants.SPACE || ev == XMLStreamConstants.COMMENT
                || ev == XMLStreamConstants.PROCESSING_INSTRUCTION) {
            ev = next();
        }
        if (ev != XMLStreamConstants.START_ELEMENT && ev != XMLStreamConstants.END_ELEMENT) {
            throw new XMLStreamException("expected a start or end tag", getLocation());
        }
        return ev;
    }

    /**
     * The text of a text-only element, joined from its chunks through {@link #next()}, so bounded by
     * the limit (the parser's own would join them unbounded).
     *
     * @throws ResponseFormatException if the text is longer than the limit
     */
    @Override
    public String getElementText() throws XMLStreamException {
        if (getEventType() != XMLStreamConstants.START_ELEMENT) {
            throw new XMLStreamException("not at a start tag", getLocation());
        }
        TextChunks text = new TextChunks();
        while (true) {
            int ev = next();
            switch (ev) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE,
                        XMLStreamConstants.ENTITY_REFERENCE -> text.add(getText());
                case XMLStreamConstants.END_ELEMENT -> {
                    return text.text();
                }
                case XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION -> {
                    // no text
                }
                case XMLStreamConstants.END_DOCUMENT ->
                        throw new XMLStreamException("end of document inside a text element", getLocation());
                default -> throw new XMLStreamException("a text-only element holds an element", getLocation());
            }
        }
    }

    private ResponseFormatException tooLong(Location at) {
        String in = element == null ? "between two tags" : "in <" + element + ">";
        return new ResponseFormatException("at most " + max + " characters " + in, "a longer text", at == null ? null : "line " + at.getLineNumber() + ", column " + at.getColumnNumber());
    }
}
