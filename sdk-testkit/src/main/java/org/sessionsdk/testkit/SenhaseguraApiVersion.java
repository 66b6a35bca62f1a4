package org.sessionsdk.testkit;

import java.util.List;

/**
 * Which senhasegura (Segura) version a {@link SenhaseguraSimulator} plays
 * ({@link SenhaseguraSimulator#withApiVersion}): where the remote sessions and the terminate call live,
 * the list's {@code tenant}, and the language of the terminate answer. The default, {@link #ANY},
 * answers at every documented path.
 */
public enum SenhaseguraApiVersion {
    /** Every documented path answers (the simulator's default); the tenant {@code senhasegura}. */
    ANY(List.of("/api/session/remotesessions", "/api/pam/session/remotesessions", "/iso/session/remotesessions"),
            List.of("/api/pam/session/drop", "/iso/session/drop"), "senhasegura", false),
    /** The newest docs: {@code /api/session/remotesessions}, tenant {@code Segura}, "Session dropped successfully". */
    NEWEST(List.of("/api/session/remotesessions"), List.of("/api/pam/session/drop"), "Segura", false),
    /** The {@code /api/pam} version: {@code /api/pam/session/remotesessions}, Portuguese terminate answers. */
    PAM(List.of("/api/pam/session/remotesessions"), List.of("/api/pam/session/drop"), "senhasegura", true),
    /** The {@code /iso} version: {@code /iso/session/remotesessions} and {@code /iso/session/drop}, Portuguese answers. */
    ISO(List.of("/iso/session/remotesessions"), List.of("/iso/session/drop"), "senhasegura", true);

    private final List<String> listPaths;
    private final List<String> dropPaths;
    private final String tenant;
    private final boolean portuguese;

    SenhaseguraApiVersion(List<String> listPaths, List<String> dropPaths, String tenant, boolean portuguese) {
        this.listPaths = listPaths;
        this.dropPaths = dropPaths;
        this.tenant = tenant;
        this.portuguese = portuguese;
    }

    /** {@return where this version lists remote sessions (and reads one at {@code {path}/{id}})} */
    public List<String> listPaths() {
        return listPaths;
    }

    /** {@return where this version ends sessions: {@code DELETE {path}/{session_id}}} */
    public List<String> dropPaths() {
        return dropPaths;
    }

    /** {@return the list's {@code tenant}} */
    public String tenant() {
        return tenant;
    }

    /** {@return whether the terminate answer is in Portuguese ({@code message} and {@code mensagem})} */
    boolean portuguese() {
        return portuguese;
    }
}
