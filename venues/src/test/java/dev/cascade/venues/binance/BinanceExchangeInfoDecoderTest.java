package dev.cascade.venues.binance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.model.ContractType;
import dev.cascade.model.Exchange;
import dev.cascade.model.Instrument;
import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.Venue;
import dev.cascade.venues.Decode;
import org.junit.jupiter.api.Test;

class BinanceExchangeInfoDecoderTest {
    private final InstrumentRegistry instruments = Decode.withMetadata().instruments();

    @Test
    void shouldReadCoinMContractSizesInUsd() {
        Instrument btc = instruments.find(Exchange.BINANCE, "BTCUSD_PERP");
        Instrument eth = instruments.find(Exchange.BINANCE, "ETHUSD_PERP");
        Instrument quarterly = instruments.find(Exchange.BINANCE, "BTCUSD_250926");
        assertThat(btc.venue()).isEqualTo(Venue.BINANCE_COINM);
        assertThat(btc.type()).isEqualTo(ContractType.INVERSE);
        assertThat(btc.contractSize()).isEqualTo(100.0);
        assertThat(btc.contractCurrency()).isEqualTo("USD");
        assertThat(eth.contractSize()).isEqualTo(10.0);
        assertThat(quarterly.contractSize()).isEqualTo(100.0);
        assertThat(btc.notionalUsd(5, 103000)).isEqualTo(500.0);
        assertThat(eth.notionalUsd(5, 2500)).isEqualTo(50.0);
    }

    @Test
    void shouldReadUsdmSymbolsAsOneCoinContracts() {
        Instrument pepe = instruments.find(Exchange.BINANCE, "1000PEPEUSDT");
        assertThat(pepe.venue()).isEqualTo(Venue.BINANCE_USDM);
        assertThat(pepe.coin().name()).isEqualTo("PEPE");
        assertThat(pepe.contractSize()).isEqualTo(1.0);
        // quoted per 1,000 PEPE: prices are made per PEPE where they enter, and the value is the same
        assertThat(pepe.unitsPerQuote()).isEqualTo(1000.0);
        assertThat(pepe.unitPrice(0.012)).isEqualTo(0.000012);
        assertThat(pepe.notionalUsd(1000, pepe.unitPrice(0.012))).isCloseTo(12.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(pepe.coinQuantity(1000, pepe.unitPrice(0.012))).isEqualTo(1_000_000.0);
        assertThat(instruments.find(Exchange.BINANCE, "ETHBTC").isUsdQuoted()).isFalse();
    }
}
