package org.sessionsdk.testkit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import static org.sessionsdk.testkit.PleskPacket.error;
import static org.sessionsdk.testkit.PleskPacket.ok;
import static org.sessionsdk.testkit.PleskPacket.system;

/**
 * {@link PleskSimulator}'s auth, in one place: the credentials a packet comes with (a secret key in
 * {@code KEY}, or {@code HTTP_AUTH_LOGIN}/{@code HTTP_AUTH_PASSWD}), and the panel's secret keys
 * ({@code secret_key/create}, {@code get_info}, {@code delete}), the client's own key first.
 */
final class PleskKeys {
    private final PleskSimulator sim;
    /** The panel's secret keys, {@link PleskSimulator#SECRET_KEY} first, in the order they were made. */
    private final Map<String, String[]> keys = Collections.synchronizedMap(new LinkedHashMap<>());
    private final AtomicInteger created = new AtomicInteger();

    PleskKeys(PleskSimulator sim) {
        this.sim = sim;
        // the key the client signs in with is one of the panel's keys: listed, and revoked by delete
        keys.put(PleskSimulator.SECRET_KEY, new String[] {"127.0.0.1", null, PleskSimulator.LOGIN});
    }

    /** A {@code system} error packet for bad or missing credentials, or null when they are good. */
    String checkAuth(SimExchange ex) {
        String key = ex.header("KEY");
        if (key != null) {
            String[] k = keys.get(key);
            // a key is bound to the address it was made for: from another one it is refused as invalid
            return k != null && k[0].equals(ex.remoteAddress()) ? null : system(11003, "Secret key is invalid");
        }
        String login = ex.header("HTTP_AUTH_LOGIN");
        String pw = ex.header("HTTP_AUTH_PASSWD");
        if (login == null || pw == null) {
            return system(1029, "Authentication method is not specified");
        }
        return PleskSimulator.LOGIN.equals(login) && PleskSimulator.PASSWORD.equals(pw) ? null
                : system(1001, "Authentication failed: wrong login or password");
    }

    /** The login a request acts as: its key's, else {@code HTTP_AUTH_LOGIN}. */
    String loginOf(SimExchange ex) {
        String key = ex.header("KEY");
        String[] k = key == null ? null : keys.get(key);
        return k != null ? k[2] : ex.header("HTTP_AUTH_LOGIN");
    }

    /** Adds a key for {@code login}, bound to {@code ip}; {@return the key} */
    String add(String ip, String login, String description) {
        String key = uuid(SimData.hex(sim.seed(), created.getAndIncrement() + 77L, 32));
        keys.put(key, new String[] {ip, description, login});
        return key;
    }

    String create(PleskPacket.Request r) {
        String key = uuid(SimData.hex(sim.seed(), created.getAndIncrement() + 77L, 32));
        keys.put(key, new String[] {r.values().getOrDefault("ip_address", "127.0.0.1"),
                r.values().get("description"), r.values().getOrDefault("login", PleskSimulator.LOGIN)});
        return ok("<key>" + key + "</key>");
    }

    /** 32 hex digits as a version-4 UUID, the form of Plesk's keys ({@code 75a3b47c-bfbe-4a72-be03-3247708481e7}). */
    private static String uuid(String hex) {
        char variant = "89ab".charAt(Character.digit(hex.charAt(16), 16) & 3);
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-4" + hex.substring(13, 16) + "-" + variant
                + hex.substring(17, 20) + "-" + hex.substring(20, 32);
    }

    /**
     * One result per filtered key (the schema's result is unbounded): its {@code key_info}, or 1013 when
     * unknown. An empty filter lists every key in one result. That an error result echoes the key is
     * not documented; the schema allows it and it lets a client tell which key was not found.
     */
    String info(PleskPacket.Request r) {
        StringBuilder sb = new StringBuilder();
        if (r.keys().isEmpty()) {
            synchronized (keys) {
                keys.forEach((k, v) -> sb.append(keyInfoXml(k, v)));
            }
            return ok(sb.toString());
        }
        for (String k : r.keys()) {
            String[] v = keys.get(k);
            sb.append(v == null ? error(1013, "Secret key " + k + " does not exist", "<key>" + SimData.xml(k) + "</key>")
                    : ok(keyInfoXml(k, v)));
        }
        return sb.toString();
    }

    /**
     * One result per filtered key, 1013 for an unknown one. What Plesk does with an empty filter is not
     * documented: the simulator deletes nothing and answers 1013 (it never wipes every key).
     */
    String delete(PleskPacket.Request r) {
        if (r.keys().isEmpty()) {
            return error(1013, "Secret key is not specified", "");
        }
        StringBuilder sb = new StringBuilder();
        for (String k : r.keys()) {
            String xk = "<key>" + SimData.xml(k) + "</key>";
            sb.append(keys.remove(k) != null ? ok(xk) : error(1013, "Secret key " + k + " does not exist", xk));
        }
        return sb.toString();
    }

    private static String keyInfoXml(String k, String[] v) {
        return "<key_info><key>" + SimData.xml(k) + "</key><ip_address>" + SimData.xml(v[0]) + "</ip_address>"
                + (v[1] == null ? "<description/>" : "<description>" + SimData.xml(v[1]) + "</description>")
                + "<login>" + SimData.xml(v[2]) + "</login></key_info>";
    }
}
