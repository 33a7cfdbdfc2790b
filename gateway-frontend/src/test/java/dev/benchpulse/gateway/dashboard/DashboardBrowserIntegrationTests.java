package dev.benchpulse.gateway.dashboard;

import static dev.benchpulse.gateway.testing.Backends.HUB;
import static dev.benchpulse.gateway.testing.Backends.HUB_PATH;
import static dev.benchpulse.gateway.testing.Backends.RESULTS;
import static dev.benchpulse.gateway.testing.Backends.RUNNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.benchpulse.contracts.web.ApiHeaders;
import dev.benchpulse.contracts.web.RunTopics;
import dev.benchpulse.gateway.testing.OpenModeGateway;
import dev.benchpulse.testsupport.HeadlessChromium;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard in real headless Chromium, in front of stand-in services and a stand-in hub that replay fixed
 * data: pages render, a run progresses live from the event stream (replays de-duplicated) and the console stays
 * clean. The end-to-end proof against the real services lives in the launcher module.
 */
class DashboardBrowserIntegrationTests extends OpenModeGateway {

    static final String RUN_ID = "33333333-3333-4333-8333-333333333333";
    static final String RUN_1 = "11111111-1111-4111-8111-111111111111";
    static final String FAILING_RUN = "44444444-4444-4444-8444-444444444444";
    static final Duration WAIT = Duration.ofSeconds(20);
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** Visible text whose colour has less than 4.5:1 contrast (WCAG) with the background behind it. */
    static final String LOW_CONTRAST_TEXT = """
            const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
            const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255;
              return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
              .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
            const background = (e) => { for (; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor);
              if (c.length === 3 || c[3] > 0) return c.slice(0, 3); } return [255, 255, 255]; };
            return [...document.querySelectorAll('body *')].filter((e) => e.offsetParent !== null
                && [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()))
              .map((e) => { const a = lum(rgb(getComputedStyle(e).color)), b = lum(background(e));
                return [e, (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)]; })
              .filter(([, ratio]) => ratio < 4.5)
              .map(([e, ratio]) => `${e.tagName}.${e.className} "${e.textContent.trim().slice(0, 30)}" ${ratio.toFixed(2)}`);
            """;

    /** The field paths the page read from API answers since the last call (record-api-reads.js). */
    static final String API_READS = """
            const key = 'benchpulse.apiReads';
            try { const reads = JSON.parse(sessionStorage.getItem(key) || '[]'); sessionStorage.removeItem(key);
              return reads; } catch (e) { return []; }
            """;

    static final ApiContract CONTRACT = ApiContract.services();

    static HeadlessChromium chromium;
    static ChromeDriver browser;

    @BeforeAll
    static void startChromium() throws IOException {
        chromium = HeadlessChromium.start(SCREENSHOTS);
        browser = chromium.driver();
        browser.executeCdpCommand(
                "Page.addScriptToEvaluateOnNewDocument", Map.of("source", resource("browser/record-api-reads.js")));
    }

