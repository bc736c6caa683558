package dev.cascade.venues.bybit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.model.ContractType;
import dev.cascade.model.Exchange;
import dev.cascade.model.Instrument;
import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.Venue;
import dev.cascade.venues.Decode;
import org.junit.jupiter.api.Test;

class BybitInstrumentsDecoderTest {
    private final InstrumentRegistry instruments = Decode.withMetadata().instruments();

    @Test
    void shouldMakeInverseContractsOneUsdAndLinearContractsOneCoin() {
        Instrument inverse = instruments.find(Exchange.BYBIT, "ETHUSDM25");
        assertThat(inverse.venue()).isEqualTo(Venue.BYBIT_INVERSE);
        assertThat(inverse.type()).isEqualTo(ContractType.INVERSE);
        assertThat(inverse.contractSize()).isEqualTo(1.0);
        assertThat(inverse.coin().name()).isEqualTo("ETH");
        assertThat(inverse.notionalUsd(2500, 2400)).isEqualTo(2500.0);
        Instrument usdcPerp = instruments.find(Exchange.BYBIT, "ETHPERP");
        assertThat(usdcPerp.venue()).isEqualTo(Venue.BYBIT_LINEAR);
        assertThat(usdcPerp.notionalUsd(2, 2400)).isEqualTo(4800.0);
    }

    @Test
    void shouldPlaceSymbolsByConventionWhenNoMetadataIsLoaded() {
        InstrumentRegistry bare = new InstrumentRegistry();
        byte[] quarterly = "BTCUSDH26".getBytes();
        Instrument i = bare.resolve(Venue.BYBIT_LINEAR, quarterly, 0, quarterly.length, BybitSymbols.INSTANCE);
        assertThat(i.venue()).isEqualTo(Venue.BYBIT_INVERSE);
        assertThat(i.coin().name()).isEqualTo("BTC");
        byte[] shib = "SHIB1000USDT".getBytes();
        assertThat(bare.resolve(Venue.BYBIT_LINEAR, shib, 0, shib.length, BybitSymbols.INSTANCE).coin().name())
                .isEqualTo("SHIB");
    }
}
