package org.sessionsdk.plesk.internal;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Stream;
import org.sessionsdk.core.error.ApiException;
import org.sessionsdk.core.error.ResponseFormatException;
import org.sessionsdk.core.error.SdkException;
import org.sessionsdk.core.internal.ApiCaller;
import org.sessionsdk.core.internal.Call;
import org.sessionsdk.core.internal.CallResponse;
import org.sessionsdk.core.error.ErrorDetails;
import org.sessionsdk.plesk.internal.xml.XmlElementStream;
import org.sessionsdk.plesk.wire.ObjectFactory;
import org.sessionsdk.plesk.wire.Packet;
import org.sessionsdk.plesk.wire.ResultStatus;

/**
 * Sends one packet to {@code /enterprise/control/agent.php} and streams the answer: records under
 * {@code packet/<operator>/<operation>/result} are unmarshalled one at a time, a {@code <system>}
 * error or a result with status {@code error} becomes a typed exception, and an answer that is not
 * the one asked for (another operator or operation, a second operation block, no result) is a
 * {@link ResponseFormatException}. Every packet holds exactly one operation, so exactly one
 * operation block is expected back.
 */
public final class PacketExchange {
    public static final String AGENT_PATH = "/enterprise/control/agent.php";
    private static final JAXBContext CONTEXT = context();

    private final ApiCaller caller;
    private volatile Versioning versioning = Versioning.NONE;

    public PacketExchange(ApiCaller caller) {
        this.caller = caller;
    }

    /**
     * Which protocol version a packet goes out in, and what a panel's "unknown operator" (1014) or
     * "unsupported version" (1005) means.
     */
    public interface Versioning {
        /** No version attribute, the panel's errors as they are. */
        Versioning NONE = new Versioning() {
            @Override
            public String versionFor(String operation) {
                return null;
            }

            @Override
            public RuntimeException explain(String operation, ApiException panelError) {
                return panelError;
            }
        };

        /**
         * The {@code version} attribute of a packet of {@code operation}, or null for none.
         *
         * @param operation e.g. {@code session/get}
         * @return the version, or null
         * @throws RuntimeException to refuse the operation before it is sent
         */
        String versionFor(String operation);

        /**
         * What to throw for an error the panel answered {@code operation} with.
         *
         * @param operation  e.g. {@code session/get}
         * @param panelError the panel's error
         * @return the exception to throw
         */
        RuntimeException explain(String operation, ApiException panelError);
    }

    /**
     * Sets how versions are chosen; called once, right after construction, by the client.
     *
     * @param v the versioning
     */
    public void versioning(Versioning v) {
        this.versioning = v;
    }

