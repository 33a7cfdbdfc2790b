package dev.benchpulse.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless {@link Chromium} driven through Selenium, for tests that open the dashboard: a 1280x900 window
 * with a profile of its own, the browser console recorded, screenshots kept as test artifacts. Selenium is an
 * optional dependency of this module: tests that use this class declare {@code selenium-java} themselves, and set
 * {@code SE_OFFLINE=true} so that Selenium Manager never looks for a browser or driver to download.
 */
public final class HeadlessChromium implements AutoCloseable {

    private final ChromeDriver driver;
    private final Path screenshots;

    private HeadlessChromium(ChromeDriver driver, Path screenshots) {
        this.driver = driver;
        this.screenshots = screenshots;
    }

    /** Starts a browser whose screenshots go to {@code screenshots} (created if missing). */
    public static HeadlessChromium start(Path screenshots) throws IOException {
        ChromeOptions options = new ChromeOptions().setBinary(Chromium.binary().toFile());
        options.addArguments(Chromium.HEADLESS_FLAGS);
        options.addArguments(
                "--window-size=1280,900", "--user-data-dir=" + Files.createTempDirectory("benchpulse-chromium"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Chromium.driver().toFile())
                .usingAnyFreePort()
                .build();
        Files.createDirectories(screenshots);
        return new HeadlessChromium(new ChromeDriver(service, options), screenshots);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /**
     * Leaves the page for {@code about:blank} (so that whatever it logs while closing is in) and returns the console
     * errors (SEVERE entries) logged since the last call.
     */
    public List<LogEntry> consoleErrors() {
        driver.get("about:blank");
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .toList();
    }

    /** Saves what the window shows as {@code <name>.png}. */
    public void screenshot(String name) {
        try {
            Files.write(screenshots.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
