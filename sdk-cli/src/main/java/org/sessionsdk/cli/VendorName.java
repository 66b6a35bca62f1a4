package org.sessionsdk.cli;

import java.util.Locale;
import org.sessionsdk.core.client.SessionClients;
import picocli.CommandLine;

/**
 * A {@code --vendor} value: the name of a vendor on the class path, any case. Converting it checks it,
 * so a mistyped vendor is one usage line listing the vendors there are ({@link UsageErrors}).
 *
 * @param name the vendor's name, lower-case
 */
record VendorName(String name) {

    /** Converts and checks a {@code --vendor} value. */
    static final class Converter implements CommandLine.ITypeConverter<VendorName> {
        @Override
        public VendorName convert(String value) {
            String name = value.trim().toLowerCase(Locale.ROOT);
            if (SessionClients.find(name).isEmpty()) {
                throw new CommandLine.TypeConversionException("unknown vendor " + value);
            }
            return new VendorName(name);
        }
    }

    /** {@return "one of a, b, c": what a {@code --vendor} accepts} */
    static String expected() {
        return "one of " + String.join(", ", SessionClients.names());
    }

    @Override
    public String toString() {
        return name;
    }
}
