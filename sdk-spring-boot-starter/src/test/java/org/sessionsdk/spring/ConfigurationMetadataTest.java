package org.sessionsdk.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.client.Setting;
import org.sessionsdk.core.client.SessionClients;
import org.sessionsdk.core.client.VendorProvider;

/**
 * The vendor settings in {@code META-INF/additional-spring-configuration-metadata.json} are the ones the
 * providers declare: the file is generated from them (run this test; on a difference it writes the
 * expected file to {@code target/} and says where), so IDE help cannot drift from what the starter
 * accepts. The typed properties' metadata comes from the annotation processor.
 */
class ConfigurationMetadataTest {
    private static final Path FILE = Path.of("src/main/resources/META-INF/additional-spring-configuration-metadata.json");

    @Test
    void theCheckedInMetadataListsEverySettingTheProvidersDeclare() throws IOException {
        String expected = generate(SessionClients.providers());
        String actual = Files.exists(FILE) ? Files.readString(FILE, StandardCharsets.UTF_8) : "";
        if (!expected.equals(actual)) {
            Path out = Path.of("target/additional-spring-configuration-metadata.json");
            Files.writeString(out, expected, StandardCharsets.UTF_8);
            assertThat(actual).as("out of date: copy " + out.toAbsolutePath() + " to " + FILE).isEqualTo(expected);
        }
    }

    /** One property per setting key (the endpoint is typed in the properties class), with the vendors that take it. */
    static String generate(List<VendorProvider> providers) {
        Map<String, List<String>> vendors = new TreeMap<>();
        Map<String, Setting> first = new TreeMap<>();
        for (VendorProvider p : providers) {
            for (Setting s : p.settings()) {
                if (s.key().equals("endpoint")) {
                    continue;
                }
                vendors.computeIfAbsent(s.key(), k -> new ArrayList<>()).add(p.name());
                first.putIfAbsent(s.key(), s);
            }
        }
        List<String> vendorNames = providers.stream().map(VendorProvider::name).toList();
        StringBuilder json = new StringBuilder("{\n  \"properties\": [\n");
        String sep = "";
        for (Map.Entry<String, Setting> e : first.entrySet()) {
            Setting s = e.getValue();
            List<String> by = vendors.get(e.getKey());
            String who = by.equals(vendorNames) ? "every vendor" : String.join(", ", by);
            String text = capitalize(s.description()) + " (" + who + ")."
                    + (s.secret() ? " A secret: give it through an environment variable or a secret store." : "");
            json.append(sep).append("    {\n")
                    .append("      \"name\": ").append(quote("sessionsdk.servers.*." + e.getKey().replace('.', '-'))).append(",\n")
                    .append("      \"type\": ").append(quote(javaType(s.type()))).append(",\n")
                    .append("      \"description\": ").append(quote(text));
            if (s.defaultValue() != null) {
                json.append(",\n      \"defaultValue\": ").append(quote(s.defaultValue()));
            }
            json.append("\n    }");
            sep = ",\n";
        }
        json.append("\n  ],\n  \"hints\": [\n    {\n      \"name\": \"sessionsdk.servers.values.vendor\",\n      \"values\": [");
        sep = "";
        for (VendorProvider p : providers) {
            json.append(sep).append("\n        {\"value\": ").append(quote(p.name())).append(", \"description\": ")
                    .append(quote(p.product().name() + " by " + p.product().vendorName())).append("}");
            sep = ",";
        }
        return json.append("\n      ]\n    }\n  ]\n}\n").toString();
    }

    private static String javaType(Setting.Type type) {
        return switch (type) {
            case STRING, CHOICE -> "java.lang.String";
            case URI -> "java.net.URI";
            case DURATION -> "java.time.Duration";
            case ZONE -> "java.time.ZoneId";
            case BOOLEAN -> "java.lang.Boolean";
            case INT -> "java.lang.Integer";
            case PATH -> "java.nio.file.Path";
        };
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
