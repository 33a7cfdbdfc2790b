package dev.benchpulse.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.benchpulse.hub.testing.MercureHubTestServer;
import dev.benchpulse.testsupport.HeadlessChromium;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** The page at {@code /} in a real headless Chromium: the hub is shown up, and a subscription shows what arrives. */
class DebugPageIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void the_page_shows_the_hub_up_and_the_updates_of_a_subscribed_topic_as_they_arrive() throws Exception {
        MercureHubTestServer hub = TestHubs.open();
        String topic = TestHubs.topic();
        try (HeadlessChromium chromium = HeadlessChromium.start(Path.of("target", "screenshots"))) {
            WebDriver browser = chromium.driver();
            browser.get(hub.baseUrl() + "/");
            await().atMost(WAIT).until(() -> "up".equals(text(browser, "status")));

            WebElement topics = browser.findElement(By.name("topics"));
            topics.clear();
            topics.sendKeys(topic);
            browser.findElement(By.id("subscribe-button")).click();
            await().atMost(WAIT).until(() -> "connected".equals(text(browser, "connection")));
            new Publisher(hub.hubUrl()).publishOk(hub.publisherToken(), "topic", topic, "data", "{\"progress\":42}");

            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(text(browser, "updates")).contains("{\"progress\":42}"));
            assertThat(chromium.consoleErrors()).isEmpty();
        }
    }

    private static String text(WebDriver browser, String id) {
        return browser.findElement(By.id(id)).getText();
    }
}