    @AfterAll
    static void stopChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void serveFixtures() {
        RUNNER.stub("/api/benchmarks", 200, "application/json", fixture("benchmarks.json"))
                .stub("/api/benchmarks/str-contains", 200, "application/json", fixture("benchmark.json"))
                .stub("/api/runtimes", 200, "application/json", fixture("runtimes.json"))
                .stub("/api/runs", 202, "application/json", accepted(RUN_ID));
        RESULTS.stub("/api/runs", 200, "application/json", fixture("runs.json"))
                .stub("/api/runs/" + RUN_1, 200, "application/json", fixture("run.json"))
                .stub("/api/runs/" + RUN_1 + "/samples", 200, "application/json", fixture("samples.json"))
                .stub("/api/benchmarks/str-contains/comparison", 200, "application/json", fixture("comparison.json"))
                .stub("/api/benchmarks/str-contains/history", 200, "application/json", fixture("history.json"))
                .stub(
                        "/api/operations/dead-letters",
                        200,
                        "application/json",
                        answer("GET /api/operations/dead-letters", "{\"waiting\":0,\"topics\":[]}"))
                .stub("/api/benchmarks/str-contains/versions", 200, "application/json", fixture("versions.json"))
                .stub("/api/speedups", 200, "application/json", fixture("speedups.json"));
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    @AfterEach
    void theScriptsReadOnlyDocumentedFieldsAndTheConsoleStaysClean() {
        assertThat(unknownReads())
                .as("fields the scripts read that the API's OpenAPI documents lack")
                .isEmpty();
        assertThat(chromium.consoleErrors()).as("browser console errors").isEmpty();
    }

    /** Each field path the page read from an API answer that the answer's schema does not have. */
    private static List<String> unknownReads() {
        List<String> unknown = new ArrayList<>();
        for (Object read : (List<?>) browser.executeScript(API_READS)) {
            Map<?, ?> entry = (Map<?, ?>) read;
            String call = (String) entry.get("call");
            List<String> path =
                    ((List<?>) entry.get("path")).stream().map(String::valueOf).toList();
            String[] methodAndPath = call.split(" ", 2);
            boolean known = CONTRACT.response(methodAndPath[0], methodAndPath[1])
                    .flatMap(schema -> schema.find(path))
                    .isPresent();
            if (!known) {
                unknown.add(call + " → " + String.join(".", path).replace(".[]", "[]"));
            }
        }
        return unknown;
    }

    @Test
    void a_run_started_on_the_benchmark_page_progresses_live_to_completion_across_a_dropped_connection() {
        browser.get(gateway() + "/benchmarks/str-contains");
        await().atMost(WAIT)
                .until(() -> !browser.findElements(By.cssSelector("#runtime-options input"))
                        .isEmpty());
        assertThat(browser.findElements(By.cssSelector("#code .token.keyword")))
                .as("highlighted PHP")
                .isNotEmpty();
        assertThat(browser.findElement(By.id("meta")).getText())
                .contains("PHP 8.0 or newer: str_contains() is new in PHP 8.0");
        assertThat(browser.findElement(By.id("rt-php-7.4")).isEnabled())
                .as("PHP 7.4 cannot run it")
                .isFalse();
        assertThat(browser.findElement(By.cssSelector("label[for='rt-php-7.4']"))
                        .getText())
                .contains("runs PHP 7.4.33; this benchmark needs PHP 8.0 or newer (str_contains() is new in PHP 8.0)");

        browser.findElement(By.id("start")).click();
        WebElement card = await().atMost(WAIT)
                .until(
                        () -> browser.findElements(By.cssSelector("[data-run-id='" + RUN_ID + "']")),
                        cards -> !cards.isEmpty())
                .getFirst();
        assertThat(RUNNER.last().body())
                .isEqualTo("{\"benchmark\":\"str-contains\",\"runtimes\":[\"php\"],\"iterations\":30}");
        assertThat(card.getText()).as("named before its first update").startsWith("str_contains vs strpos\n");
        await().atMost(WAIT).until(() -> HUB.subscribers(HUB_PATH) >= 1);
        HUB.push(HUB_PATH, "retry: 300\n\n");
        push("e0", "{\"type\":\"benchmark.started\",\"totalIterations\":4,\"currentIteration\":0,\"progress\":0}");
        progress(1);
        progress(2);
        WebElement bar = card.findElement(By.cssSelector("[role=progressbar]"));
        await().atMost(WAIT).until(() -> "50".equals(bar.getAttribute("aria-valuenow")));

        // Cancelling sends the header that tells the servers it is no cross-site form (the run goes on: the stand-in
        // runner only records the request).
        card.findElement(By.xpath(".//button[text()='Cancel run']")).click();
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(RUNNER.last().method()).isEqualTo("DELETE"));
        assertThat(RUNNER.last().uri()).isEqualTo("/api/runs/" + RUN_ID);
        assertThat(RUNNER.last().header(ApiHeaders.CLIENT)).isEqualTo("dashboard");

        // The connection drops; the browser reconnects by itself and tells the hub the last update it saw.
        HUB.endStreams(HUB_PATH);
        await().atMost(WAIT)
                .until(() -> HUB.received().stream()
                        .anyMatch(request -> "urn:uuid:e2".equals(request.header("Last-Event-ID"))));
        await().atMost(WAIT).until(() -> HUB.subscribers(HUB_PATH) >= 1);

        // The hub replays from its history what the page may have missed, the last update it saw included.
        progress(2);
        progress(3);
        progress(4);
        await().atMost(WAIT).until(() -> "100".equals(bar.getAttribute("aria-valuenow")));
        assertThat(card.getText()).contains("Iteration 4 of 4").contains("95% CI");
        screenshot("live-run-desktop");
        push("e1", "{\"type\":\"benchmark.progress\",\"totalIterations\":4,\"currentIteration\":1,\"progress\":25}");
        push("e5", "{\"type\":\"benchmark.completed\",\"totalIterations\":4,\"currentIteration\":4,\"progress\":100}");

        await().atMost(WAIT).until(() -> "COMPLETED".equals(card.getAttribute("data-status")));
        assertThat(bar.getAttribute("aria-valuenow")).isEqualTo("100");
        assertThat(card.getText()).contains("Iteration 4 of 4");
        assertThat(card.findElement(By.linkText("View results")).isDisplayed()).isTrue();
    }

