package dev.cascade.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cascade.analytics.MarketState;
import dev.cascade.analytics.figures.FigureSettings;
import dev.cascade.analytics.figures.Figures;
import dev.cascade.model.Instrument;
import dev.cascade.model.Micros;
import dev.cascade.model.Side;
import dev.cascade.model.Venue;
import dev.cascade.testkit.Events;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rules over read-outs: thresholds, bursts, cooldowns in event time, and no fact alerted twice. */
class AlertEngineTest {
    /** 2025-06-05T14:00:00Z. */
    private static final long T0 = 1_749_132_000_000_000L;

    private final Events events = new Events();
    private final Instrument btc = events.linear(Venue.BINANCE_USDM, "BTCUSDT", "BTC");
    private final MarketState state = new MarketState(MarketState.Retention.REPLAY);

    /** $1.5M of BTC longs liquidated in each of {@code minutes} minutes from {@code from}. */
    private void cascade(int from, int minutes) {
        for (int m = from; m < from + minutes; m++) {
            for (int k = 0; k < 3; k++) {
                state.onLiquidation(Events.liquidation(btc, Side.LONG, 5, 100_000, T0 + m * Micros.PER_MINUTE
                        + k * Micros.PER_SECOND));
            }
        }
    }

    private List<Alert> evaluate(AlertEngine engine) {
        return engine.evaluate(state, Figures.of(state, FigureSettings.DEFAULT));
    }

    @Test
    void shouldAlertOnceOnEachFactAndWaitOutTheCooldown() {
        AlertEngine engine = new AlertEngine(List.of(
                new AlertRule("btc-1h", AlertRule.Kind.LIQUIDATIONS, "BTC", null, Duration.ofHours(1), 4_000_000,
                        Duration.ofMinutes(30)),
                new AlertRule("bursts", AlertRule.Kind.BURST, null, "binance", null, 3_000_000, Duration.ZERO)));
        cascade(0, 2); // $3M in two minutes: under the hourly threshold, a $3M burst
        List<Alert> first = evaluate(engine);
        assertThat(first).extracting(Alert::rule).containsExactly("bursts");
        assertThat(first.get(0).text()).isEqualTo("binance-usdm long liquidations: $3M over 2 min (peak $1.5M/min)"
                + " from 14:00 UTC");
        assertThat(evaluate(engine)).isEmpty(); // the same read-out again: nothing new

        cascade(2, 1); // $4.5M in the hour now
        List<Alert> second = evaluate(engine);
        assertThat(second).extracting(Alert::rule).containsExactly("btc-1h");
        assertThat(second.get(0).text()).isEqualTo("BTC liquidations in the last 1h: $4.5M (100% longs), above $4M");
        assertThat(second.get(0).coin()).isEqualTo("BTC");

        cascade(20, 1); // still above 20 minutes later: within the 30-minute cooldown
        assertThat(evaluate(engine)).extracting(Alert::rule).doesNotContain("btc-1h");
        cascade(40, 1); // 40 minutes after it fired: alerted again
        assertThat(evaluate(engine)).extracting(Alert::rule).contains("btc-1h");
    }

    @Test
    void shouldReadRulesAndSinksAndRefuseMistakesWithTheirPlace() throws Exception {
        ObjectMapper json = new ObjectMapper();
        AlertsConfig c = AlertsConfig.parse(json.readTree("{\"rules\":[{\"name\":\"btc\",\"kind\":\"liquidations\","
                + "\"coin\":\"btc\",\"window\":\"1h\",\"usd\":20000000,\"cooldown\":\"30m\"},{\"name\":\"swept\","
                + "\"kind\":\"swept-cluster\"}],\"sinks\":[{\"type\":\"telegram\",\"token\":\"1:A\",\"chat\":\"-1\"},"
                + "{\"type\":\"slack\",\"url\":\"https://hooks.slack.com/services/x\"}]}"),
                URI.create("https://api.telegram.org"));
        assertThat(c.rules().get(0).coin()).isEqualTo("BTC");
        assertThat(c.rules().get(0).window()).isEqualTo(Duration.ofHours(1));
        assertThat(c.rules().get(1).cooldown()).isZero();
        assertThat(c.sinks().get(0).uri()).isEqualTo(URI.create("https://api.telegram.org/bot1:A/sendMessage"));
        assertThatThrownBy(() -> AlertsConfig.parse(json.readTree("{\"rules\":[{\"name\":\"x\",\"kind\":\"burst\","
                + "\"coin\":\"BTC\"}],\"sinks\":[{\"type\":\"slack\",\"url\":\"https://x\"}]}"), URI.create("https://t")))
                .hasMessageContaining("alert rule 'x': bursts are per venue");
        assertThatThrownBy(() -> AlertsConfig.parse(json.readTree("{\"rules\":[{\"name\":\"x\",\"kind\":\"flush\","
                + "\"cooldown\":\"soon\"}],\"sinks\":[{\"type\":\"slack\",\"url\":\"https://x\"}]}"), URI.create("https://t")))
                .hasMessageContaining("durations look like");
        assertThatThrownBy(() -> AlertsConfig.parse(json.readTree("{\"rules\":[{\"name\":\"x\",\"kind\":\"flush\"}],"
                + "\"sinks\":[{\"type\":\"slack\",\"url\":\"file:///etc/passwd\"}]}"), URI.create("https://t")))
                .hasMessageContaining("must be http(s)");
    }
}
