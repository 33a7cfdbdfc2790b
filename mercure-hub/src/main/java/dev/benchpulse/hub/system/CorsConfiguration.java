package dev.benchpulse.hub.system;

import dev.benchpulse.hub.settings.HubProperties;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * Lets pages of the origins in {@code MERCURE_CORS_ORIGINS} subscribe and publish from the browser, with credentials
 * (the authorization cookie). Without origins, only same-origin pages can read the hub's responses.
 */
@Configuration(proxyBeanMethods = false)
class CorsConfiguration {

    @Bean
    CorsWebFilter corsFilter(HubProperties properties) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!properties.corsOrigins().isEmpty()) {
            var cors = new org.springframework.web.cors.CorsConfiguration();
            cors.setAllowedOriginPatterns(properties.corsOrigins());
            cors.setAllowCredentials(true);
            cors.setAllowedMethods(List.of("GET", "POST", "OPTIONS"));
            cors.setAllowedHeaders(List.of(
                    HttpHeaders.AUTHORIZATION, HttpHeaders.CACHE_CONTROL, HttpHeaders.CONTENT_TYPE, "Last-Event-ID"));
            cors.setExposedHeaders(List.of("Last-Event-ID", HttpHeaders.LINK));
            cors.setMaxAge(3600L);
            source.registerCorsConfiguration("/**", cors);
        }
        return new CorsWebFilter(source);
    }
}
