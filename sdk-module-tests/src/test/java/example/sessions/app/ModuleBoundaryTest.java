package example.sessions.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SDK's module boundary as an application module sees it: this test runs inside
 * {@code example.sessions.app}, a named module on the module path that requires the SDK's modules,
 * and checks it three ways: the module descriptors, reflection, and the compiler.
 */
class ModuleBoundaryTest {
    private static final Module APP = ModuleBoundaryTest.class.getModule();

    /** Every published module and the packages it exports to everyone: its whole API. */
    private static final Map<String, Set<String>> API = Map.of(
            "org.sessionsdk.core", Set.of("org.sessionsdk.core.audit", "org.sessionsdk.core.auth", "org.sessionsdk.core.client", "org.sessionsdk.core.feed", "org.sessionsdk.core.config",
                    "org.sessionsdk.core.error", "org.sessionsdk.core.http", "org.sessionsdk.core.observe", 
                    "org.sessionsdk.core.retry", "org.sessionsdk.core.session"),
            "org.sessionsdk.plesk", Set.of("org.sessionsdk.plesk"),
            "org.sessionsdk.ekran", Set.of("org.sessionsdk.ekran"),
            "org.sessionsdk.saymon", Set.of("org.sessionsdk.saymon"),
            "org.sessionsdk.senhasegura", Set.of("org.sessionsdk.senhasegura"),
            "org.sessionsdk.testkit", Set.of("org.sessionsdk.testkit"),
            "org.sessionsdk.export", Set.of("org.sessionsdk.export"),
            "org.sessionsdk.opentelemetry", Set.of("org.sessionsdk.opentelemetry"),
            "org.sessionsdk.checkpoint.jdbc", Set.of("org.sessionsdk.checkpoint.jdbc"));

    /** A public class in each package users must not reach: internal code and the JAXB wire classes. */
    static List<String> hiddenClasses() {
        return List.of(
                "org.sessionsdk.core.internal.JsonSupport",
                "org.sessionsdk.core.internal.ApiCaller",
                "org.sessionsdk.core.internal.CallListeners",
                "org.sessionsdk.core.internal.pipeline.HttpPipeline",
                "org.sessionsdk.core.internal.feed.PollingFeed",
                "org.sessionsdk.core.internal.paging.Paging",
                "org.sessionsdk.core.internal.feed.CheckpointState",
                "org.sessionsdk.export.internal.JsonDoc",
                "org.sessionsdk.core.internal.auth.OAuth2ClientCredentials",
                "org.sessionsdk.core.internal.json.JsonArrayStream",
                "org.sessionsdk.core.internal.json.JsonObject",
                "org.sessionsdk.core.internal.xml.SecureXml",
                "org.sessionsdk.plesk.internal.PacketExchange",
                "org.sessionsdk.plesk.internal.xml.XmlElementStream",
                "org.sessionsdk.plesk.wire.ObjectFactory",
                "org.sessionsdk.plesk.wire.Event",
                "org.sessionsdk.ekran.internal.EkranTimes",
                "org.sessionsdk.saymon.internal.ShiftingPager",
                "org.sessionsdk.senhasegura.internal.Envelope");
    }

    private static Module module(String name) {
        return ModuleLayer.boot().findModule(name)
                .orElseThrow(() -> new AssertionError(name + " is not a module in the boot layer"));
    }

    @Test
    void theAppAndTheSdkAreExplicitNamedModules() {
        assertEquals("example.sessions.app", APP.getName());
        for (String name : API.keySet()) {
            ModuleDescriptor d = module(name).getDescriptor();
            assertFalse(d.isAutomatic(), name + " has a module-info, not only an Automatic-Module-Name");
            assertTrue(APP.canRead(module(name)), "the app reads " + name);
        }
    }

    @Test
    void eachModuleExportsOnlyItsApiToEveryone() {
        Map<String, Set<String>> actual = new TreeMap<>();
        for (String name : API.keySet()) {
            actual.put(name, module(name).getDescriptor().exports().stream()
                    .filter(e -> !e.isQualified()).map(ModuleDescriptor.Exports::source)
                    .collect(Collectors.toCollection(TreeSet::new)));
        }
        assertEquals(new TreeMap<>(API), actual, "unqualified exports");
    }

    @Test
    void qualifiedExportsNameOnlyTheSdksOwnModules() {
        for (String name : API.keySet()) {
            for (ModuleDescriptor.Exports e : module(name).getDescriptor().exports()) {
                if (e.isQualified()) {
                    assertTrue(e.source().contains(".internal"), e + " is an internal package");
                    for (String target : e.targets()) {
                        assertTrue(API.containsKey(target), e + " goes only to SDK modules, not " + target);
                    }
                }
            }
            // no module of ours is open, and none opens a package to everyone
            assertFalse(module(name).getDescriptor().isOpen(), name);
            module(name).getDescriptor().opens().forEach(o -> assertTrue(o.isQualified(), o.toString()));
        }
    }

