package dev.cascade.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cascade.testkit.SharedFixtures;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * {@code cascade report} on the sample: each fact of the recap is stated with the figures the replay computes,
 * facts that did not happen in a period are not stated, the charts are PNGs, and the HTML is rendered to a PNG
 * in headless Chromium (target/report.png).
 */
class ReportTest {
    @TempDir
    Path dir;

    private static Path sample() {
        return SharedFixtures.root().resolve(SampleRecording.FILE);
    }

    private static String money(double usd) {
        return dev.cascade.output.Formats.money(usd);
    }

    @Test
    void shouldStateEachFactWithTheComputedFigures() throws Exception {
        Cli cli = Cli.run("report", "--format", "md", "--out", dir.toString(), sample().toString());
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        String md = Files.readString(dir.resolve("report.md"));
        JsonNode j = Cli.run("replay", "--format", "json", sample().toString()).json();
        JsonNode liq = j.path("liquidations");
        JsonNode btc = j.path("price").path("byCoin").path("BTC");
        assertThat(md)
                .startsWith("# BTC fell 2% to " + String.format(Locale.ROOT, "$%,.0f", btc.path("last").asDouble())
                        + " as " + money(liq.path("usd").asDouble()) + " was liquidated")
                .contains(String.format(Locale.ROOT, "across %,d orders", liq.path("count").asLong()))
                .contains(dev.cascade.output.Formats.share(liq.path("longShare").asDouble()) + " of it longs")
                .contains("Cascade estimates " + money(liq.path("estimatedUsd").asDouble()))
                .contains("BTC liquidations (" + money(liq.path("byCoin").path("BTC").path("usd").asDouble())
                        + ") exceeded ETH's (" + money(liq.path("byCoin").path("ETH").path("usd").asDouble()) + ")")
                .contains("$8,012,000 on Bybit BTCUSD (Bybit inverse)")
                .contains("fell below $105,000 at 14:53 UTC, $104,000 at 15:21 UTC and $103,000 at 15:35 UTC")
                .contains("recovered $103,000 at 15:41 UTC")
                .contains("A wick took BTC down to $102,393")
                .contains(String.format(Locale.ROOT, "average trading price of $%,.0f", btc.path("vwap").asDouble()))
                .contains("Bybit linear long liquidations passed $11.4M within 4 minutes")
                .contains("long liquidation cluster on the BTC heatmap")
                .contains("Total crypto market cap fell 2% to $3.22T while volume rose 40% to $133B")
                .contains("Sei (SEI) was the top gainer of the top 100, up 9.8%")
                .contains("The Fear & Greed Index read \"neutral\" (52)")
                .contains("The dominant event was a long squeeze from " + firstDetected(j) + " UTC")
                .contains(strongestEvidence(j, "BTC"));
        ArticleRules.check(md, false);
        for (String chart : new String[] {"liquidations.png", "price.png", "taker.png", "heatmap.png"}) {
            byte[] png = Files.readAllBytes(dir.resolve(chart));
            assertThat(png.length).as(chart).isGreaterThan(10_000);
            assertThat(new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).as(chart).isEqualTo("PNG");
            assertThat(md).contains("(" + chart + ")");
        }
    }

    /** HH:mm of the first detection in the replay's events: where the verdict's one merged move begins. */
    private static String firstDetected(JsonNode replay) {
        String first = null;
        for (JsonNode f : replay.path("events").path("flushes")) {
            String d = f.path("detected").asText();
            first = first == null || d.compareTo(first) < 0 ? d : first;
        }
        return first.substring(11, 16);
    }

    /** The verdict's evidence for a coin: its most liquidated detection's price and open interest changes. */
    private static String strongestEvidence(JsonNode replay, String coin) {
        JsonNode best = null;
        for (JsonNode f : replay.path("events").path("flushes")) {
            JsonNode e = f.path("evidence");
            if (f.path("coin").asText().equals(coin) && (best == null || e.path("longUsd").asDouble()
                    + e.path("shortUsd").asDouble() > best.path("longUsd").asDouble() + best.path("shortUsd").asDouble())) {
                best = e;
            }
        }
        return String.format(Locale.ROOT, "%s fell %.1f%% with open interest down %.1f%%", coin,
                -best.path("priceChangePct").asDouble(), -best.path("oiChangePct").asDouble());
    }

    @Test
    void shouldLeaveOutWhatDidNotHappenInThePeriod() throws Exception {
        // the first half hour: BTC drifts up, nothing is swept, no burst, no wick, no crossing of $103,000
        Cli cli = Cli.run("report", "--format", "md", "--out", dir.toString(), "--from", "2025-06-05T13:30:00Z",
                "--to", "2025-06-05T14:00:00Z", sample().toString());
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        String md = Files.readString(dir.resolve("report.md"));
        assertThat(md).startsWith("# BTC rose").doesNotContain("wick").doesNotContain("passed $")
                .doesNotContain("$103,000").doesNotContain("was swept").doesNotContain("long squeeze")
                .contains("No leverage flush or squeeze met Cascade's thresholds");
        assertThat(md).contains("*Jun 5 13:30 UTC to Jun 5 13:59 UTC*"); // the span of the data read
        ArticleRules.check(md, false);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldRenderTheHtmlReport() throws Exception {
        Path chromium = Paths.get("/usr/bin/chromium");
        Path driver = Paths.get("/usr/bin/chromedriver");
        assumeTrue(Files.isExecutable(chromium) && Files.isExecutable(driver), "Chromium is not installed");
        assertThat(Cli.run("report", "--out", dir.toString(), sample().toString()).exitCode()).isZero();
        Path html = dir.resolve("report.html");
        ChromeDriver browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile())
                .usingAnyFreePort().build(), new ChromeOptions().setBinary(chromium.toFile()).addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1000,4200"));
        try {
            browser.get(html.toUri().toString());
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.findElements(By.tagName("img")).size() == 4);
            assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("BTC fell 2% ");
            Object loaded = browser.executeScript(
                    "return [...document.images].every(i => i.complete && i.naturalWidth > 0)");
            assertThat(loaded).isEqualTo(true);
            File shot = browser.getScreenshotAs(OutputType.FILE);
            Files.createDirectories(Paths.get("target"));
            Files.copy(shot.toPath(), Paths.get("target", "report.png"), StandardCopyOption.REPLACE_EXISTING);
        } finally {
            browser.quit();
        }
    }
}
