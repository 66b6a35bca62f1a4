package org.sessionsdk.testkit;

import java.io.IOException;
import org.sessionsdk.senhasegura.SenhaseguraSession;

/**
 * What differs between senhasegura servers, as one {@link SenhaseguraSimulator} plays it: the API
 * version (paths, tenant, terminate answer), which token request form is accepted (the newest docs: the
 * form body; 3.25: only the Basic header), and whether the single-session answer masks
 * {@code session_id} as the docs' example does.
 */
final class SenhaseguraVariants {
    /** Which forms of the client's id and secret the token endpoint accepts. */
    enum TokenForm { EITHER, BODY_ONLY, BASIC_ONLY }

    volatile SenhaseguraApiVersion version = SenhaseguraApiVersion.ANY;
    volatile TokenForm tokenForm = TokenForm.EITHER;
    volatile boolean maskSingleSessionId;

    /** The documented path of {@code path} this version serves, or null. */
    String listPath(String path) {
        return version.listPaths().stream().filter(p -> path.equals(p) || path.startsWith(p + "/")).findFirst()
                .orElse(null);
    }

    /** The drop path of {@code path} this version serves, or null. */
    String dropPath(String path) {
        return version.dropPaths().stream().filter(p -> path.startsWith(p + "/")).findFirst().orElse(null);
    }

    /** Whether the token endpoint takes the client's id and secret the way they came. */
    boolean acceptsTokenForm(boolean basicHeader) {
        return switch (tokenForm) {
            case EITHER -> true;
            case BODY_ONLY -> !basicHeader;
            case BASIC_ONLY -> basicHeader;
        };
    }

    /** The session as the single-session answer shows it: {@code session_id} masked when asked to. */
    SenhaseguraSession single(SenhaseguraSession s) {
        if (!maskSingleSessionId || s.sessionId() == null || s.sessionId().length() < 17) {
            return s;
        }
        String id = s.sessionId();
        String masked = id.substring(0, 9) + "****..." + id.substring(id.length() - 8);
        return new SenhaseguraSession(s.id(), s.user(), s.originIp(), s.credential(), s.device(), s.protocol(),
                s.proxy(), masked, s.start(), s.end(), s.duration(), s.preventPurge(), s.request(), s.itsm());
    }

    /** The answer to a terminate that ended the session, in this version's words. */
    String dropped() throws IOException {
        boolean pt = version.portuguese();
        String text = pt ? "Sessão finalizada com sucesso" : "Session dropped successfully";
        return SimWire.json(g -> {
            g.writeStartObject();
            g.writeNumberField("code", 200);
            g.writeObjectFieldStart("response");
            g.writeNumberField("status", 200);
            g.writeStringField("message", text);
            g.writeBooleanField("error", false);
            g.writeNumberField("error_code", 0);
            g.writeStringField("detail", "");
            g.writeStringField("mensagem", pt ? text : "");
            g.writeBooleanField("erro", false);
            g.writeNumberField("cod_erro", 0);
            g.writeEndObject();
            if (!pt) {
                g.writeStringField("tenant", version.tenant());
            }
            g.writeEndObject();
        });
    }
}
