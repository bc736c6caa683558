package dev.cascade.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cascade.analytics.risk.LiquidationPrice;
import dev.cascade.model.MarginBracket;
import dev.cascade.model.MarginBrackets;
import dev.cascade.model.Side;
import dev.cascade.model.Venue;
import dev.cascade.venues.VenueModule;
import dev.cascade.venues.VenueRegistry;
import dev.cascade.venues.binance.BinanceLeverageBracketDecoder;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cascade liqprice}: the liquidation price of one position, with the venue's maintenance brackets. */
@Command(name = "liqprice", mixinStandardHelpOptions = true,
        description = "Liquidation price of a position (one-way mode, no other positions), with maintenance-margin "
                + "brackets from a Binance leverageBracket file or the documented defaults.")
final class LiqPriceCommand implements Callable<Integer> {
    @Option(names = "--venue", required = true, paramLabel = "VENUE",
            description = "${COMPLETION-CANDIDATES}.", completionCandidates = VenueIds.WithLiquidationPrice.class)
    String venueId;

    @Option(names = "--side", required = true, paramLabel = "long|short", description = "The position's side.")
    Side side;

    @Option(names = "--entry", required = true, paramLabel = "PRICE", description = "Entry price.")
    double entry;

    @Option(names = "--qty", required = true, paramLabel = "N",
            description = "Size: coins for linear contracts, contracts for inverse ones.")
    double quantity;

    @Option(names = "--contract-size", paramLabel = "USD",
            description = "USD per inverse contract (binance-coinm: 100 for BTC, 10 for most others; bybit-inverse: 1). "
                    + "With okx-swap it selects an inverse (coin-margined) swap.")
    Double contractSize;

    @Option(names = "--leverage", paramLabel = "L", description = "Leverage: the wallet is the initial margin.")
    Double leverage;

    @Option(names = "--wallet", paramLabel = "W",
            description = "Margin behind the position: USD for linear, coins for inverse (cross: the wallet balance).")
    Double wallet;

    @Option(names = "--margin", defaultValue = "isolated", paramLabel = "isolated|cross",
            description = "isolated (default) or cross; cross needs --wallet.")
    String margin;

    @Option(names = "--brackets", paramLabel = "FILE",
            description = "Binance leverageBracket JSON (USDⓈ-M notionalFloor/notionalCap, COIN-M qtyFloor/qtyCap).")
    Path bracketsFile;

