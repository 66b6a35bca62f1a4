package example.sessions.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The build check of "one shape for all vendors": no main code outside the vendor modules (and the
 * per-vendor files of the modules that hold one part per vendor: the testkit's simulators, the
 * benchmarks' baselines) names a vendor, in an identifier or a string. Comments may (an example in a
 * Javadoc names a real product); code may not, so a fifth vendor is one module and a renamed vendor
 * attribute cannot silently break another module.
 */
class VendorNeutralityTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern VENDOR = Pattern.compile("(?i)plesk|ekran|saymon|senhasegura");
    /** Modules that are a vendor, serve one, or (this module: an application of all four) test them. */
    private static final Set<String> VENDOR_MODULES = Set.of("sdk-plesk", "sdk-ekran", "sdk-saymon", "sdk-senhasegura",
            "sdk-test-vendor", "sdk-module-tests");
    /**
     * Modules that hold one part per vendor (the testkit: a simulator; the benchmarks: the hand-written
     * baselines over each wire format), each part in files named after its vendor, registered in one file.
     */
    private static final Set<String> PER_VENDOR_FILE_MODULES = Set.of("sdk-testkit", "sdk-benchmarks");
    /** A vendor's own file in such a module. */
    private static final Pattern PER_VENDOR_FILE = Pattern.compile("(Plesk|Ekran|Saymon|Senhasegura)\\w*\\.java");
    /** The one file of such a module that registers its per-vendor parts ({@code BuiltInSimulators}, ...). */
    private static final Pattern REGISTRATION_FILE = Pattern.compile("BuiltIn\\w*\\.java");
    /**
     * Not yet moved onto the vendor-neutral client: named here so the check holds for everything else
     * and this list can only shrink (issue 30). Empty: every module is on it.
     */
    private static final Set<String> PENDING = Set.of();

    @Test
    void noMainCodeOutsideAVendorModuleNamesAVendor() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> modules = Files.list(ROOT)) {
            for (Path module : modules.filter(m -> m.getFileName().toString().startsWith("sdk-")).sorted().toList()) {
                String name = module.getFileName().toString();
                Path main = module.resolve("src/main/java");
                if (VENDOR_MODULES.contains(name) || PENDING.contains(name) || !Files.isDirectory(main)) {
                    continue;
                }
                boolean perVendorFiles = PER_VENDOR_FILE_MODULES.contains(name);
                List<Path> registrations = new ArrayList<>();
                try (Stream<Path> files = Files.walk(main)) {
                    // a module descriptor names the modules it exports internals to: that is its job
                    for (Path f : files.filter(f -> f.toString().endsWith(".java") && !f.endsWith("module-info.java"))
                            .sorted().toList()) {
                        String file = f.getFileName().toString();
                        if (perVendorFiles && PER_VENDOR_FILE.matcher(file).matches()) {
                            continue;
                        }
                        if (perVendorFiles && REGISTRATION_FILE.matcher(file).matches()) {
                            registrations.add(ROOT.relativize(f));
                            continue;
                        }
                        found.addAll(mentions(ROOT.relativize(f), read(f)));
                    }
                }
                if (registrations.size() > 1) {
                    found.add(name + " registers its per-vendor parts in more than one file: " + registrations);
                }
            }
        }
        assertEquals(List.of(), found, "main code outside the vendor modules names a vendor");
    }

    @Test
    void theCheckSeesCodeAndStringsButNotComments() {
        String source = "/** Plesk, e.g. */\nclass A { // ekran\n String s = \"saymon\"; int senhaseguraX; }\n";
        assertEquals(List.of("x:3: String s = \"saymon\"; int senhaseguraX; }"), mentions(Path.of("x"), source));
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines of {@code source} whose code (comments removed, strings kept) names a vendor. */
    static List<String> mentions(Path file, String source) {
        String[] lines = withoutComments(source).split("\n", -1);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (VENDOR.matcher(lines[i]).find()) {
                out.add(file + ":" + (i + 1) + ": " + lines[i].strip());
            }
        }
        return out;
    }

    private static String withoutComments(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                end = end < 0 ? s.length() : end + 2;
                s.substring(i, end).chars().filter(c -> c == '\n').forEach(c -> out.append('\n'));
                i = end;
            } else if (s.startsWith("//", i)) {
                int end = s.indexOf('\n', i);
                i = end < 0 ? s.length() : end;
            } else if (s.charAt(i) == '"') {
                int end = i + 1;
                while (end < s.length() && s.charAt(end) != '"') {
                    end += s.charAt(end) == '\\' ? 2 : 1;
                }
                out.append(s, i, Math.min(end + 1, s.length()));
                i = end + 1;
            } else {
                out.append(s.charAt(i++));
            }
        }
        return out.toString();
    }
}
