package dev.benchpulse.hub;

import java.time.Duration;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;

/** Publishes over real HTTP (WebClient) and returns whatever the hub answered, errors included. */
public final class Publisher {

    private final WebClient client = WebClient.create();
    private final String hubUrl;

    public Publisher(String hubUrl) {
        this.hubUrl = hubUrl;
    }

    public static MultiValueMap<String, String> form(String... pairs) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.add(pairs[i], pairs[i + 1]);
        }
        return form;
    }

    public ResponseEntity<String> publish(String token, MultiValueMap<String, String> form) {
        return publish(form, headers -> headers.setBearerAuth(token));
    }

    public ResponseEntity<String> publish(MultiValueMap<String, String> form, Consumer<HttpHeaders> headers) {
        return client.post()
                .uri(hubUrl)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .headers(headers)
                .body(BodyInserters.fromFormData(form))
                .exchangeToMono(response -> response.toEntity(String.class))
                .block(Duration.ofSeconds(10));
    }

    /** Publishes and returns the id, failing when the hub refuses. */
    public String publishOk(String token, String... pairs) {
        ResponseEntity<String> response = publish(token, form(pairs));
        if (!response.getStatusCode().is2xxSuccessful()) {
            throw new AssertionError("publish refused: " + response);
        }
        return response.getBody();
    }
}
