package dev.benchpulse.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.benchpulse.hub.testing.MercureHubTestServer;

/** The page at {@code /} in a real headless Chromium: the hub is shown up, and a subscription shows what arrives. */
class DebugPageIntegrationTests {

    @Test
    void the_page_shows_the_hub_up_and_the_updates_of_a_subscribed_topic_as_they_arrive() throws Exception {
        MercureHubTestServer hub = TestHubs.open();
        String topic = TestHubs.topic();
        try (WebDriver browser = new WebDriver()) {
            browser.open(hub.baseUrl() + "/");
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> "up".equals(browser.script("return document.getElementById('status').textContent")));

            browser.script("const form = document.forms.subscribe; form.topics.value = '" + topic + "';"
                    + "form.requestSubmit();");
            await().atMost(Duration.ofSeconds(20)).until(() -> "connected"
                    .equals(browser.script("return document.getElementById('connection').textContent")));
            new Publisher(hub.hubUrl()).publishOk(hub.publisherToken(), "topic", topic, "data", "{\"progress\":42}");

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                    browser.script("return document.getElementById('updates').innerText"))
                    .contains("{\"progress\":42}"));
        }
    }
}
