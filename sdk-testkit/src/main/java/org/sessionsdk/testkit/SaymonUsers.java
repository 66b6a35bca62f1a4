package org.sessionsdk.testkit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link SaymonSimulator}'s users: its own ({@link SaymonSimulator#USERS}) and those only a scenario
 * names, the ids SAYMON gives them, and {@code GET /node/api/users/current}.
 */
final class SaymonUsers {
    private final SaymonSimulator sim;

    SaymonUsers(SaymonSimulator sim) {
        this.sim = sim;
    }

    /** The id of {@code login}; an own user's from its place, a scenario user's from its name. */
    String userId(String login) {
        String[] own = SaymonSimulator.USERS;
        for (int u = 0; u < own.length; u++) {
            if (own[u].equals(login)) {
                return ownUserId(u);
            }
        }
        if (sim.scenario().people().contains(login)) {
            // a user the scenario brings: listed by /users, with an id made from the name
            return String.format("%08x", login.hashCode())
                    + SimData.hex(sim.seed(), -9000L - Math.abs((long) login.hashCode()), 16);
        }
        throw new IllegalArgumentException("no such user: " + login);
    }

    String ownUserId(int u) {
        return String.format("%08x", 0x5f5f4200 + u) + SimData.hex(sim.seed(), -1000 - u, 16);
    }

    /** The simulator's own users, then those only the scenario names. */
    List<String> logins() {
        List<String> all = new ArrayList<>(List.of(SaymonSimulator.USERS));
        for (String p : sim.scenario().people()) {
            if (!all.contains(p)) {
                all.add(p);
            }
        }
        return all;
    }

    /** {@code GET /node/api/users/current}: the caller and its permissions. */
    void current(SimExchange ex, String login) throws IOException {
        int u = List.of(SaymonSimulator.USERS).indexOf(login);
        ex.respond(200, sim.contentType(), SimWire.json(g -> {
            g.writeStartObject();
            g.writeStringField("id", ownUserId(u));
            g.writeStringField("login", login);
            g.writeStringField("name", SaymonSimulator.LOGIN.equals(login) ? "Administrator" : "Viewer");
            g.writeStringField("email", login + "@example.com");
            g.writeArrayFieldStart("permissions");
            if (SaymonSimulator.LOGIN.equals(login)) {
                g.writeString(SaymonSimulator.LOG_PERMISSION);
            }
            g.writeString("read-objects");
            g.writeEndArray();
            g.writeEndObject();
        }));
    }
}
