package org.sessionsdk.plesk;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.sessionsdk.core.error.ResponseFormatException;
import org.sessionsdk.core.internal.ClientRuntime;
import org.sessionsdk.plesk.internal.PacketExchange;
import org.sessionsdk.plesk.wire.Packet;
import org.sessionsdk.plesk.wire.SecretKeyCreate;
import org.sessionsdk.plesk.wire.SecretKeyFilterHolder;
import org.sessionsdk.plesk.wire.SecretKeyInfo;
import org.sessionsdk.plesk.wire.SecretKeyRequest;

/** Secret keys: how an application gets key-based access instead of a password. */
public final class PleskSecretKeys {
    private final PacketExchange exchange;
    private final ClientRuntime runtime;

    PleskSecretKeys(PacketExchange exchange, ClientRuntime runtime) {
        this.exchange = exchange;
        this.runtime = runtime;
    }

    /**
     * Creates a key ({@code secret_key/create}) and returns it. Never retried.
     *
     * @param request what the key is bound to
     * @return the new key
     */
    public String create(PleskSecretKeyRequest request) {
        SecretKeyCreate c = new SecretKeyCreate();
        c.setIpAddress(request.ipAddress());
        c.setDescription(request.description());
        c.setLogin(request.login());
        SecretKeyRequest op = new SecretKeyRequest();
        op.setCreate(c);
        String key = exchange.single(packet(op), "secret_key/create", false, "key", String.class);
        if (key == null || key.isBlank()) {
            throw new ResponseFormatException("a <key> in the result", "none", "Plesk secret_key/create response");
        }
        return key.trim();
    }

    /** {@return every key the credentials may see ({@code secret_key/get_info} with an empty filter); unmodifiable} */
    public List<PleskSecretKey> list() {
        try (Stream<PleskSecretKey> s = stream()) {
            return s.toList();
        }
    }

    /**
     * Every key the credentials may see, parsed as they arrive; close the stream.
     *
     * @return the keys, lazily
     */
    public Stream<PleskSecretKey> stream() {
        return exchange.stream(getInfo(), "secret_key/get_info", true, "key_info", SecretKeyInfo.class,
                PleskSecretKeys::key);
    }

    private static Packet getInfo() {
        SecretKeyRequest op = new SecretKeyRequest();
        SecretKeyFilterHolder h = new SecretKeyFilterHolder();
        h.setFilter(new SecretKeyFilterHolder.Filter());
        op.setGetInfo(h);
        return packet(op);
    }

    private static PleskSecretKey key(SecretKeyInfo k) {
        return new PleskSecretKey(k.getKey(), k.getIpAddress(), k.getDescription(), k.getLogin());
    }

    /**
     * {@link #list()} without a thread waiting for the server; completes on the client's async executor.
     *
     * @return completes with the keys, or with the call's exception
     */
    public CompletableFuture<List<PleskSecretKey>> listAsync() {
        return exchange.listAsync(getInfo(), "secret_key/get_info", true, "key_info", SecretKeyInfo.class,
                PleskSecretKeys::key);
    }

    /**
     * Deletes a key ({@code secret_key/delete}). Never retried.
     *
     * @param key the key to delete
     */
    public void delete(String key) {
        Objects.requireNonNull(key, "key");
        SecretKeyFilterHolder h = new SecretKeyFilterHolder();
        SecretKeyFilterHolder.Filter f = new SecretKeyFilterHolder.Filter();
        f.getKey().add(key);
        h.setFilter(f);
        SecretKeyRequest op = new SecretKeyRequest();
        op.setDelete(h);
        exchange.execute(packet(op), "secret_key/delete", false);
    }

    private static Packet packet(SecretKeyRequest op) {
        Packet p = new Packet();
        p.setSecretKey(op);
        return p;
    }
}
