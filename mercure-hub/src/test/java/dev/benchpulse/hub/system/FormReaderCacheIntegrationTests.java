package dev.benchpulse.hub.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchpulse.hub.testing.MercureHubTestServer;
import org.junit.jupiter.api.Test;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.web.server.adapter.HttpWebHandlerAdapter;

/**
 * Every request's exchange gets codec lists built once, not once per request (the configurer itself builds new lists,
 * with new codec instances, on every call).
 */
class FormReaderCacheIntegrationTests {

    @Test
    void the_hubs_exchanges_read_forms_with_reader_lists_built_once() {
        try (MercureHubTestServer hub =
                MercureHubTestServer.builder().anonymous(true).start()) {
            HttpHandler handler = hub.context().getBean(HttpHandler.class);

            ServerCodecConfigurer codecs = ((HttpWebHandlerAdapter) handler).getCodecConfigurer();

            assertThat(codecs).isInstanceOf(FormReaderCache.CachedLists.class);
            assertThat(codecs.getReaders()).isSameAs(codecs.getReaders()).isNotEmpty();
            assertThat(codecs.getWriters()).isSameAs(codecs.getWriters()).isNotEmpty();
        }
    }

    @Test
    void the_cached_lists_hold_the_configured_codecs() {
        ServerCodecConfigurer configured = ServerCodecConfigurer.create();

        FormReaderCache.CachedLists cached = new FormReaderCache.CachedLists(configured);

        assertThat(cached.getReaders())
                .extracting(Object::getClass)
                .containsExactlyElementsOf(
                        configured.getReaders().stream().map(Object::getClass).toList());
        assertThat(cached.getWriters())
                .extracting(Object::getClass)
                .containsExactlyElementsOf(
                        configured.getWriters().stream().map(Object::getClass).toList());
    }
}
