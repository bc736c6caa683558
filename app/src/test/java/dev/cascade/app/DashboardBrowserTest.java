package dev.cascade.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cascade.analytics.figures.FigureSettings;
import dev.cascade.analytics.figures.Figures;
import dev.cascade.server.MarketView;
import dev.cascade.server.Published;
import dev.cascade.server.Server;
import dev.cascade.server.Stream;
import dev.cascade.server.json.Json;
import dev.cascade.testkit.SharedFixtures;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in headless Chromium (Debian's, driven through /usr/bin/chromedriver; .ci/run installs both),
 * fed by a replay of the sample: the numbers it shows must be the API's, and screenshots go to target/.
 */
class DashboardBrowserTest {
    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");
    private static final String TOKEN = "dashboard-token-0123456789";

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldShowTheApisNumbers() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
        Path sample = SharedFixtures.root().resolve(SampleRecording.FILE);
        ReplayResult r = new ReplayJob(1 << 23).run(List.of(sample), bytes -> { });
        FigureSettings settings = FigureSettings.DEFAULT.withSnapshots(ServeCommand.SNAPSHOT_MINUTES);
        Published published = Published.of(Figures.of(r.state(), settings), r.events().events(), settings);
        try (Server server = Server.start(MarketView.fixed(r.state(), published), new Stream(),
                Server.Settings.local(0).withRate(0).withToken(TOKEN))) {
            String base = "http://127.0.0.1:" + server.port();
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                    .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                            "--disable-quic", "--no-first-run", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync", "--window-size=1400,2000");
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriver browser = new ChromeDriver(service, options);
            try {
                browser.manage().window().setSize(new Dimension(1400, 2000));
                browser.get(base + "/#token=" + TOKEN); // the API and the stream need it
                new WebDriverWait(browser, Duration.ofSeconds(30)).until(
                        d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
                for (String window : new String[] {"1h", "4h", "12h", "24h"}) {
                    JsonNode api = get(base + "/api/v1/liquidations/summary?window=" + window);
                    WebElement card = browser.findElement(By.cssSelector("[data-window='" + window + "']"));
                    assertThat(card.findElement(By.className("usd")).getText()).as(window)
                            .isEqualTo(dollars(api.path("usd").asDouble()));
                    assertThat(card.findElement(By.className("count")).getText().replace(",", "")).as(window)
                            .isEqualTo(api.path("count").asText());
                }
                JsonNode day = get(base + "/api/v1/liquidations/summary?window=24h");
                for (String exchange : new String[] {"binance", "bybit", "okx"}) {
                    WebElement row = browser.findElement(By.cssSelector("[data-exchange='" + exchange + "']"));
                    assertThat(row.findElement(By.className("usd")).getText()).as(exchange)
                            .isEqualTo(dollars(day.path("byExchange").path(exchange).path("usd").asDouble()));
                }
                JsonNode btc = get(base + "/api/v1/price?coin=BTC");
                assertThat(browser.findElement(By.cssSelector("[data-price]")).getDomAttribute("data-price"))
                        .isEqualTo(btc.path("last").asText());
                assertThat(browser.findElements(By.cssSelector("#tape li"))).hasSizeGreaterThanOrEqualTo(40);
                assertThat(browser.findElement(By.id("events")).getText()).contains("fell below $103,000");
                assertThat(browser.findElement(By.id("overview")).getText()).contains("SEI");
                Object canvases = browser.executeScript("return document.querySelectorAll('canvas').length");
                assertThat(((Number) canvases).intValue()).isGreaterThanOrEqualTo(4); // bars, heatmap, taker, gauge
                // the stream connected with ?access_token=, and the page broke none of the security headers' rules
                assertThat(get(base + "/api/v1/health").path("streamClients").asInt()).isEqualTo(1);
                Object split = browser.executeScript("return document.querySelector('.split div').style.width");
                assertThat(String.valueOf(split)).endsWith("%"); // an inline style attribute, allowed by the CSP
                assertThat(browser.manage().logs().get(LogType.BROWSER).getAll())
                        .noneMatch(e -> e.getMessage().contains("Content Security Policy"))
                        .noneMatch(e -> e.getMessage().contains("401"));
                screenshot(browser, "dashboard.png");
            } finally {
                browser.quit();
            }
        }
    }

    private static JsonNode get(String url) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(url).isEqualTo(200);
        return Json.MAPPER.readTree(r.body());
    }

    /** As the dashboard writes whole dollars: "$1,234,567". */
    private static String dollars(double usd) {
        return String.format(Locale.ROOT, "$%,d", Math.round(usd));
    }

    private static void screenshot(ChromeDriver browser, String name) throws Exception {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Path target = Paths.get("target", name);
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }
}