    @Option(names = "--symbol", paramLabel = "SYMBOL", description = "Which symbol of a brackets file holding several.")
    String symbol;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json", description = "text or json.")
    ReplayCommand.Format format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Venue venue = Venue.byId(venueId);
        if (venue == null) {
            throw usage("--venue must be binance-usdm, binance-coinm, bybit-linear, bybit-inverse or okx-swap, not '"
                    + venueId + "'");
        }
        VenueModule.LiquidationPriceRules rules = VenueRegistry.of(venue).liquidationPriceRules(venue);
        if (rules == null) {
            throw usage("no liquidation-price formula for " + venue.id() + " (known: " + String.join(", ",
                    new VenueIds.WithLiquidationPrice()) + ")");
        }
        if (!margin.equals("isolated") && !margin.equals("cross")) {
            throw usage("--margin must be isolated or cross, not '" + margin + "'");
        }
        Checks.positive(spec, "--entry", entry);
        Checks.positive(spec, "--qty", quantity);
        if (bracketsFile != null) {
            Checks.readableFile("--brackets", bracketsFile);
        }
        boolean isInverse = rules.isInverse() || rules.isInverseWithContractSize() && contractSize != null;
        double size = contractSize != null ? contractSize : rules.defaultContractSize();
        if (isInverse && !(size > 0)) {
            throw usage("--contract-size must be a positive number, not " + size);
        }
        if ((leverage == null) == (wallet == null)) {
            throw usage("give either --leverage or --wallet");
        }
        if (margin.equals("cross") && wallet == null) {
            throw usage("cross margin needs --wallet (the account's balance)");
        }
        if (leverage != null && !(leverage >= 1 && leverage <= 200)) {
            throw usage("--leverage must be 1 to 200, not " + leverage);
        }
        if (wallet != null && !(wallet > 0)) {
            throw usage("--wallet must be a positive number, not " + wallet);
        }
        double w = wallet != null ? wallet
                : LiquidationPrice.Position.initialMargin(isInverse, entry, quantity, size, leverage);
        MarginBrackets brackets = brackets(venue);
        LiquidationPrice.Result r = LiquidationPrice.of(
                new LiquidationPrice.Position(venue, isInverse, side, entry, quantity, size, w), brackets);
        PrintWriter out = spec.commandLine().getOut();
        if (format == ReplayCommand.Format.JSON) {
            ObjectNode o = RunJson.MAPPER.createObjectNode();
            o.put("liquidationPrice", price(r.price()));
            ObjectNode b = o.putObject("bracket");
            b.put("mmr", BigDecimal.valueOf(r.bracket().mmr()));
            b.put("cum", BigDecimal.valueOf(r.bracket().cum()).round(new MathContext(12)).stripTrailingZeros());
            b.put("floor", BigDecimal.valueOf(r.bracket().floor()).stripTrailingZeros());
            if (r.bracket().cap() < Double.MAX_VALUE) {
                b.put("cap", BigDecimal.valueOf(r.bracket().cap()).stripTrailingZeros());
            } else {
                b.putNull("cap");
            }
            out.println(RunJson.MAPPER.writeValueAsString(o));
        } else {
            out.println(text(venue, isInverse, r));
        }
        out.flush();
        return 0;
    }

    private String text(Venue venue, boolean isInverse, LiquidationPrice.Result r) {
        MarginBracket b = r.bracket();
        String unit = isInverse ? " coins" : " USD";
        String range = b.cap() < Double.MAX_VALUE
                ? String.format(Locale.ROOT, "%,.0f to %,.0f%s", b.floor(), b.cap(), unit)
                : String.format(Locale.ROOT, "from %,.0f%s", b.floor(), unit);
        String price = r.price() <= 0 ? "none (the margin covers any price)" : r.price() >= 100
                ? String.format(Locale.ROOT, "$%,.2f", price(r.price())) : "$" + price(r.price()).toPlainString();
        return String.format(Locale.ROOT, "Liquidation price: %s%n  %s %s %s at %s, %s margin%n"
                        + "  bracket %d: maintenance margin %.2f %%, maintenance amount %s, sizes %s%s",
                price, venue.id(), side.id(), BigDecimal.valueOf(quantity).stripTrailingZeros().toPlainString(),
                BigDecimal.valueOf(entry).stripTrailingZeros().toPlainString(), margin, b.number(), b.mmr() * 100,
                BigDecimal.valueOf(b.cum()).round(new MathContext(12)).stripTrailingZeros().toPlainString(), range,
                bracketsFile == null ? "\n  (default brackets; pass --brackets FILE for the venue's current table)" : "");
    }

    private MarginBrackets brackets(Venue venue) throws IOException {
        if (bracketsFile == null) {
            return MarginBrackets.defaults(venue);
        }
        JsonNode root;
        try {
            root = RunJson.MAPPER.readTree(Files.readAllBytes(bracketsFile));
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IOException(bracketsFile + ": not JSON (" + e.getOriginalMessage() + ")");
        }
        Map<String, MarginBrackets> all = BinanceLeverageBracketDecoder.decode(root == null ? RunJson.MAPPER.nullNode() : root);
        if (symbol != null) {
            MarginBrackets b = all.get(symbol.toUpperCase(Locale.ROOT));
            if (b == null) {
                throw new IOException(bracketsFile + " has no brackets for " + symbol + " (it has " + all.keySet() + ")");
            }
            return b;
        }
        if (all.size() > 1) {
            throw usage(bracketsFile + " holds " + all.size() + " symbols: choose one with --symbol");
        }
        return all.values().iterator().next();
    }

    /** Cents for prices of 100 and more; six significant digits below. */
    static BigDecimal price(double p) {
        if (p >= 100) {
            return BigDecimal.valueOf(p).setScale(2, RoundingMode.HALF_EVEN);
        }
        return p == 0 ? BigDecimal.ZERO : new BigDecimal(p, new MathContext(6)).stripTrailingZeros();
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
