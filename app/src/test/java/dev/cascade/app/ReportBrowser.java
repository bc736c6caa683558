package dev.cascade.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Opens a report in headless Chromium at a given width (a phone's with touch and device metrics emulated),
 * measures its layout and saves a screenshot of the whole page.
 */
final class ReportBrowser {
    /** What the page showed: its headline, charts, widths in CSS pixels and the screenshot's file. */
    record Shot(String headline, int images, boolean isEveryImageLoaded, int viewportWidth, int pageWidth,
                int textWidth, double fontPx, Path png) {
    }

    private ReportBrowser() {
    }

    static Shot render(Path chromium, Path driver, String url, int width, boolean isPhone, Path png) throws Exception {
        ChromeDriver browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile())
                .usingAnyFreePort().build(), new ChromeOptions().setBinary(chromium.toFile()).addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1200,900"));
        try {
            browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", 900,
                    "deviceScaleFactor", 1, "mobile", isPhone));
            browser.get(url);
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(browser.executeScript(
                    "return document.images.length > 0 && [...document.images].every(i => i.complete)")));
            String headline = browser.findElement(By.tagName("h1")).getText();
            @SuppressWarnings("unchecked")
            List<Object> m = (List<Object>) browser.executeScript("const p = document.querySelector('p.lede');"
                    + "return [document.images.length, [...document.images].every(i => i.naturalWidth > 0),"
                    + " window.innerWidth, document.documentElement.scrollWidth, Math.round(p.getBoundingClientRect().width),"
                    + " parseFloat(getComputedStyle(document.querySelector('section p, h2 + p') || p).fontSize),"
                    + " document.documentElement.scrollHeight]");
            int height = ((Number) m.get(6)).intValue();
            browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                    "deviceScaleFactor", 1, "mobile", isPhone));
            Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                    "captureBeyondViewport", true));
            Files.createDirectories(png.toAbsolutePath().getParent());
            Files.write(png, Base64.getDecoder().decode((String) shot.get("data")));
            return new Shot(headline, ((Number) m.get(0)).intValue(), (Boolean) m.get(1), ((Number) m.get(2)).intValue(),
                    ((Number) m.get(3)).intValue(), ((Number) m.get(4)).intValue(), ((Number) m.get(5)).doubleValue(), png);
        } finally {
            browser.quit();
        }
    }
}
