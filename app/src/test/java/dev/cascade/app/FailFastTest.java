package dev.cascade.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A venue that cannot be reached is said in one line (not after minutes of retries), and {@code --duration} ends
 * a run that is still starting. Only 127.0.0.1 is contacted: a port just closed refuses, a socket that is never
 * read leaves every request unanswered.
 */
class FailFastTest {
    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS) // a hang guard: the budget is 20 s, a refusal takes the retries
    void shouldSayAVenueThatRefusesInOneLine() throws IOException {
        String base = "http://127.0.0.1:" + closedPort();
        Cli one = Cli.run("live", "--endpoints", base, "--venues", "binance-usdm", "--no-overview", "--duration", "1m");
        assertThat(one.exitCode()).isEqualTo(1);
        assertThat(one.err()).isEqualTo("cascade: binance-usdm: cannot fetch its instruments from " + base
                + "/binance-usdm/fapi/v1/exchangeInfo (connection refused)\n");
        assertThat(one.out()).isEmpty();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldSayEveryUnreachableVenueOnOneLineWhenNoneCanBeReached() throws IOException {
        String base = "http://127.0.0.1:" + closedPort();
        Cli two = Cli.run("live", "--endpoints", base, "--venues", "binance-usdm,okx-swap", "--no-overview",
                "--duration", "1m");
        assertThat(two.exitCode()).isEqualTo(1);
        assertThat(two.err().lines()).hasSize(1);
        assertThat(two.err()).startsWith("cascade: no venue could be reached: binance-usdm: cannot fetch its "
                + "instruments from " + base).contains("; okx-swap: cannot fetch its instruments from " + base)
                .endsWith("(connection refused)\n");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldHonourTheDurationWhileTheVenueHasNotAnswered() throws IOException {
        // accepted by the kernel, never read: the instruments request waits for an answer that does not come
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Cli run = Cli.run("live", "--endpoints", "http://127.0.0.1:" + silent.getLocalPort(), "--venues",
                    "binance-usdm", "--no-overview", "--duration", "2s");
            assertThat(run.exitCode()).as(run.err()).isZero(); // stopped as asked, not failed after the retries
            assertThat(run.err()).isEqualTo("cascade: --duration ran out before the feeds opened\n");
            assertThat(run.out()).contains("Events: 0 liquidations, 0 trades"); // the totals of a run that opened nothing
        }
    }
}