    private static JAXBContext context() {
        try {
            return JAXBContext.newInstance(ObjectFactory.class);
        } catch (JAXBException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The packet as UTF-8 bytes, with an XML declaration, in the version {@code packet} carries. */
    public byte[] marshal(Packet packet) {
        try {
            Marshaller m = CONTEXT.createMarshaller();
            m.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
            ByteArrayOutputStream out = new ByteArrayOutputStream(256);
            m.marshal(packet, out);
            return out.toByteArray();
        } catch (JAXBException e) {
            throw new SdkException("cannot write the Plesk request packet: " + e.getMessage(), e);
        }
    }

    /**
     * Streams the {@code <element>} records found directly under a {@code <result>}.
     *
     * @param operation  names the call in errors, e.g. {@code "event_log/get_events"}
     * @param idempotent whether the call may be retried
     */
    public <W, T> Stream<T> stream(Packet packet, String operation, boolean idempotent, String element,
                                   Class<W> wireType, Function<W, T> mapper) {
        packet.setVersion(versioning.versionFor(operation));
        CallResponse response = send(packet, operation, idempotent);
        return parse(response, operation, element, wireType, mapper);
    }

    /**
     * {@link #stream} read into a list without a thread waiting for the server: the packet is sent
     * asynchronously and its answer parsed, whole, on the client's async executor.
     *
     * @param packet     the request packet
     * @param operation  {@code operator/operation}, e.g. {@code session/get}
     * @param idempotent whether a retry may send it again
     * @param element    the record element under {@code <result>}
     * @param wireType   its generated class
     * @param mapper     from the wire type to the SDK's record
     * @param <W>        the wire type
     * @param <T>        the record type
     * @return completes with the records, or with the call's exception
     */
    public <W, T> CompletableFuture<List<T>> listAsync(Packet packet, String operation, boolean idempotent,
                                                       String element, Class<W> wireType, Function<W, T> mapper) {
        packet.setVersion(versioning.versionFor(operation));
        return caller.executeAsync(call(packet, operation, idempotent), r -> {
            try (Stream<T> s = parse(r, operation, element, wireType, mapper)) {
                return s.toList();
            }
        });
    }

    private <W, T> Stream<T> parse(CallResponse response, String operation, String element, Class<W> wireType,
                                   Function<W, T> mapper) {
        ResultCheck check = new ResultCheck(operation, response.details(), versioning);
        XmlElementStream<T> s = XmlElementStream.of(CONTEXT, element, wireType, mapper, check.what)
                .at(check.resultPath.toArray(String[]::new))
                .onStart(check::start)
                .onElement("system", ResultStatus.class, (parents, sys) -> check.system(sys))
                .onText("status", check::status)
                .onText("errcode", check::errcode)
                .onText("errtext", check::errtext)
                .onEnd("result", check::endOfResult)
                .onFinish(check::finish)
                .build();
        return s.stream(response.body(), response);
    }

    /** Runs an operation whose result carries nothing but its status. */
    public void execute(Packet packet, String operation, boolean idempotent) {
        try (Stream<Object> s = stream(packet, operation, idempotent, "\u0000none", Object.class, o -> o)) {
            s.forEach(o -> { });
        }
    }

    /** The value of one leaf under {@code <result>} (an id, a key), or null when absent. */
    public <V> V single(Packet packet, String operation, boolean idempotent, String element, Class<V> type) {
        try (Stream<V> s = stream(packet, operation, idempotent, element, type, v -> v)) {
            List<V> all = s.toList();
            return all.isEmpty() ? null : all.get(0);
        }
    }

    private CallResponse send(Packet packet, String operation, boolean idempotent) {
        return caller.execute(call(packet, operation, idempotent));
    }

    private Call call(Packet packet, String operation, boolean idempotent) {
        return Call.post(AGENT_PATH).operation(operation).body(marshal(packet), "text/xml; charset=UTF-8")
                .idempotent(idempotent).build();
    }

    /**
     * Watches the answer while the records stream past: that its envelope is
     * {@code packet/<operator>/<operation>} of the request, once, and the status of each result in it.
     */
    private static final class ResultCheck {
        private final String operation;
        private final ErrorDetails answer;
        private final Versioning versioning;
        private final String what;
        /** packet, operator, operation: the one block the answer must hold. */
        private final List<String> operationPath;
        /** packet, operator, operation, result: where records and statuses live. */
        private final List<String> resultPath;
        private final int[] blocksAtDepth = new int[2];
        private String status;
        private Long errcode;
        private String errtext;
        private int results;

        ResultCheck(String operation, ErrorDetails answer, Versioning versioning) {
            this.operation = operation;
            this.answer = answer;
            this.versioning = versioning;
            this.what = "Plesk " + operation + " response";
            String[] parts = operation.split("/", 2);
            this.operationPath = List.of("packet", parts[0], parts[1]);
            this.resultPath = List.of("packet", parts[0], parts[1], "result");
        }

        /** Fails at the first element of the envelope that is not the expected one. */
        void start(List<String> parents, String name) {
            int depth = parents.size();
            if (depth >= operationPath.size()) {
                return;
            }
            if (!name.equals(operationPath.get(depth))) {
                throw wrongAnswer(join(parents, name));
            }
            if (depth > 0 && ++blocksAtDepth[depth - 1] > 1) {
                throw new ResponseFormatException("one <" + name + "> block answering " + operation,
                        "a second " + join(parents, name), what);
            }
        }

        private ResponseFormatException wrongAnswer(String found) {
            return new ResponseFormatException("the <result> of " + operation + " (" + String.join("/", resultPath) + ")",
                    found, what);
        }

        void system(ResultStatus sys) {
            throw versioning.explain(operation,
                    PleskErrors.fromPacket(answer, operation, sys.getErrcode() == null ? 0 : sys.getErrcode(), sys.getErrtext()));
        }

        void status(List<String> parents, String text) {
            if (parents.equals(resultPath)) {
                status = text.trim();
            }
        }

        void errcode(List<String> parents, String text) {
            if (parents.equals(resultPath)) {
                try {
                    errcode = Long.parseLong(text.trim());
                } catch (NumberFormatException e) {
                    throw new ResponseFormatException("a number in <errcode>", "\"" + text + "\"", operation);
                }
            }
        }

        void errtext(List<String> parents, String text) {
            if (parents.equals(resultPath)) {
                errtext = text;
            }
        }

        void endOfResult(List<String> parents) {
            if (!parents.equals(operationPath)) {
                return; // a <result> inside a record is the record's business
            }
            results++;
            if (status == null) {
                throw new ResponseFormatException("<status> in <result>", "none", what);
            }
            if (!"ok".equals(status)) {
                throw versioning.explain(operation, PleskErrors.fromPacket(answer, operation, errcode == null ? 0 : errcode, errtext));
            }
            status = null;
            errcode = null;
            errtext = null;
        }

        void finish() {
            if (blocksAtDepth[1] == 0) {
                throw wrongAnswer("no " + String.join("/", operationPath));
            }
            if (results == 0) {
                throw new ResponseFormatException("a <result> in the Plesk " + operation + " response", "none", what);
            }
        }

        private static String join(List<String> parents, String name) {
            return parents.isEmpty() ? name : String.join("/", parents) + "/" + name;
        }
    }
}
