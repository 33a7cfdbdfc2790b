package dev.benchpulse.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchpulse.testsupport.HeadlessChromium;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in real headless Chromium against the real system: every view through the gateway, a run started
 * from the benchmark page executed by the runner, streamed live through Kafka, the notifier and the hub, and
 * stored and analysed by the results service. The tests follow one user in order: catalog, a run on two runtimes
 * watched live, its run page, the comparison, the history. Each view is kept as a screenshot in
 * {@code target/screenshots}, and the browser console must stay free of errors.
 */
@ExtendWith(RunningStackExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserIntegrationTests {

    private static final Duration PAGE = Duration.ofSeconds(30);
    private static final Duration RUN = Duration.ofMinutes(3);
    private static final int ITERATIONS = 5;
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static HeadlessChromium chromium;
    private static ChromeDriver browser;
    private static String gateway;
    private static CatalogChoice choice;
    /** The runs started from the benchmark page, once both completed. */
    private static List<String> runIds;

    @BeforeAll
    static void openBrowser(RunningStack stack) throws IOException, InterruptedException {
        gateway = stack.gatewayUrl();
        choice = CatalogChoice.of(stack);
        chromium = HeadlessChromium.start(SCREENSHOTS);
        browser = chromium.driver();
    }

    @AfterAll
    static void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @AfterEach
    void consoleStaysClean() {
        assertThat(chromium.consoleErrors()).as("browser console errors").isEmpty();
    }

    @Test
    @Order(1)
    void the_landing_page_lists_the_catalog_and_filters_it_by_category_and_text() {
        browser.get(gateway + "/");
        int all = waitFor(PAGE, () -> cards().size(), count -> count > 1);
        String category = categoryOf(cards().getFirst());
        assertThat(fitsItsWidth("html"))
                .as("the page needs no horizontal scrolling")
                .isTrue();
        screenshot("landing");

        browser.findElement(By.xpath("//div[@id='categories']/button[text()='" + category + "']"))
                .click();
        assertThat(cards())
                .hasSizeBetween(1, all - 1)
                .allSatisfy(card -> assertThat(categoryOf(card)).isEqualTo(category));

        browser.findElement(By.xpath("//div[@id='categories']/button[text()='All']"))
                .click();
        browser.findElement(By.id("search")).sendKeys(choice.benchmark());
        assertThat(cards())
                .hasSizeBetween(1, all - 1)
                .anySatisfy(card -> assertThat(
                                card.findElement(By.cssSelector("h3 a")).getAttribute("href"))
                        .endsWith("/" + choice.benchmark()));
        assertThat(browser.findElement(By.id("catalog-count")).getText()).endsWith(" of " + all + " benchmarks");
    }

    @Test
    @Order(2)
    void a_run_started_on_two_runtimes_from_the_benchmark_page_progresses_live_to_completion() {
        // Given the benchmark page, its code shown and its event stream live
        browser.get(gateway + "/benchmarks/" + choice.benchmark());
        waitFor(
                PAGE,
                () -> browser.findElements(By.cssSelector("#runtime-options input"))
                        .size(),
                n -> n >= 2);
        assertThat(browser.findElement(By.id("code")).getText())
                .contains("Measured body")
                .isNotBlank();
        assertThat(browser.findElements(By.cssSelector("#code .token")))
                .as("highlighted PHP")
                .isNotEmpty();
        waitFor(PAGE, () -> browser.findElement(By.id("connection")).getAttribute("data-state"), "live"::equals);

        // When both runtimes are chosen with a few iterations
        choice.runtimes().forEach(this::check);
        WebElement iterations = browser.findElement(By.id("iterations"));
        iterations.clear();
        iterations.sendKeys(String.valueOf(ITERATIONS));
        browser.findElement(By.id("start")).click();

        // Then a card per runtime follows its run to the end
        List<WebElement> runCards = waitFor(
                PAGE, () -> browser.findElements(By.cssSelector("#live-runs .run-card")), found -> found.size() == 2);
        browser.executeScript("arguments[0].scrollIntoView()", browser.findElement(By.id("live-heading")));
        screenshot("live-runs");
        waitFor(
                RUN,
                () -> runCards.stream().allMatch(card -> "COMPLETED".equals(card.getAttribute("data-status"))),
                Boolean::booleanValue);
        assertThat(runCards)
                .allSatisfy(card -> {
                    assertThat(card.findElement(By.cssSelector("[role=progressbar]"))
                                    .getAttribute("aria-valuenow"))
                            .isEqualTo("100");
                    assertThat(card.getText())
                            .contains("Completed", "Iteration " + ITERATIONS + " of " + ITERATIONS, "95% CI");
                    assertThat(card.findElement(By.linkText("View results")).isDisplayed())
                            .isTrue();
                })
                .extracting(card -> card.findElement(By.cssSelector(".runtime")).getText())
                .anySatisfy(runtime ->
                        assertThat(runtime).startsWith(choice.runtimes().get(0) + " · PHP"))
                .anySatisfy(runtime ->
                        assertThat(runtime).startsWith(choice.runtimes().get(1) + " · PHP"));
        screenshot("live-runs-completed");
        runIds = runCards.stream().map(card -> card.getAttribute("data-run-id")).toList();
    }

    @Test
    @Order(3)
    void the_run_page_shows_the_statistics_and_every_sample() {
        openAfterTheRuns("/runs/" + runIds.getFirst());

        waitFor(PAGE, () -> rows("#stats"), rows -> rows > 10);
        assertThat(browser.findElement(By.id("stats")).getText())
                .contains("Median", "Mean", "p99")
                .containsPattern("[0-9.,]+ (ns|µs|ms)");
        assertThat(fitsItsWidth(".table-wrap:has(#stats)"))
                .as("every figure in view")
                .isTrue();
        assertThat(drawn("#samples-chart")).as("samples chart").isTrue();
        assertThat(drawn("#histogram")).as("histogram").isTrue();
        screenshot("run");
    }

    @Test
    @Order(4)
    void compare_shows_both_runtimes_side_by_side_with_the_ratio_and_the_verdict() {
        openAfterTheRuns(
                "/benchmarks/" + choice.benchmark() + "/compare?runtimes=" + String.join(",", choice.runtimes()));

        waitFor(PAGE, () -> rows("#comparison"), rows -> rows == 2);
        assertThat(browser.findElements(By.cssSelector("#comparison tbody th")))
                .extracting(WebElement::getText)
                .satisfiesExactly(
                        first -> assertThat(first).startsWith(choice.runtimes().get(0)),
                        second ->
                                assertThat(second).startsWith(choice.runtimes().get(1)));
        assertLinksToEachRun("#comparison");
        assertThat(browser.findElements(By.cssSelector("#comparison td.best"))).isNotEmpty();
        assertThat(browser.findElement(By.id("verdicts")).getText())
                .containsPattern("(is [0-9.]+× (faster|slower) than|No significant difference between)")
                .contains("ratio of medians");
        assertThat(drawn("#chart")).as("chart").isTrue();
        screenshot("compare");
    }

    @Test
    @Order(5)
    void history_shows_a_point_per_completed_run() {
        openAfterTheRuns("/benchmarks/" + choice.benchmark() + "/history");

        waitFor(PAGE, () -> rows("#points"), rows -> rows >= 2);
        assertLinksToEachRun("#points");
        assertThat(drawn("#chart")).as("chart").isTrue();
        screenshot("history");
    }

    @Test
    @Order(6)
    void php_versions_shows_a_row_per_runtime_with_the_ratio_to_the_baseline_and_the_chart_by_version() {
        openAfterTheRuns("/benchmarks/" + choice.benchmark() + "/versions?baseline="
                + choice.runtimes().get(0));

        waitFor(PAGE, () -> rows("#versions"), rows -> rows >= 2);
        assertLinksToEachRun("#versions");
        assertThat(browser.findElement(By.cssSelector("#versions tr[data-runtime='"
                                + choice.runtimes().get(0) + "']"))
                        .getText())
                .contains("baseline");
        assertThat(browser.findElement(By.cssSelector("#versions tr[data-runtime='"
                                + choice.runtimes().get(1) + "']"))
                        .getText())
                .containsPattern("[0-9.]+ \\([0-9.]+ – [0-9.]+\\) (faster|slower|no significant difference)");
        assertThat(drawn("#chart")).as("chart").isTrue();
        screenshot("versions");
    }

    /** Opens a view of the runs started from the benchmark page, which must have completed. */
    private static void openAfterTheRuns(String path) {
        assertThat(runIds)
                .as("the runs started from the benchmark page completed")
                .isNotNull();
        browser.get(gateway + path);
    }

    private static void assertLinksToEachRun(String container) {
        runIds.forEach(id -> assertThat(browser.findElements(By.cssSelector(container + " a[href='/runs/" + id + "']")))
                .as("a link to run %s in %s", id, container)
                .hasSize(1));
    }

    private static int rows(String table) {
        return browser.findElements(By.cssSelector(table + " tbody tr")).size();
    }

    private static boolean drawn(String chart) {
        return !browser.findElements(By.cssSelector(chart + " canvas")).isEmpty();
    }

    private void check(String runtime) {
        WebElement box = browser.findElement(By.id("rt-" + runtime));
        if (!box.isSelected()) {
            box.click();
        }
    }

    private static List<WebElement> cards() {
        return browser.findElements(By.cssSelector("#catalog .benchmark-card"));
    }

    /** Whether the first element {@code selector} matches shows all its content without scrolling sideways. */
    private static boolean fitsItsWidth(String selector) {
        return (Boolean) browser.executeScript(
                "const e = document.querySelector(arguments[0]);" + " return e.scrollWidth <= e.clientWidth;",
                selector);
    }

    /** The category as written (the page shows it upper-cased). */
    private static String categoryOf(WebElement card) {
        return card.findElement(By.cssSelector(".category")).getDomProperty("textContent");
    }

    /** Waits until {@code done} holds for what {@code read} sees, and returns it. */
    private static <T> T waitFor(Duration timeout, Supplier<T> read, Predicate<T> done) {
        ExpectedCondition<T> condition = driver -> {
            T seen = read.get();
            return done.test(seen) ? seen : null;
        };
        return new WebDriverWait(browser, timeout, Duration.ofMillis(200)).until(condition);
    }

    private static void screenshot(String name) {
        chromium.screenshot(name);
    }
}
