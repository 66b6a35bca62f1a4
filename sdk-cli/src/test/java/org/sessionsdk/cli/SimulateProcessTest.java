package org.sessionsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionsdk.testkit.EkranSimulator;

/**
 * {@code sessions simulate} as a harness outside the JVM uses it: a separate process whose JSON lines
 * are read from its stdout, whose endpoints are called on 127.0.0.1, and which is stopped by a signal
 * and then exits 0.
 */
class SimulateProcessTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String EOF = "\u0000eof";

    @TempDir
    Path dir;

    private Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    @AfterEach
    void killWhatIsLeft() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    @Test
    void servesEveryVendorUntilSigtermThenExitsZero() throws Exception {
        start("simulate", "--sessions", "3", "--events", "7", "--seed", "9");
        List<Map<String, Object>> sims = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            sims.add(parse(nextLine()));
        }
        assertThat(sims).extracting(s -> s.get("vendor")).containsExactly("ekran", "plesk", "saymon", "senhasegura");

        for (Map<String, Object> sim : sims) {
            String vendor = (String) sim.get("vendor");
            String endpoint = (String) sim.get("endpoint");
            assertThat(endpoint).startsWith("http://127.0.0.1:");
            @SuppressWarnings("unchecked")
            Map<String, Object> c = (Map<String, Object>) sim.get("credentials");
            // the printed credentials, used by the SDK's own clients through 'sessions list'
            List<String> args = new ArrayList<>(List.of("list", "--vendor", vendor, "--endpoint", endpoint, "--format", "jsonl"));
            String secret = switch (vendor) {
                case "plesk" -> (String) c.get("secretKey");
                case "ekran" -> (String) c.get("apiKey");
                case "saymon" -> {
                    args.addAll(List.of("--user", (String) c.get("login")));
                    yield (String) c.get("password");
                }
                default -> {
                    args.addAll(List.of("--user", (String) c.get("clientId")));
                    yield (String) c.get("clientSecret");
                }
            };
            CliRun list = CliRun.run(Map.of("SESSIONS_SECRET", secret), args.toArray(String[]::new));
            assertThat(list.exitCode()).as(vendor + ": " + list.err()).isZero();
            assertThat(list.out().lines()).as(vendor).hasSize(3);
        }
        CliRun events = CliRun.run(Map.of("SESSIONS_SECRET", "0e5b7c1a-7e57-4b1d-9c1e-5d6b2a3f4c8e"), "events", "--vendor", "plesk",
                "--endpoint", (String) sims.stream().filter(s -> "plesk".equals(s.get("vendor"))).findFirst().orElseThrow()
                        .get("endpoint"), "--format", "jsonl");
        assertThat(events.out().lines()).as(events.err()).hasSize(7);

        // and raw HTTP, as a harness in another language would call it
        HttpClient http = HttpClient.newBuilder().connectTimeout(WAIT).build();
        Map<String, Object> ekran = sims.stream().filter(s -> "ekran".equals(s.get("vendor"))).findFirst().orElseThrow();
        HttpResponse<String> raw = http.send(HttpRequest.newBuilder(URI.create(ekran.get("endpoint") + "/ekranapi/sessions"))
                .header(EkranSimulator.API_KEY_HEADER, EkranSimulator.API_KEY).timeout(WAIT).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(raw.statusCode()).as(raw.body()).isEqualTo(200);

        process.destroy(); // SIGTERM
        assertThat(process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as("stopped within " + WAIT).isTrue();
        assertThat(process.exitValue()).as(stderr()).isZero();
        assertThat(stderr()).contains("sessions simulate: stopped");
        assertThat(nextLine()).isEqualTo(EOF);
    }

    @Test
    void playsAScenarioFileOnTheRealClock() throws Exception {
        // negative offsets: history already there when the process starts, so the test waits for nothing
        Path scenario = dir.resolve("scenario.txt");
        Files.writeString(scenario, """
                -10m  start  s1  alice  192.0.2.99
                -9m   start  s2  bob    192.0.2.98
                -5m   audit  alice  created  domain  example.com
                -1m   end    s2
                """);
        start("simulate", "--vendor", "plesk", "--sessions", "0", "--events", "0", "--scenario", scenario.toString());
        Map<String, Object> sim = parse(nextLine());
        assertThat((String) sim.get("tenants")).isEqualTo(sim.get("endpoint") + "/t/{n}");
        Map<String, String> env = Map.of("SESSIONS_SECRET", "0e5b7c1a-7e57-4b1d-9c1e-5d6b2a3f4c8e");
        CliRun list = CliRun.run(env, "list", "--vendor", "plesk", "--endpoint", (String) sim.get("endpoint"),
                "--format", "jsonl");
        assertThat(list.out().lines()).as(list.err()).singleElement().asString().contains("\"s1\"").contains("192.0.2.99");
        CliRun events = CliRun.run(env, "events", "--vendor", "plesk", "--endpoint", (String) sim.get("endpoint"),
                "--format", "jsonl");
        assertThat(events.out().lines()).as(events.err()).singleElement().asString().contains("example.com");
        process.destroy();
        assertThat(process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(stderr()).isZero();
    }

    @Test
    void sigintStopsItWithExitZeroToo() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/status")), "Linux: kill -INT");
        // a shell starting us in the background without job control ignores SIGINT, and so do its children
        assumeTrue(!sigintIgnored(), "SIGINT is ignored in this environment");
        start("simulate", "--vendor", "ekran", "--port", "0");
        Map<String, Object> sim = parse(nextLine());
        assertThat(sim.get("vendor")).isEqualTo("ekran");

        Process kill = new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start();
        assertThat(kill.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as("stopped within " + WAIT).isTrue();
        assertThat(process.exitValue()).as(stderr()).isZero();
    }

    private void start(String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                SessionsCommand.class.getName()));
        command.addAll(List.of(args));
        process = new ProcessBuilder(command).redirectError(dir.resolve("stderr").toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("read failed: " + e);
            }
            lines.add(EOF);
        }, "simulate-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    private String nextLine() throws InterruptedException, IOException {
        String line = lines.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(line).as("a line within " + WAIT + "; stderr: " + stderr()).isNotNull();
        return line;
    }

    private String stderr() {
        try {
            return Files.readString(dir.resolve("stderr"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no stderr: " + e + ")";
        }
    }

    /** A flat JSON object of strings, with objects of strings inside. */
    private static Map<String, Object> parse(String line) throws IOException {
        try (JsonParser p = new JsonFactory().createParser(line)) {
            assertThat(p.nextToken()).as(line).isEqualTo(JsonToken.START_OBJECT);
            return object(p);
        }
    }

    private static Map<String, Object> object(JsonParser p) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            m.put(name, p.nextToken() == JsonToken.START_OBJECT ? object(p) : p.getText());
        }
        return m;
    }

    private static boolean sigintIgnored() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & 2) != 0;
            }
        }
        return false;
    }
}
