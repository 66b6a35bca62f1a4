package org.sessionsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The module's README names every subcommand and option the command has, so it cannot fall behind. */
class ReadmeTest {
    @Test
    void theReadmeDocumentsEverySubcommandAndOption() throws IOException {
        // surefire runs in the module's directory
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        Terminal term = new Terminal(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                Map.<String, String>of()::get, null, null, false);
        CommandLine cl = new CommandLine(new SessionsCommand(term), new SessionsCommand.Factory(term));
        cl.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help")) {
                assertThat(readme).as(name).contains("### `sessions " + name + "`");
            }
            sub.getCommandSpec().options().forEach(o ->
                    assertThat(readme).as(name + " " + o.longestName()).contains("`" + o.longestName()));
        });
        assertThat(readme).contains("SESSIONS_SECRET_FILE").contains("| 5 | network");
    }
}
