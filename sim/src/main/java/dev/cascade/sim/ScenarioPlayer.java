package dev.cascade.sim;

import dev.cascade.model.Venue;
import java.util.List;

/**
 * Plays a {@link Scenario} live through a {@link Simulator} started for playback: the same frames the recorder
 * writes, published over the venues' WebSocket endpoints to whoever subscribed, paced at {@code speed} times
 * the scenario's clock (what came before the scenario's start, the month's history, goes out at once). The
 * overview documents become what the simulator's CoinGecko and alternative.me endpoints answer.
 */
public final class ScenarioPlayer {
    private final Scenario scenario;
    private final double speed;

    public ScenarioPlayer(Scenario scenario, double speed) {
        this.scenario = scenario;
        this.speed = speed;
    }

    /** The instruments to start the simulator with. */
    public List<SimInstrument> instruments() {
        return new ScenarioRecorder(scenario, null).instruments();
    }

    /** Publishes the whole scenario through {@code simulator}; returns the frames published. */
    public long play(Simulator simulator) throws InterruptedException {
        return play(simulator, () -> { });
    }

    /**
     * The same, calling {@code onDocument} after each overview document is published (a client that polls
     * slower than the scenario runs can fetch it then).
     */
    public long play(Simulator simulator, Runnable onDocument) throws InterruptedException {
        long wallStart = System.nanoTime();
        long start = scenario.startMillis();
        long[] frames = {0};
        InterruptedException[] interrupted = {null};
        ScenarioRecorder.Out out = new ScenarioRecorder.Out() {
            @Override
            public void frame(long millis, Venue venue, String topic, String payload, boolean isAggTrade) {
                pace(millis);
                simulator.publish(venue, topic, payload, isAggTrade);
                frames[0]++;
            }

            @Override
            public void document(long millis, String source, String path, String kind, String json) {
                if (!kind.equals("metadata")) {
                    pace(millis);
                    simulator.document(kind, json);
                    onDocument.run();
                }
            }

            private void pace(long millis) {
                if (millis <= start || interrupted[0] != null) {
                    return;
                }
                long due = wallStart + (long) ((millis - start) / speed * 1_000_000);
                long wait = due - System.nanoTime();
                if (wait > 1_000_000) {
                    try {
                        Thread.sleep(wait / 1_000_000);
                    } catch (InterruptedException e) {
                        interrupted[0] = e;
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
        new ScenarioRecorder(scenario, out).run();
        if (interrupted[0] != null) {
            throw interrupted[0];
        }
        return frames[0];
    }
}
