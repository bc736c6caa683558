package dev.cascade.app;

import dev.cascade.alerts.AlertEngine;
import dev.cascade.alerts.AlertsConfig;
import dev.cascade.alerts.Delivery;
import dev.cascade.analytics.MarketState;
import dev.cascade.analytics.figures.Figures;
import java.time.Duration;

/** A live run's alerts: its rules evaluated on each read-out, what they raise handed to delivery (its own threads). */
final class Alerting implements AutoCloseable {
    /** How long closing waits for what the last read-out raised to be sent. */
    private static final Duration LAST_SEND = Duration.ofSeconds(10);

    private final AlertEngine engine;
    private final Delivery delivery;

    private Alerting(AlertsConfig config) {
        this.engine = new AlertEngine(config.rules());
        this.delivery = Delivery.standard(config.sinks());
    }

    /** The alerting of {@code config}, or null when there are no rules. */
    static Alerting of(AlertsConfig config) {
        return config == null ? null : new Alerting(config);
    }

    /** On the pipeline thread, after a read-out. */
    void onReadout(MarketState state, Figures figures) {
        delivery.send(engine.evaluate(state, figures));
    }

    @Override
    public void close() {
        try {
            delivery.drain(LAST_SEND);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        delivery.close();
    }
}
