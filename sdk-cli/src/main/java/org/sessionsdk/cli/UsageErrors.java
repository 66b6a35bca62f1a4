package org.sessionsdk.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * What the user sees when the command line cannot be parsed: one line that names the option and
 * what it accepts, then where to read more. Picocli's default prints the whole usage and, for a
 * value it cannot convert, the Java class it wanted; neither helps someone who mistyped a value.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {
    /** How a value of each non-enum option type is written, for "is not ..." messages. */
    private static final Map<Class<?>, String> EXPECTED = Map.of(
            Duration.class, "a duration (e.g. 30s, 2m, 1h30m, or ISO-8601 such as PT30S)",
            Instant.class, "an instant (ISO-8601, e.g. 2026-11-01T00:00:00Z)",
            URI.class, "a URI (e.g. https://panel.example.com:8443)",
            ZoneId.class, "a time zone (e.g. Europe/Berlin or UTC)",
            Path.class, "a file path",
            Long.class, "a whole number",
            long.class, "a whole number",
            Integer.class, "a whole number",
            int.class, "a whole number");

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        String badValue = badValue(ex);
        if (badValue != null) {
            err.println(badValue);
        } else {
            err.println("sessions: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            err.println("See '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
        }
        err.flush();
        return ExitCodes.USAGE;
    }

    /**
     * {@code --vendor: 'foo' is not one of plesk, ekran, saymon, senhasegura} when an option's
     * value could not be converted; null for every other parse error (missing or unknown option).
     */
    static String badValue(ParameterException ex) {
        ArgSpec spec = ex.getArgSpec();
        // picocli attaches the spec, the value and the conversion failure as cause only when
        // converting a given value failed; a missing value has no cause
        if (!(spec instanceof OptionSpec option) || ex.getValue() == null || ex.getCause() == null
                || ex instanceof CommandLine.MissingParameterException) {
            return null;
        }
        // a list option (--vendor plesk,ekran) says what each of its elements must be
        Class<?> type = spec.isMultiValue() ? spec.auxiliaryTypes()[0] : spec.type();
        String expected = type == VendorName.class ? VendorName.expected() : type.isEnum()
                ? "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "))
                : EXPECTED.getOrDefault(type, "a valid value");
        return option.longestName() + ": '" + ex.getValue() + "' is not " + expected;
    }
}
