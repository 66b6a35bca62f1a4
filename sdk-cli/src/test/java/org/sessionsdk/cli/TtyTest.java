package org.sessionsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which /proc/self/fd targets count as a terminal. */
class TtyTest {
    @Test
    void terminalsArePtysTtysAndTheConsoleButNotPipesFilesOrNull() {
        assertThat(Tty.isTerminalDevice("/dev/pts/3")).isTrue();
        assertThat(Tty.isTerminalDevice("/dev/tty1")).isTrue();
        assertThat(Tty.isTerminalDevice("/dev/console")).isTrue();
        assertThat(Tty.isTerminalDevice("pipe:[123456]")).isFalse();
        assertThat(Tty.isTerminalDevice("/dev/null")).isFalse();
        assertThat(Tty.isTerminalDevice("/home/me/secret.txt")).isFalse();
        assertThat(Tty.isTerminalDevice("socket:[42]")).isFalse();
    }

    @Test
    void aStreamThePlatformCannotDescribeGetsTheCallersGuess() {
        assertThat(Tty.isTerminal(987_654, true)).isTrue();
        assertThat(Tty.isTerminal(987_654, false)).isFalse();
    }
}