    @Test
    void pleskWireIsOpenedToJaxbOnlyAndExportedToNoOne() {
        Module plesk = module("org.sessionsdk.plesk");
        assertEquals("[org.sessionsdk.plesk.wire to [jakarta.xml.bind]]",
                plesk.getDescriptor().opens().stream().map(o -> o.source() + " to " + o.targets())
                        .collect(Collectors.toList()).toString());
        assertTrue(plesk.getDescriptor().exports().stream().noneMatch(e -> e.source().endsWith(".wire")));
    }

    @ParameterizedTest
    @MethodSource("hiddenClasses")
    void hiddenPackagesAreNeitherExportedNorOpenToTheApp(String className) throws Exception {
        Class<?> c = Class.forName(className);
        assertTrue(Modifier.isPublic(c.getModifiers()), className + " is public: only the module hides it");
        Module owner = c.getModule();
        assertTrue(owner.getName().startsWith("org.sessionsdk."), className + " is in one of our modules");
        assertFalse(owner.isExported(c.getPackageName(), APP), className + " exported to the app");
        assertFalse(owner.isOpen(c.getPackageName(), APP), className + " open to the app");
    }

    @ParameterizedTest
    @MethodSource("hiddenClasses")
    void reflectionIntoHiddenPackagesIsRefused(String className) throws Exception {
        Class<?> c = Class.forName(className);
        // a public class, but not accessible: its package is not exported to the app
        assertThrows(IllegalAccessException.class, () -> MethodHandles.lookup().accessClass(c), className);
        // and no deep reflection either: not opened to the app
        assertThrows(InaccessibleObjectException.class, () -> c.getDeclaredConstructors()[0].setAccessible(true),
                className);
    }

    @Test
    void theJaxbRuntimeCanStillReadTheWireClasses() {
        // opened to jakarta.xml.bind, which hands the access on to its implementation: parsing a Plesk
        // answer works on the module path (the vendor test below does it end to end)
        Module plesk = module("org.sessionsdk.plesk");
        assertTrue(plesk.isOpen("org.sessionsdk.plesk.wire", module("jakarta.xml.bind")));
    }

    @ParameterizedTest
    @MethodSource("hiddenClasses")
    void theCompilerRefusesImportsOfHiddenPackages(String className, @TempDir Path dir) throws IOException {
        String out = compile(dir, "import " + className + ";\n"
                + "public class Probe { Class<?> c = " + className.substring(className.lastIndexOf('.') + 1) + ".class; }\n");
        assertTrue(out.contains("is not visible") || out.contains("does not export"),
                className + " should not compile from a user module:\n" + out);
    }

    @Test
    void theCompilerAcceptsThePublicApi(@TempDir Path dir) throws IOException {
        String out = compile(dir, "import org.sessionsdk.plesk.PleskClient;\n"
                + "import org.sessionsdk.plesk.PleskCredentials;\n"
                + "import org.sessionsdk.ekran.EkranClient;\n"
                + "import org.sessionsdk.saymon.SaymonClient;\n"
                + "import org.sessionsdk.senhasegura.SenhaseguraClient;\n"
                + "import org.sessionsdk.core.error.TransportException;\n"
                + "import org.sessionsdk.core.http.TransportTimeoutException;\n"
                + "public class Probe {\n"
                + "  Object o = PleskClient.builder().credentials(PleskCredentials.secretKey(\"k\"));\n"
                + "  Object[] b = { EkranClient.builder(), SaymonClient.builder(), SenhaseguraClient.builder() };\n"
                + "  Object t = new TransportTimeoutException(TransportException.Kind.READ_TIMEOUT, \"x\", null);\n"
                + "}\n");
        assertEquals("", out, "the public API compiles from a user module");
    }

    @Test
    void aCheckpointShowsUsersItsTextNotTheFeedsValues() {
        Set<String> methods = java.util.Arrays.stream(org.sessionsdk.core.feed.Checkpoint.class.getMethods())
                .filter(m -> m.getDeclaringClass() != Object.class).map(java.lang.reflect.Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(Set.of("parse", "kind", "endpoint", "isFurtherAlongThan", "toString", "equals",
                "hashCode")), methods, "what only feed implementations need is internal (CheckpointState)");
    }

    /** Compiles {@code source} as class {@code probe.Probe} of a module {@code probe}; returns the diagnostics. */
    private static String compile(Path dir, String source) throws IOException {
        Path src = Files.createDirectories(dir.resolve("src/probe/probe"));
        Files.writeString(dir.resolve("src/probe/module-info.java"), "module probe { requires org.sessionsdk.testkit; }\n");
        Files.writeString(src.resolve("Probe.java"), "package probe;\n" + source);
        String modulePath = System.getProperty("jdk.module.path");
        assertTrue(modulePath != null && !modulePath.isBlank(), "this test runs on the module path");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter out = new StringWriter();
        javac.getTask(out, null, null, List.of("-d", dir.resolve("out").toString(), "--module-path", modulePath,
                        "--release", "17", "-proc:none"), null,
                javac.getStandardFileManager(null, null, null).getJavaFileObjects(
                        dir.resolve("src/probe/module-info.java"), src.resolve("Probe.java")))
                .call();
        return out.toString();
    }
}