    @Test
    void a_run_started_from_the_keyboard_shows_its_times_then_why_it_failed_on_a_legible_page_that_fits_a_phone() {
        RUNNER.stub("/api/runs", 202, "application/json", accepted(FAILING_RUN));
        browser.get(gateway() + "/benchmarks/str-contains");
        await().atMost(WAIT)
                .until(() -> !browser.findElements(By.cssSelector("#runtime-options input"))
                        .isEmpty());
        assertThat(browser.executeScript(LOW_CONTRAST_TEXT))
                .as("text below 4.5:1 contrast")
                .asList()
                .isEmpty();
        browser.findElement(By.id("start")).sendKeys(Keys.ENTER);
        WebElement card = await().atMost(WAIT)
                .until(
                        () -> browser.findElements(By.cssSelector("[data-run-id='" + FAILING_RUN + "']")),
                        cards -> !cards.isEmpty())
                .getFirst();
        await().atMost(WAIT).until(() -> HUB.subscribers(HUB_PATH) >= 1);

        // Given a run that started 10 s ago and has one sample of four
        long started = System.currentTimeMillis() - 10_000;
        push(
                FAILING_RUN,
                "f0",
                "{\"type\":\"benchmark.started\",\"totalIterations\":4,\"currentIteration\":0," + "\"progress\":0}",
                started);
        push(
                FAILING_RUN,
                "f1",
                "{\"type\":\"benchmark.progress\",\"totalIterations\":4,\"currentIteration\":1," + "\"progress\":25}",
                started + 2_500);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(card.getText())
                        .contains("Iteration 1 of 4")
                        .containsPattern("elapsed \\S+")
                        .containsPattern("about .+ left"));

        // When the PHP code fails
        push(
                FAILING_RUN,
                "f2",
                "{\"type\":\"benchmark.failed\",\"reason\":\"SCRIPT_ERROR\",\"message\":"
                        + "\"PHP Parse error: syntax error, unexpected token \\\";\\\" in code on line 2\"}",
                System.currentTimeMillis());

        // Then the card says so, with PHP's own message, and no longer estimates time left
        await().atMost(WAIT).until(() -> "FAILED".equals(card.getAttribute("data-status")));
        assertThat(card.getText())
                .contains("The PHP code failed (SCRIPT_ERROR)")
                .contains("PHP Parse error: syntax error, unexpected token \";\" in code on line 2")
                .doesNotContain("left");

