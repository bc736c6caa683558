package dev.cascade.app;

import dev.cascade.output.Formats;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cascade.server.Server;
import dev.cascade.output.json.Json;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in headless Chromium (Debian's, driven through /usr/bin/chromedriver; .ci/run installs both),
 * fed by a replay of the sample, at a desktop's width (1400 px) and a phone's (390 px): the numbers it shows
 * must be the API's, the heatmap's price axis linear, the range selector must set the charts' span, nothing may
 * stick out of the viewport, and screenshots of both widths go to target/.
 */
class DashboardBrowserTest {
    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");
    private static final String TOKEN = "dashboard-token-0123456789";
    private static Server server;
    private static String base;

    @BeforeAll
    static void serveTheSample() throws Exception {
        server = SampleServer.start(Server.Settings.local(0).withRate(0).withToken(TOKEN));
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void shouldShowTheApisNumbersAtDesktopWidth() throws Exception {
        checkAt(1400, 2600, "dashboard-1400.png");
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void shouldShowTheApisNumbersAtPhoneWidth() throws Exception {
        checkAt(390, 7000, "dashboard-390.png");
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldSayThatATokenIsNeededInsteadOfShowingEmptyFigures() throws Exception {
        ChromeDriver browser = browser(1400, 1200);
        try {
            browser.get(base + "/"); // no token in the address
            WebElement notice = browser.findElement(By.id("notice"));
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> notice.isDisplayed());
            assertThat(notice.getText()).contains("needs a token").contains("/#token=TOKEN");
            assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("token required");
            assertThat(browser.findElements(By.cssSelector("[data-window]"))).isEmpty(); // no "–" cards, no 50/50 bars
        } finally {
            browser.quit();
        }
    }

    /**
     * The dashboard's formats are the command line's, report's and alerts' (dev.cascade.output.Formats): the
     * same values through app.js and through Java give the same text, ties and magnitudes included.
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldWriteEveryFigureAsTheOtherOutputsDo() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
        double[] values = {0, 0.4, 950.4, 999.5, 999.6, 5_000, 12_345, 12_250, 999_999, 8_012_000, 495_300_000, -314.6e6,
            48.8e9, 3.2e12, 4.5e15, 106_332.5, 2_446.405, 2_446.4, 2_600, 153.001, 150.25, 100.005, 99.996, 15.234, 3.45678,
            0.18659708041432668, 0.00001234, 0.000012345678, 84.3, 4.52, 4.55, -2.02, 0.253, 9.96, 0.995, -0.001};
        ChromeDriver browser = browser(800, 600);
        try {
            browser.get(base + "/#token=" + TOKEN);
            waitLoaded(browser);
            for (String f : new String[] {"money", "dollars", "price", "percent", "signedPercent", "share",
                "fundingRate"}) {
                @SuppressWarnings("unchecked")
                List<String> js = (List<String>) browser.executeScript("return arguments[0].map(v => " + f + "(v))",
                        java.util.Arrays.stream(values).boxed().toList());
                for (int i = 0; i < values.length; i++) {
                    assertThat(js.get(i)).as(f + "(" + values[i] + ")").isEqualTo(java(f, values[i]));
                }
            }
            assertThat(browser.executeScript("return count(127000)")).isEqualTo(Formats.count(127_000));
            assertThat(browser.executeScript("return money(null)")).isEqualTo(Formats.money(Double.NaN));
        } finally {
            browser.quit();
        }
    }

    private static String java(String format, double v) {
        return switch (format) {
            case "money" -> Formats.money(v);
            case "dollars" -> Formats.dollars(v);
            case "price" -> Formats.price(v);
            case "percent" -> Formats.percent(v);
            case "signedPercent" -> Formats.signedPercent(v);
            case "share" -> Formats.share(v);
            default -> Formats.fundingRate(v);
        };
    }

    @Test
    void shouldServeAFavicon() throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/favicon.ico"))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).startsWith(0, 0, 1, 0); // an ICO header
    }

    @Test
    void shouldAnswerAnUnchangedSectionWithA304() throws Exception {
        HttpResponse<String> first = send(base + "/api/v1/heatmap/grid?coin=BTC", null);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = send(base + "/api/v1/heatmap/grid?coin=BTC", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(send(base + "/api/v1/heatmap/grid?coin=BTC", "\"other\"").statusCode()).isEqualTo(200);
    }

    private void checkAt(int width, int height, String screenshot) throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
        ChromeDriver browser = browser(width, height);
        try {
            browser.get(base + "/#token=" + TOKEN); // the API and the stream need it
            waitLoaded(browser);
            assertThat(browser.executeScript("return window.innerWidth")).isEqualTo((long) width);
            totalCards(browser, null);
            JsonNode day = get("/api/v1/liquidations/summary?window=24h");
            table(browser, "coins", "data-coin", day.path("byCoin"), true);
            table(browser, "exchanges", "data-exchange", day.path("byExchange"), true);
            heatmapAxisIsLinear(browser);
            rangeSetsTheSpan(browser);
            noOverflow(browser);

            assertThat(attribute(browser, "[data-price]", "data-price"))
                    .isEqualTo(get("/api/v1/price?coin=BTC").path("last").asText());
            assertThat(browser.findElements(By.cssSelector("#tape li"))).hasSizeGreaterThanOrEqualTo(40);
            assertThat(text(browser, "#tape li:first-child")).matches("(?s)\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d .*");
            assertThat(text(browser, "#events")).contains("Jun 05 ").contains("fell below $103,000");
            assertThat(text(browser, "#overview")).contains("SEI");
            JsonNode sentiment = get("/api/v1/sentiment");
            assertThat(text(browser, "#sentiment-value"))
                    .isEqualTo(sentiment.path("value").isNull() ? "–" : sentiment.path("value").asText());
            assertThat(text(browser, "#market")).contains("per 8 h").contains("Volume, last 24h");

            // the coin filter drives the cards, the tables and the charts
            new Select(browser.findElement(By.id("coin"))).selectByValue("BTC");
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> text(browser, "#liq-title").contains("BTC"));
            totalCards(browser, "BTC");
            JsonNode btc = get("/api/v1/history?range=24h&by=side&coin=BTC");
            table(browser, "exchanges", "data-exchange", btc.path("liquidations").path("byExchange"), false);
            assertThat(browser.findElement(By.cssSelector("#coins tr.selected")).getDomAttribute("data-coin")).isEqualTo("BTC");

            // the stream connected with ?access_token=, and the page broke none of the security headers' rules
            assertThat(get("/api/v1/health").path("streamClients").asInt()).isGreaterThanOrEqualTo(1);
            assertThat(browser.manage().logs().get(LogType.BROWSER).getAll())
                    .noneMatch(e -> e.getMessage().contains("Content Security Policy"))
                    .noneMatch(e -> e.getMessage().contains("401"))
                    .noneMatch(e -> e.getMessage().contains("404"));
            new Select(browser.findElement(By.id("coin"))).selectByValue("");
            waitFor(browser, () -> text(browser, "#liq-title").contains("all coins"));
            save(browser, screenshot);
        } finally {
            browser.quit();
        }
    }

    /** Each window's card against the summary: total, count, and "no liquidations" rather than a 50/50 bar. */
    private void totalCards(ChromeDriver browser, String coin) throws Exception {
        for (String window : new String[] {"1h", "4h", "12h", "24h"}) {
            JsonNode api = get("/api/v1/liquidations/summary?window=" + window + (coin == null ? "" : "&coin=" + coin));
            String card = "[data-window='" + window + "'] ";
            waitFor(browser, () -> text(browser, card + ".usd").equals(dollars(api.path("usd").asDouble())));
            if (api.path("count").asLong() > 0) {
                assertThat(text(browser, card + ".count").replace(",", "")).as(window).isEqualTo(api.path("count").asText());
                assertThat(text(browser, card + ".positions")).as("positions liquidated, estimated")
                        .isEqualTo(Formats.count(api.path("estimatedCount").asLong()));
                assertThat(attribute(browser, card + ".split > div", "style").replace(" ", ""))
                        .isEqualTo("width:" + fixed((api.has("longShare") ? api.path("longShare").asDouble()
                                : api.path("longUsd").asDouble() / api.path("usd").asDouble()) * 100, 1) + "%");
            } else {
                assertThat(text(browser, card + ".nodata")).isEqualTo("no liquidations in this window");
                assertThat(browser.findElements(By.cssSelector(card + ".split > div"))).isEmpty();
            }
        }
    }

    /** Every row of a table against the API's split: total, longs' share and count, and no row more or less. */
    private void table(ChromeDriver browser, String id, String key, JsonNode expected, boolean hasEstimate) {
        List<String> keys = new ArrayList<>();
        expected.fieldNames().forEachRemaining(keys::add);
        waitFor(browser, () -> browser.findElements(By.cssSelector("#" + id + " tr[" + key + "]")).size() == keys.size()
                && keys.stream().allMatch(k -> text(browser, "#" + id + " tr[" + key + "='" + k + "'] .usd")
                        .equals(dollars(expected.path(k).path("usd").asDouble()))));
        assertThat(keys).isNotEmpty();
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String row = "#" + id + " tr[" + key + "='" + e.getKey() + "'] ";
            JsonNode t = e.getValue();
            assertThat(text(browser, row + ".count").replace(",", "")).as(e.getKey()).isEqualTo(t.path("count").asText());
            assertThat(text(browser, row + ".longpct")).as(e.getKey()).isEqualTo(Formats.percent(
                    100 * t.path("longUsd").asDouble() / t.path("usd").asDouble()));
            assertThat(text(browser, row + ".estimated")).as(e.getKey()).isEqualTo(hasEstimate
                    ? Formats.money(t.path("estimatedUsd").asDouble()) : "–");
        }
        // sortable: a click on "Count" orders the rows by count, largest first
        header(browser, id, "count").click();
        waitFor(browser, () -> "descending".equals(attribute(browser, "#" + id + " th[data-sort='count']", "aria-sort")));
        List<Long> counts = new ArrayList<>();
        for (WebElement c : browser.findElements(By.cssSelector("#" + id + " tr[" + key + "] .count"))) {
            counts.add(Long.parseLong(c.getDomProperty("textContent").replace(",", "")));
        }
        assertThat(counts).isSortedAccordingTo((a, b) -> Long.compare(b, a)).hasSize(keys.size());
        header(browser, id, "usd").click();
        waitFor(browser, () -> "descending".equals(attribute(browser, "#" + id + " th[data-sort='usd']", "aria-sort")));
    }

    /**
     * The heatmap's price labels, as drawn (SVG text in the page): the pixels between any two are proportional to
     * the dollars between them, which a category axis of bucket prices was not.
     */
    private void heatmapAxisIsLinear(ChromeDriver browser) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> labels = (List<Map<String, Object>>) browser.executeScript(
                "return [...document.querySelectorAll('#heatmap svg text')].filter(t => /^\\$[0-9,]+$/.test(t.textContent))"
                        + ".map(t => { const r = t.getBoundingClientRect(); return {text: t.textContent, y: r.top + r.height / 2}; })");
        assertThat(labels).hasSizeGreaterThanOrEqualTo(3);
        double p0 = dollars(labels.get(0));
        double y0 = ((Number) labels.get(0).get("y")).doubleValue();
        double pN = dollars(labels.get(labels.size() - 1));
        double yN = ((Number) labels.get(labels.size() - 1).get("y")).doubleValue();
        double pixelsPerDollar = (yN - y0) / (pN - p0);
        assertThat(pixelsPerDollar).isNegative(); // higher prices higher up
        for (Map<String, Object> a : labels) {
            for (Map<String, Object> b : labels) {
                double dp = dollars(a) - dollars(b);
                if (dp != 0) {
                    double dy = ((Number) a.get("y")).doubleValue() - ((Number) b.get("y")).doubleValue();
                    assertThat(dy).as(a + " / " + b).isCloseTo(dp * pixelsPerDollar, within(1.5));
                }
            }
        }
        // the price line and the clusters are on that axis, clusters labelled on the chart
        JsonNode grid = get("/api/v1/heatmap/grid?coin=BTC");
        if (grid.path("clusters").size() > 0) {
            JsonNode c = grid.path("clusters").get(0);
            assertThat(text(browser, "#heatmap")).contains(c.path("side").asText() + " $");
        }
        assertThat(text(browser, "#heatmap-title")).contains("BTC");
    }

    /** A range button sets the liquidation chart's time span to that range (to within a bar), in the API's bars. */
    /**
     * A column header of a table, scrolled to the middle of its container as a reader would scroll it: at the
     * container's left edge it would sit under the name column, which stays in view.
     */
    private static org.openqa.selenium.WebElement header(ChromeDriver browser, String table, String column) {
        org.openqa.selenium.WebElement th = browser.findElement(By.cssSelector("#" + table + " th[data-sort='" + column
                + "']"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center', inline: 'center'})", th);
        return th;
    }

    private void rangeSetsTheSpan(ChromeDriver browser) {
        for (String[] r : new String[][] {{"1h", "3600000"}, {"7d", "604800000"}, {"30d", "2592000000"},
            {"24h", "86400000"}}) {
            browser.findElement(By.cssSelector("#ranges button[data-range='" + r[0] + "']")).click();
            JsonNode h = get("/api/v1/history?range=" + r[0] + "&by=side");
            long to = Instant.parse(h.path("to").asText()).toEpochMilli();
            long span = Long.parseLong(r[1]);
            double bar = span / (double) h.path("times").size(); // bars on a time axis pad it by up to one bar
            String extent = "const c = echarts.getInstanceByDom(document.getElementById('liq'));"
                    + "const e = c.getModel().getComponent('xAxis', 0).axis.scale.getExtent();";
            waitFor(browser, () -> {
                List<?> e = (List<?>) browser.executeScript(extent + "return e;");
                double from = ((Number) e.get(0)).doubleValue();
                double until = ((Number) e.get(1)).doubleValue();
                return Math.abs(until - to) <= bar && Math.abs(until - from - span) <= bar;
            });
            Object bars = browser.executeScript(extent + "return c.getOption().series[0].data.length;");
            assertThat(((Number) bars).intValue()).as(r[0]).isEqualTo(h.path("times").size());
            assertThat(text(browser, "#liq-title")).contains("last " + r[0]);
        }
    }

    /** No element reaches past the viewport's edges, but inside a card that scrolls (the tables on a phone). */
    private void noOverflow(ChromeDriver browser) {
        @SuppressWarnings("unchecked")
        List<String> out = (List<String>) browser.executeScript(
                "const w = document.documentElement.clientWidth; const bad = [];"
                        + "const clipped = el => { for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {"
                        + "  const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') return true; }"
                        + "  return false; };"
                        + "for (const el of document.querySelectorAll('body *')) { const r = el.getBoundingClientRect();"
                        + "  if (r.width > 0 && (r.right > w + 0.5 || r.left < -0.5) && !clipped(el))"
                        + "    bad.push(el.tagName + '#' + el.id + '.' + el.className + ' ' + Math.round(r.left) + '..' + Math.round(r.right)); }"
                        + "if (document.documentElement.scrollWidth > w) bad.push('page ' + document.documentElement.scrollWidth);"
                        + "return bad;");
        assertThat(out).isEmpty();
    }

    private static void waitLoaded(ChromeDriver browser) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(
                d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
    }

    private static void waitFor(ChromeDriver browser, java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> {
            try {
                return condition.getAsBoolean();
            } catch (RuntimeException e) { // not drawn yet
                return false;
            }
        });
    }

    private static String text(ChromeDriver browser, String css) {
        return ((String) browser.findElement(By.cssSelector(css)).getDomProperty("textContent")).trim()
                .replaceAll("\\s+", " ");
    }

    private static String attribute(ChromeDriver browser, String css, String name) {
        return browser.findElement(By.cssSelector(css)).getDomAttribute(name);
    }

    private static ChromeDriver browser(int width, int height) {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                        "--window-size=" + width + "," + height);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(width, height));
        return browser;
    }

    private static JsonNode get(String path) {
        try {
            HttpResponse<String> r = send(base + path, null);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            return Json.MAPPER.readTree(r.body());
        } catch (Exception e) {
            throw new IllegalStateException(path, e);
        }
    }

    private static HttpResponse<String> send(String url, String ifNoneMatch) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + TOKEN);
        if (ifNoneMatch != null) {
            b.header("If-None-Match", ifNoneMatch);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String dollars(double usd) {
        return Formats.dollars(usd);
    }

    private static double dollars(Map<String, Object> label) {
        return Double.parseDouble(((String) label.get("text")).replace("$", "").replace(",", ""));
    }

    /** JavaScript's toFixed: the exact value of the double, rounded half up. */
    private static String fixed(double v, int decimals) {
        return new java.math.BigDecimal(v).setScale(decimals, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private static void save(ChromeDriver browser, String name) throws Exception {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Path target = Paths.get("target", name);
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }
}
