package org.sessionsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code ```java} block of the root README and the module READMEs compiles against the current
 * API, so an example cannot name a method that was renamed or removed.
 *
 * <p>Conventions a README follows:
 * <ul>
 *   <li>A block that declares a class (optionally after annotations) is compiled as a source file;
 *       any other block is the body of a method that may throw anything.</li>
 *   <li>{@code { ... }} stands for "your code here" and compiles as an empty block; a line that is
 *       only {@code ...} is a comment.</li>
 *   <li>The variables an example uses without declaring them ({@code key}, {@code from}, {@code plesk},
 *       ...) are fields of the wrapper; see {@link #STUBS}.</li>
 *   <li>A block preceded by {@code <!-- not compiled: reason -->} is skipped: use it only for
 *       fragments that cannot be made whole, and say why.</li>
 * </ul>
 */
class ReadmeExamplesCompileTest {
    private static final List<String> READMES = List.of("README.md", "sdk-core/README.md", "sdk-plesk/README.md",
            "sdk-ekran/README.md", "sdk-saymon/README.md", "sdk-senhasegura/README.md", "sdk-testkit/README.md",
            "sdk-cli/README.md", "sdk-export/README.md", "sdk-opentelemetry/README.md", "sdk-checkpoint-jdbc/README.md");

    private static final String IMPORTS = String.join("\n",
            "import static org.assertj.core.api.Assertions.*;",
            "import java.io.*;",
            "import java.net.URI;",
            "import java.nio.file.*;",
            "import java.time.*;",
            "import java.util.*;",
            "import java.util.concurrent.CompletableFuture;",
            "import java.util.stream.*;",
            "import org.junit.jupiter.api.Test;",
            "import io.opentelemetry.api.*;",
            "import org.sessionsdk.core.audit.*;",
            "import org.sessionsdk.core.client.*;",
            "import org.sessionsdk.checkpoint.jdbc.*;",
            "import org.sessionsdk.core.observe.*;",
            "import org.sessionsdk.opentelemetry.*;",
            "import org.sessionsdk.core.config.*;",
            "import org.sessionsdk.core.feed.*;",
            "import org.sessionsdk.export.*;",
            "import org.sessionsdk.core.error.*;",
            "import org.sessionsdk.core.http.*;",
            "import org.sessionsdk.core.retry.*;",
            "import org.sessionsdk.core.session.*;",
            "import org.sessionsdk.ekran.*;",
            "import org.sessionsdk.plesk.*;",
            "import org.sessionsdk.saymon.*;",
            "import org.sessionsdk.senhasegura.*;",
            "import org.sessionsdk.testkit.*;",
            "");

    /** What the examples use without declaring it. */
    static final String STUBS = String.join("\n",
            "    String key, login, password, clientId, clientSecret, sessionId, hostName;",
            "    javax.sql.DataSource dataSource;",
            "    URI uri;",
            "    Instant from, to;",
            "    PleskClient plesk;",
            "    EkranClient ekran;",
            "    SaymonClient saymon;",
            "    SenhaseguraClient pam;",
            "    org.slf4j.Logger log;",
            "    SessionChange change;",
            "    FeedBatch<SessionChange> batch;",
            "    SessionRecord record;",
            "    AuditEvent auditEvent;",
            "");

    private static final Pattern CLASS_BLOCK = Pattern.compile("^(\\s*@.*\\n)*\\s*(public\\s+)?(final\\s+)?class\\s");

    /** One example: where it is and the source it was made into. */
    record Example(String file, int firstLine, String className, String source, int headerLines) {
    }

    @Test
    void everyJavaBlockOfTheReadmesCompiles(@TempDir Path out) throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize(); // surefire runs in the module's directory
        List<Example> examples = new ArrayList<>();
        for (String readme : READMES) {
            examples.addAll(examples(readme, Files.readAllLines(root.resolve(readme), StandardCharsets.UTF_8)));
        }
        assertThat(examples).as("java blocks found").hasSizeGreaterThanOrEqualTo(15);

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<JavaFileObject> units = examples.stream().map(ReadmeExamplesCompileTest::unit).collect(Collectors.toList());
            String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            List<String> options = List.of("-classpath", classpath, "-d", out.toString(), "-proc:none",
                    "--release", "17", "-Xlint:none");
            Boolean ok = javac.getTask(null, files, diagnostics, options, null, units).call();
            String report = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .map(d -> where(examples, d) + ": " + d.getMessage(Locale.ROOT))
                    .collect(Collectors.joining("\n"));
            assertThat(report).as("README examples that do not compile").isEmpty();
            assertThat(ok).isTrue();
        }
    }

    @Test
    void theConventionsTurnFragmentsIntoCode() {
        List<Example> ex = examples("X.md", List.of("text", "```java", "try (Stream<String> s = x()) { ... }",
                "    ...", "```", "<!-- not compiled: shows a shape only -->", "```java", "nonsense(", "```"));
        assertThat(ex).hasSize(1);
        assertThat(ex.get(0).source()).contains("try (Stream<String> s = x()) { }").contains("// ...")
                .doesNotContain("nonsense");
        assertThat(ex.get(0).firstLine()).isEqualTo(3);
    }

    static List<Example> examples(String file, List<String> lines) {
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).strip().equals("```java")) {
                continue;
            }
            int start = i + 1;
            int end = start;
            while (end < lines.size() && !lines.get(end).strip().startsWith("```")) {
                end++;
            }
            boolean skipped = i > 0 && lines.get(i - 1).strip().startsWith("<!-- not compiled");
            if (!skipped) {
                String body = lines.subList(start, end).stream()
                        .map(l -> l.replace("{ ... }", "{ }"))
                        .map(l -> l.strip().equals("...") ? l.replace("...", "// ...") : l)
                        .collect(Collectors.joining("\n"));
                out.add(example(file, start + 1, body));
            }
            i = end;
        }
        return out;
    }

    private static Example example(String file, int firstLine, String body) {
        String name = "Readme_" + file.replaceAll("[^A-Za-z0-9]", "_") + "_" + firstLine;
        if (CLASS_BLOCK.matcher(body).find()) {
            // a class of its own; its name is the README's, so it goes in a package of its own
            String header = "package readme." + name.toLowerCase(Locale.ROOT) + ";\n" + IMPORTS;
            return new Example(file, firstLine, name, header + body + "\n", lineCount(header));
        }
        String header = IMPORTS + "abstract class " + name + " {\n" + STUBS + "    void example() throws Exception {\n";
        return new Example(file, firstLine, name, header + body + "\n    }\n}\n", lineCount(header));
    }

    private static int lineCount(String s) {
        return (int) s.chars().filter(c -> c == '\n').count();
    }

    private static JavaFileObject unit(Example e) {
        return new SimpleJavaFileObject(URI.create("string:///" + e.className() + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return e.source();
            }
        };
    }

    private static String where(List<Example> examples, Diagnostic<? extends JavaFileObject> d) {
        if (d.getSource() == null) {
            return "javac";
        }
        for (Example e : examples) {
            if (d.getSource().toUri().getPath().endsWith("/" + e.className() + ".java")) {
                long line = d.getLineNumber() - e.headerLines() + e.firstLine() - 1;
                return e.file() + ":" + line;
            }
        }
        return d.getSource().getName();
    }
}
