package dev.cascade.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cascade.analytics.figures.FigureSettings;
import dev.cascade.model.Venue;
import dev.cascade.venues.feed.Channels;
import dev.cascade.venues.feed.Endpoints;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LiveSettingsTest {
    private final Endpoints endpoints = Endpoints.production();

    @Test
    void shouldDefaultToEveryVenueAndChannelWithoutRecordingServingOrStoring() {
        LiveSettings s = LiveSettings.reading(endpoints).build();
        assertThat(s.venues()).isEqualTo(EnumSet.allOf(Venue.class));
        assertThat(s.coins()).isEmpty();
        assertThat(s.channels()).isEqualTo(Channels.ALL);
        assertThat(s.figures()).isEqualTo(FigureSettings.DEFAULT);
        assertThat(s.isWithOverview()).isTrue();
        assertThat(s.recordDir()).isNull();
        assertThat(s.serve()).isNull();
        assertThat(s.storage()).isNull();
        assertThat(s.alerts()).isNull();
    }

    @Test
    void shouldKeepWhatItWasGivenByName() {
        LiveSettings s = LiveSettings.reading(endpoints).venues(Set.of(Venue.BYBIT_LINEAR)).coins(Set.of("BTC"))
                .recording(Path.of("rec"), Duration.ofMinutes(5)).overview(false).build();
        assertThat(s.venues()).containsExactly(Venue.BYBIT_LINEAR);
        assertThat(s.coins()).containsExactly("BTC");
        assertThat(s.recordDir()).isEqualTo(Path.of("rec"));
        assertThat(s.rotateEvery()).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.isWithOverview()).isFalse();
    }

    @Test
    void shouldRefuseSettingsThatDoNotFitInOneLine() {
        assertThatThrownBy(() -> LiveSettings.reading(endpoints).venues(Set.of()).build())
                .hasMessage("live: no venue to read");
        assertThatThrownBy(() -> LiveSettings.reading(endpoints).recording(Path.of("rec"), Duration.ZERO).build())
                .hasMessage("live: recording needs a positive rotation, not PT0S");
        assertThatThrownBy(() -> LiveSettings.reading(null).build()).hasMessage("live: no endpoints to read");
    }
}
