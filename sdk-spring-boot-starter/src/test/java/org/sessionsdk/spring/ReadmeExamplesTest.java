package org.sessionsdk.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.sessionsdk.core.client.SessionClients;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ByteArrayResource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's quick start works as written: every {@code ```java} block compiles against the starter
 * and Spring, as a user's class, and its properties are settings the vendors accept.
 */
class ReadmeExamplesTest {
    private static final String IMPORTS = String.join("\n",
            "import java.time.*;",
            "import java.util.*;",
            "import java.util.stream.*;",
            "import org.slf4j.*;",
            "import org.springframework.beans.factory.annotation.Qualifier;",
            "import org.springframework.stereotype.*;",
            "import org.sessionsdk.core.client.*;",
            "import org.sessionsdk.core.feed.*;",
            "import org.sessionsdk.core.session.*;",
            "import org.sessionsdk.spring.*;",
            "");

    @Test
    void theQuickStartPropertiesAreSettingsTheVendorsAccept() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Matcher m = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(m.find()).isTrue();
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("secrets",
                Map.of("PANEL7_KEY", "k1", "EKRAN_KEY", "k2", "OPS_DB_PASSWORD", "p")));
        new YamlPropertySourceLoader().load("readme", new ByteArrayResource(m.group(1).getBytes(StandardCharsets.UTF_8)))
                .forEach(env.getPropertySources()::addLast);
        Map<String, ServerDeclarations.Declared> servers = ServerDeclarations.read(env);
        assertThat(servers).hasSize(2);
        servers.forEach((name, server) -> SessionClients.provider(server.vendor()).check(server.settings()));
        SessionSdkProperties props = Binder.get(env).bind("sessionsdk", SessionSdkProperties.class).get();
        assertThat(props.feeds()).hasSize(2);
        props.feeds().values().forEach(f -> assertThat(servers).containsKey(f.server()));
    }

    @Test
    void everyJavaBlockCompiles(@TempDir Path out) throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        List<JavaFileObject> sources = new ArrayList<>();
        while (m.find()) {
            String code = m.group(1);
            Matcher name = Pattern.compile("class (\\w+)").matcher(code);
            assertThat(name.find()).as("a README block declares a class: " + code).isTrue();
            String text = "package readme;\n" + IMPORTS + code;
            sources.add(new SimpleJavaFileObject(URI.create("string:///readme/" + name.group(1) + ".java"),
                    JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return text;
                }
            });
        }
        assertThat(sources).hasSizeGreaterThanOrEqualTo(2);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        boolean ok = javac.getTask(errors, null, null, List.of("-proc:none", "-d", out.toString(), "-classpath",
                System.getProperty("java.class.path")), null, sources).call();
        assertThat(ok).as(errors.toString()).isTrue();
    }
}
