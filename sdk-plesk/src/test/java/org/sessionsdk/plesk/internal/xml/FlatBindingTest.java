package org.sessionsdk.plesk.internal.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.error.ResponseFormatException;

class FlatBindingTest {
    /** Shaped as XJC generates a flat type: fields, one public setter each. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class Rec {
        protected long id;
        @XmlElement(name = "class", nillable = true)
        protected String clazz;
        @XmlElement(name = "obj-id")
        protected String objId;
        protected Long errcode;
        protected Integer count;
        protected BigInteger big;

        public void setId(long v) {
            id = v;
        }

        public void setClazz(String v) {
            clazz = v;
        }

        public void setObjId(String v) {
            objId = v;
        }

        public void setErrcode(Long v) {
            errcode = v;
        }

        public void setCount(Integer v) {
            count = v;
        }

        public void setBig(BigInteger v) {
            big = v;
        }

        List<Object> values() {
            return java.util.Arrays.asList(id, clazz, objId, errcode, count, big);
        }
    }

    /** An attribute makes a type JAXB's. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class WithAttribute {
        @XmlAttribute
        protected String kind;

        public void setKind(String v) {
            kind = v;
        }
    }

    /** So does a field of a type FlatBinding does not convert. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class WithBoolean {
        protected Boolean flag;

        public void setFlag(Boolean v) {
            flag = v;
        }
    }

    private static final JAXBContext CTX = context();

    private static JAXBContext context() {
        try {
            return JAXBContext.newInstance(Rec.class, WithAttribute.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static <W> List<W> read(Class<W> type, String records) {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><packet><result>" + records + "</result></packet>";
        try (Stream<W> s = XmlElementStream.of(CTX, "rec", type, (W w) -> w, "test list").build()
                .stream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), () -> { })) {
            return s.toList();
        }
    }

    private static Rec jaxb(String rec) throws Exception {
        var r = Utf8XmlReader.open(new ByteArrayInputStream(rec.getBytes(StandardCharsets.UTF_8)));
        r.nextTag();
        var u = CTX.createUnmarshaller();
        u.setEventHandler(event -> event.getLinkedException() == null
                && event.getSeverity() != jakarta.xml.bind.ValidationEvent.FATAL_ERROR);
        return u.unmarshal(r, Rec.class).getValue();
    }

    @Test
    void flatGeneratedTypesAreEligibleAndRicherOnesAreNot() {
        assertThat(FlatBinding.of(Rec.class)).isNotNull();
        assertThat(FlatBinding.of(String.class)).isNotNull();
        assertThat(FlatBinding.of(Long.class)).isNotNull();
        assertThat(FlatBinding.of(WithAttribute.class)).isNull();
        assertThat(FlatBinding.of(Object.class)).isNull();
        assertThat(FlatBinding.of(WithBoolean.class)).isNull();
        assertThat(FlatBinding.of(XmlElementStreamTest.Ev.class)).as("no setters").isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<rec><id>17</id><class>client</class><obj-id>o-1</obj-id><errcode>1013</errcode><count>3</count>"
                + "<big>123456789012345678901234567890</big></rec>",
        "<rec><id> 17\n</id><class>  spaced  </class><count>\t-4 </count></rec>",
        "<rec/>",
        "<rec><class></class><obj-id/></rec>",
        "<rec><unknown>x</unknown><nested><deep><id>99</id></deep></nested><id>5</id></rec>",
        "<rec><id>1</id><id>2</id><class>first</class><class>last</class></rec>",
        "<rec><class>a<![CDATA[<b>&amp;]]>c</class><obj-id>x<!-- note -->y</obj-id></rec>",
        "<rec><class>a&amp;b&lt;c&#233;</class></rec>",
        "<rec><class>caf\u00e9 \uD83D\uDE00</class></rec>",
        "<rec><class>a<i>ignored</i>b</class></rec>",
        "<rec xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><class xsi:nil=\"true\"/><obj-id xsi:nil=\"1\">x</obj-id>"
                + "<count xsi:nil=\"false\">2</count></rec>",
        "<rec><class x=\"1\">attributes of a leaf are ignored</class></rec>",
    })
    void readsWhatJaxbReads(String rec) throws Exception {
        Rec expected = jaxb(rec);
        assertThat(read(Rec.class, rec)).singleElement().satisfies(got ->
                assertThat(got.values()).isEqualTo(expected.values()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"<rec><id>abc</id></rec>", "<rec><id></id></rec>", "<rec><id>99999999999999999999</id></rec>",
        "<rec><errcode>1.5</errcode></rec>",
        "<rec xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><errcode xsi:nil=\"true\"/></rec>",
        "<rec xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><id xsi:nil=\"true\"/></rec>", "<rec><big>x</big></rec>"})
    void valuesThatDoNotParseAreFormatErrorsAsWithTheSdksJaxb(String rec) {
        assertThat(catchThrowable(() -> jaxb(rec))).as("JAXB as the SDK configures it").isNotNull();
        assertThatThrownBy(() -> read(Rec.class, rec)).isInstanceOf(ResponseFormatException.class)
                .hasMessageContaining("a valid value in <").hasMessageContaining("test list");
    }

    @Test
    void singleTextElementsReadAsStringsAndNumbers() {
        assertThat(read(String.class, "<rec> key-1 </rec>")).containsExactly(" key-1 ");
        assertThat(read(Long.class, "<rec> 177 </rec><rec>-1</rec>")).containsExactly(177L, -1L);
    }

    @Test
    void anOversizedLeafIsRefused() {
        String huge = "a".repeat(FlatBinding.MAX_LEAF + 1);
        assertThatThrownBy(() -> read(Rec.class, "<rec><class>" + huge + "</class></rec>"))
                .isInstanceOf(ResponseFormatException.class).hasMessageContaining("characters in <class>");
        assertThat(read(Rec.class, "<rec><class>" + "a".repeat(FlatBinding.MAX_LEAF) + "</class></rec>"))
                .singleElement().satisfies(r -> assertThat(r.clazz).hasSize(FlatBinding.MAX_LEAF));
    }

    @Test
    void aRecordCutOffIsAFormatError() {
        String xml = "<packet><result><rec><id>1</id><class>cli";
        assertThatThrownBy(() -> XmlElementStream.of(CTX, "rec", Rec.class, (Rec r) -> r, "test list").build()
                .list(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), () -> { }))
                .isInstanceOf(ResponseFormatException.class);
    }

    @Test
    void bytesThatAreNotUtf8AreAFormatErrorAndNothingIsPrinted() {
        byte[] xml = "<packet><result><rec><class>caf\u00e9</class></rec></result></packet>".getBytes(StandardCharsets.UTF_8);
        int at = indexOf(xml, (byte) 0xC3);
        xml[at + 1] = 0x28; // 0xC3 0x28 is not UTF-8
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Throwable thrown;
        byte[] body = xml;
        try {
            System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
            thrown = catchThrowable(() -> XmlElementStream.of(CTX, "rec", Rec.class, (Rec r) -> r, "test list").build()
                    .list(new ByteArrayInputStream(body), () -> { }));
        } finally {
            System.setErr(err);
        }
        assertThat(thrown).isInstanceOf(ResponseFormatException.class).hasMessageContaining("not UTF-8");
        assertThat(printed.toString(StandardCharsets.UTF_8)).as("written to System.err").isEmpty();
    }

    @Test
    void aByteOrderMarkIsSkipped() {
        byte[] xml = ("\uFEFF<?xml version=\"1.0\" encoding=\"UTF-8\"?><packet><result><rec><id>4</id></rec></result></packet>")
                .getBytes(StandardCharsets.UTF_8);
        List<Rec> got = XmlElementStream.of(CTX, "rec", Rec.class, (Rec r) -> r, "test list").build()
                .list(new ByteArrayInputStream(xml), () -> { });
        assertThat(got).singleElement().satisfies(r -> assertThat(r.id).isEqualTo(4));
    }

    private static int indexOf(byte[] b, byte v) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == v) {
                return i;
            }
        }
        throw new AssertionError(Objects.toString(v));
    }
}