        // And at phone width nothing scrolls sideways and every form field has a label
        browser.manage().window().setSize(new Dimension(390, 844));
        assertThat(((Number) browser.executeScript("return document.documentElement.scrollWidth")).intValue())
                .isLessThanOrEqualTo(
                        ((Number) browser.executeScript("return document.documentElement.clientWidth")).intValue());
        assertThat(browser.executeScript("return [...document.querySelectorAll('input, select, textarea')]"
                        + ".filter(f => f.type !== 'hidden' && f.labels.length === 0 && !f.getAttribute('aria-label'))"
                        + ".map(f => f.name || f.id)"))
                .asList()
                .isEmpty();
        screenshot("failed-run-phone");
    }

    private static void progress(int iteration) {
        push(
                "e" + iteration,
                "{\"type\":\"benchmark.progress\",\"totalIterations\":4,\"currentIteration\":" + iteration
                        + ",\"progress\":" + (25 * iteration) + ",\"statistics\":{\"n\":" + iteration
                        + ",\"mean\":1500,"
                        + "\"median\":1490,\"ci95\":{\"low\":" + (1500 - 200 / iteration) + ",\"high\":"
                        + (1500 + 200 / iteration) + "},\"min\":1400,\"max\":1600}}");
    }

    @Test
    void the_catalog_filters_by_category_and_text() {
        browser.get(gateway() + "/");
        await().atMost(WAIT)
                .until(() ->
                        browser.findElements(By.cssSelector(".benchmark-card")).size() == 3);
        screenshot("catalog-desktop");

        browser.findElement(By.xpath("//button[@aria-pressed and text()='arrays']"))
                .click();
        assertThat(browser.findElements(By.cssSelector(".benchmark-card")))
                .extracting(WebElement::getText)
                .singleElement()
                .asString()
                .contains("array_map vs foreach");

        browser.findElement(By.xpath("//button[text()='All']")).click();
        browser.findElement(By.id("search")).sendKeys("json");
        assertThat(browser.findElements(By.cssSelector(".benchmark-card h3")))
                .extracting(WebElement::getText)
                .containsExactly("json_encode a nested array");

        browser.manage().window().setSize(new Dimension(390, 844));
        screenshot("catalog-phone");
    }

    @Test
    void the_catalog_filters_live_in_the_address_so_they_survive_a_reload_and_the_back_button() {
        browser.get(gateway() + "/");
        await().atMost(WAIT)
                .until(() ->
                        browser.findElements(By.cssSelector(".benchmark-card")).size() == 3);

        browser.findElement(By.xpath("//button[@aria-pressed and text()='arrays']"))
                .click();
        browser.findElement(By.id("search")).sendKeys("map");
        await().atMost(WAIT).until(() -> browser.getCurrentUrl().endsWith("/?category=arrays&q=map"));

        browser.navigate().refresh();
        await().atMost(WAIT)
                .until(() ->
                        browser.findElements(By.cssSelector(".benchmark-card")).size() == 1);
        assertThat(browser.findElement(By.cssSelector(".benchmark-card h3")).getText())
                .isEqualTo("array_map vs foreach");
        assertThat(browser.findElement(By.id("search")).getAttribute("value")).isEqualTo("map");
        assertThat(browser.findElement(By.xpath("//button[text()='arrays']")).getAttribute("aria-pressed"))
                .isEqualTo("true");

        browser.findElement(By.xpath("//button[text()='All']")).click();
        browser.findElement(By.id("search")).clear();
        browser.findElement(By.id("search")).sendKeys(Keys.SPACE, Keys.BACK_SPACE);
        await().atMost(WAIT)
                .until(() ->
                        browser.findElements(By.cssSelector(".benchmark-card")).size() == 3);
        browser.navigate().back();
        await().atMost(WAIT)
                .until(() ->
                        browser.findElements(By.cssSelector(".benchmark-card")).size() == 1);
        assertThat(browser.getCurrentUrl()).endsWith("/?category=arrays&q=map");

        browser.get(gateway() + "/?tag=serialization");
        await().atMost(WAIT)
                .until(() ->
                        browser.findElements(By.cssSelector(".benchmark-card")).size() == 1);
        assertThat(browser.findElement(By.cssSelector(".benchmark-card h3")).getText())
                .isEqualTo("json_encode a nested array");
        assertThat(browser.findElement(By.id("active-tag")).getText()).contains("#serialization");
    }

    @Test
    void the_dashboard_follows_the_visitors_colour_scheme_legibly_in_both() {
        try {
            for (String scheme : List.of("dark", "light")) {
                browser.executeCdpCommand(
                        "Emulation.setEmulatedMedia",
                        Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
                browser.get(gateway() + "/benchmarks/str-contains");
                await().atMost(WAIT)
                        .until(() -> !browser.findElements(By.cssSelector("#runtime-options input"))
                                .isEmpty());
                String background = (String)
                        browser.executeScript("return getComputedStyle(document.documentElement).backgroundColor");
                assertThat(background)
                        .as("page background in the %s scheme", scheme)
                        .isEqualTo(scheme.equals("dark") ? "rgb(13, 17, 23)" : "rgb(246, 248, 250)");
                assertThat(browser.executeScript(LOW_CONTRAST_TEXT))
                        .as("text below 4.5:1 contrast, %s", scheme)
                        .asList()
                        .isEmpty();
                screenshot("benchmark-" + scheme);
            }
        } finally {
            browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
        }
    }

    @Test
    void an_unknown_page_is_a_dashboard_page_that_says_so_and_leads_back_to_the_benchmarks() {
        browser.get(gateway() + "/no-such-page");

        await().atMost(WAIT)
                .untilAsserted(
                        () -> assertThat(browser.findElement(By.tagName("h1")).getText())
                                .isEqualTo("Page not found"));
        assertThat(browser.getTitle()).isEqualTo("Page not found · Benchpulse");
        assertThat(browser.findElement(By.cssSelector("main")).getText()).doesNotContain("Whitelabel");
        assertThat(browser.findElements(By.cssSelector("header.topbar nav a"))).isNotEmpty();
        screenshot("not-found");
        browser.findElement(By.linkText("Go to the benchmarks")).click();
        await().atMost(WAIT)
                .until(() ->
                        browser.findElements(By.cssSelector(".benchmark-card")).size() == 3);
        assertThat(unknownReads()).isEmpty();
        // The browser logs the 404 of the page itself; nothing else went wrong.
        assertThat(chromium.consoleErrors())
                .extracting(LogEntry::getMessage)
                .singleElement()
                .asString()
                .contains("/no-such-page", "404");
    }

    @Test
    void a_runs_status_never_goes_back_when_the_api_answers_with_an_older_state_than_the_hub_gave() {
        browser.get(gateway() + "/runtimes");
        @SuppressWarnings("unchecked")
        List<String> seen = (List<String>) browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/assets/js/runstate.js').then(({ fromRun, apply, merge }) => {
                  const read = (status, completedIterations) => fromRun({ id: 'r', benchmark: 'sum-ints',
                    runtime: 'php-jit', status, iterations: 4, completedIterations });
                  const seen = [];
                  const show = (s) => seen.push(`${s.status} ${s.current}`);
                  let s = read('QUEUED', 0); show(s);
                  s = apply(s, { type: 'benchmark.started', totalIterations: 4, occurredAt: 1 }); show(s);
                  s = merge(s, read('QUEUED', 0)); show(s);
                  s = apply(s, { type: 'benchmark.progress', currentIteration: 2, totalIterations: 4, occurredAt: 2 });
                  show(s);
                  s = merge(s, read('RUNNING', 1)); show(s);
                  s = apply(s, { type: 'benchmark.started', totalIterations: 4, occurredAt: 1 }); show(s);
                  s = apply(s, { type: 'benchmark.progress', currentIteration: 1, totalIterations: 4, occurredAt: 3 });
                  show(s);
                  s = apply(s, { type: 'benchmark.completed', totalIterations: 4, occurredAt: 4 }); show(s);
                  s = merge(s, read('RUNNING', 3)); show(s);
                  done(seen);
                }, (e) => done([String(e)]));
                """);

        assertThat(seen)
                .containsExactly(
                        "QUEUED 0",
                        "RUNNING 0",
                        "RUNNING 0",
                        "RUNNING 2",
                        "RUNNING 2",
                        "RUNNING 2",
                        "RUNNING 2",
                        "COMPLETED 4",
                        "COMPLETED 4");
    }

    @Test
    void a_read_of_a_field_the_api_does_not_have_is_caught() {
        browser.get(gateway() + "/runtimes");
        await().atMost(WAIT)
                .until(() -> browser.findElements(By.cssSelector("#runtimes tbody tr"))
                                .size()
                        == 4);
        browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/api/runtimes').then((r) => r.json()).then((runtimes) => done(runtimes[0].version));
                """);

        assertThat(unknownReads()).containsExactly("GET /api/runtimes → [].version");
    }

    @Test
    void the_run_compare_and_history_pages_show_their_numbers() {
        browser.get(gateway() + "/runs/" + RUN_1);
        await().atMost(WAIT)
                .until(() ->
                        browser.findElements(By.cssSelector("#stats tbody tr")).size() > 10);
        assertThat(browser.findElement(By.id("stats")).getText())
                .contains("Median")
                .contains("1.530 µs");
        assertThat(browser.findElements(By.cssSelector("#samples-chart canvas")))
                .isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#histogram canvas"))).isNotEmpty();
        screenshot("run-desktop");

        browser.get(gateway() + "/benchmarks/str-contains/compare");
        await().atMost(WAIT)
                .until(() -> browser.findElements(By.cssSelector("#comparison tbody tr"))
                                .size()
                        == 2);
        assertThat(browser.findElement(By.id("verdicts")).getText()).contains("php-jit is 1.84× faster than php");
        assertThat(browser.findElements(By.cssSelector("td.best"))).isNotEmpty();
        browser.findElement(By.cssSelector("label[for='unit-ns']")).click();
        assertThat(browser.findElement(By.id("comparison")).getText())
                .contains("830.0 ns")
                .contains("1,530 ns");
        screenshot("compare-desktop");
        browser.manage().window().setSize(new Dimension(390, 844));
        screenshot("compare-phone");
        browser.manage().window().setSize(new Dimension(1280, 900));

        browser.get(gateway() + "/benchmarks/str-contains/history");
        await().atMost(WAIT)
                .until(() -> !browser.findElements(By.cssSelector("#points tbody tr"))
                        .isEmpty());
        assertThat(browser.findElements(By.cssSelector("#points tr.regression")))
                .hasSize(1);
        screenshot("history-desktop");
    }

    @Test
    void an_incomplete_run_names_its_missing_samples_and_records_on_a_dead_letter_topic_are_a_warning_on_every_page() {
        String incomplete = fixture("run.json")
                .replace("\"status\": \"COMPLETED\"", "\"status\": \"INCOMPLETE\"")
                .replace(
                        "\"completedIterations\": 40",
                        "\"completedIterations\": 38, \"samplesTaken\": 40, " + "\"missingIterations\": [7, 31]");
        RESULTS.stub("/api/runs/" + RUN_1, 200, "application/json", answer("GET /api/runs/" + RUN_1, incomplete))
                .stub(
                        "/api/operations/dead-letters",
                        200,
                        "application/json",
                        answer(
                                "GET /api/operations/dead-letters",
                                "{\"waiting\":2,\"topics\":[{\"topic\":\"benchpulse.benchmark-events.v1.dlt\",\"source\":"
                                        + "\"benchpulse.benchmark-events.v1\",\"depth\":2,\"records\":[]}]}"));

        browser.get(gateway() + "/runs/" + RUN_1);
        await().atMost(WAIT)
                .untilAsserted(
                        () -> assertThat(browser.findElement(By.id("failure")).getText())
                                .contains("Incomplete: 2 of 40 samples missing")
                                .contains("iterations 7, 31"));
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(
                                browser.findElement(By.id("dead-letters")).getText())
                        .contains("2 record(s) wait on dead-letter topics")
                        .contains("benchpulse.benchmark-events.v1.dlt: 2")
                        .contains("./benchpulse dlt replay"));
        screenshot("run-incomplete");

        browser.get(gateway() + "/");
        await().atMost(WAIT)
                .until(() -> browser.findElement(By.id("dead-letters")).isDisplayed());
    }

    @Test
    void the_runtimes_page_shows_each_runtimes_exact_version_origin_and_settings() {
        browser.get(gateway() + "/");
        await().atMost(WAIT)
                .until(() -> !browser.findElements(By.linkText("Runtimes")).isEmpty());
        browser.findElement(By.linkText("Runtimes")).click();
        await().atMost(WAIT)
                .until(() -> browser.findElements(By.cssSelector("#runtimes tbody tr"))
                                .size()
                        == 4);

        String installed = browser.findElement(By.cssSelector("tr[data-runtime='php-8.5']"))
                .getText();
        assertThat(installed)
                .contains(
                        "PHP 8.5",
                        "8.5.2",
                        "installed (./benchpulse php install)",
                        "built by Remi's RPM repository",
                        "with gcc (GCC) 11.5.0",
                        "@libphp/almalinux-9-v85@0.0.3",
                        "sha512-rnzptMh",
                        "-n",
                        "zend.assertions=-1",
                        "opcache.enable_cli=0",
                        "available");
        assertThat(browser.findElement(By.cssSelector("tr[data-runtime='php-jit']"))
                        .getText())
                .contains("JIT", "opcache.jit=tracing", "opcache.jit_buffer_size=64M");
        screenshot("runtimes-desktop");
    }

    @Test
    void a_category_started_on_two_runtimes_from_the_catalog_opens_the_matrix_with_its_progress_and_medians() {
        String matrix = "55555555-5555-4555-8555-555555555555";
        RUNNER.stub(
                "/api/runs",
                202,
                "application/json",
                answer(
                        "POST /api/runs",
                        "{\"matrixId\":\"" + matrix + "\",\"execution\":\"interleaved\",\"runs\":[],\"skipped\":[]}"));
        RESULTS.stub("/api/matrices/" + matrix, 200, "application/json", fixture("matrix.json"));
        browser.get(gateway() + "/");
        await().atMost(WAIT)
                .until(() -> !browser.findElements(By.cssSelector("#matrix-runtimes input"))
                        .isEmpty());

        browser.findElement(By.cssSelector("#matrix-section summary")).click();
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("matrix-scope"))).selectByValue("strings");
        browser.findElement(By.id("mx-php-7.4")).click();
        browser.findElement(By.id("mx-php-8.5")).click();
        browser.findElement(By.id("matrix-start")).click();

        await().atMost(WAIT).until(() -> browser.getCurrentUrl().endsWith("/matrices/" + matrix));
        assertThat(RUNNER.last().body())
                .isEqualTo("{\"category\":\"strings\",\"runtimes\":[\"php-7.4\",\"php-8.5\"],"
                        + "\"iterations\":10,\"execution\":\"interleaved\"}");
        await().atMost(WAIT)
                .until(() ->
                        browser.findElements(By.cssSelector("#matrix tbody tr")).size() == 2);
        assertThat(browser.findElement(By.id("matrix-progress")).getAttribute("aria-valuenow"))
                .isEqualTo("88");
        assertThat(browser.findElement(By.id("matrix-status")).getText())
                .contains("87.5 %", "3 completed", "1 running", "35 of 40 samples");
        assertThat(browser.findElement(By.cssSelector("tr[data-benchmark='str-contains']"))
                        .getText())
                .contains("2.000 µs", "1.000 µs", "0.50");
        assertThat(browser.findElement(By.cssSelector("tr[data-benchmark='str-pad']"))
                        .getText())
                .contains("5/10");
        screenshot("matrix-desktop");
    }

    @Test
    void the_php_versions_page_shows_a_row_per_runtime_with_its_ratio_to_the_baseline_and_a_chart_by_version() {
        browser.get(gateway() + "/benchmarks/str-contains");
        await().atMost(WAIT)
                .until(() -> !browser.findElements(By.linkText("PHP versions")).isEmpty());
        browser.findElement(By.linkText("PHP versions")).click();

        await().atMost(WAIT)
                .until(() -> browser.findElements(By.cssSelector("#versions tbody tr"))
                                .size()
                        == 4);
        browser.findElement(By.cssSelector("label[for='unit-auto']")).click();
        assertThat(browser.findElements(By.cssSelector("#versions tbody tr")))
                .extracting(r -> r.getAttribute("data-runtime"))
                .containsExactly("php-7.4", "php", "php-jit", "php-8.5");
        assertThat(browser.findElement(By.cssSelector("tr[data-runtime='php-7.4']"))
                        .getText())
                .contains("7.4.33", "2.000 µs", "2.200 µs", "2.500 µs", "8.0 %", "baseline");
        assertThat(browser.findElement(By.cssSelector("tr[data-runtime='php-jit']"))
                        .getText())
                .contains("JIT", "900.0 ns", "0.450 (0.420 – 0.480)", "faster");
        assertThat(browser.findElement(By.cssSelector("tr[data-runtime='php-8.5']"))
                        .getText())
                .contains("0.990 (0.930 – 1.05)", "no significant difference");
        assertThat(browser.findElements(By.cssSelector("#chart canvas"))).isNotEmpty();
        assertThat(browser.findElement(By.id("chart")).getText()).contains("Without JIT", "With JIT");
        assertThat(browser.getCurrentUrl()).endsWith("/benchmarks/str-contains/versions?baseline=php-7.4");
        screenshot("versions-desktop");

        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("baseline"))).selectByValue("php-8.5");
        await().atMost(WAIT)
                .until(() -> RESULTS.received().stream()
                        .anyMatch(r -> r.uri().equals("/api/benchmarks/str-contains/versions?baseline=php-8.5")));
    }

    @Test
    void the_speedup_page_summarises_the_catalog_by_category_between_two_runtimes() {
        browser.get(gateway() + "/");
        await().atMost(WAIT)
                .until(() -> !browser.findElements(By.linkText("Speed-up by category"))
                        .isEmpty());
        browser.findElement(By.linkText("Speed-up by category")).click();

        await().atMost(WAIT)
                .until(() -> browser.findElements(By.cssSelector("#categories tbody tr"))
                                .size()
                        == 2);
        assertThat(RESULTS.received()).anyMatch(r -> r.uri().equals("/api/speedups?from=php-7.4&to=php-8.5"));
        assertThat(browser.findElement(By.id("status")).getText())
                .isEqualTo("3 benchmarks: 1.50× overall from php-7.4 to php-8.5.");
        assertThat(browser.findElement(By.cssSelector("tr[data-category='strings']"))
                        .getText())
                .contains("2", "1.25×", "1.10× – 1.40×");
        assertThat(browser.findElement(By.id("benchmarks")).getText()).contains("sort()", "2.00×", "faster");
        screenshot("speedup-desktop");
    }

    private static void push(String id, String data) {
        push(RUN_ID, id, data, System.currentTimeMillis());
    }

    private static void push(String runId, String id, String data, long occurredAt) {
        String json = data.substring(0, data.length() - 1) + ",\"runId\":\"" + runId + "\",\"benchmarkId\":"
                + "\"str-contains\",\"benchmarkName\":\"str_contains vs strpos\",\"runtime\":\"php\",\"phpVersion\":"
                + "\"8.2.29\",\"timestamp\":\"2026-11-27T10:00:00Z\",\"occurredAt\":" + occurredAt + "}";
        HUB.push(HUB_PATH, "id: urn:uuid:" + id + "\ndata: " + json + "\n\n");
    }

    private static void screenshot(String name) {
        chromium.screenshot(name);
    }

    /** The runner's answer to starting one run on php. */
    private static String accepted(String runId) {
        return answer(
                "POST /api/runs",
                "{\"runs\":[{\"id\":\"" + runId + "\",\"benchmark\":\"str-contains\","
                        + "\"runtime\":\"php\",\"status\":\"QUEUED\",\"topic\":\"" + RunTopics.of(runId) + "\"}]}");
    }

    /** An answer a stand-in service gives, checked first to have only fields the API's OpenAPI documents name. */
    private static String answer(String call, String json) {
        String[] methodAndPath = call.split(" ", 2);
        assertThat(CONTRACT.response(methodAndPath[0], methodAndPath[1])
                        .orElseThrow()
                        .unknownFields(JsonMapper.builder().build().readTree(json)))
                .as("fields %s does not have", call)
                .isEmpty();
        return json;
    }

    private static String fixture(String name) {
        return resource("dashboard/" + name);
    }

    private static String resource(String path) {
        try {
            return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
