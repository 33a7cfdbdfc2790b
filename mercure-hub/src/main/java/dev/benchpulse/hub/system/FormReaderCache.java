package dev.benchpulse.hub.system;

import java.util.List;
import org.springframework.boot.webflux.autoconfigure.WebHttpHandlerBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.codec.HttpMessageReader;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;

/**
 * Publishing is the hub's hot path, and every publish is a form. For each form request Spring's
 * {@code DefaultServerWebExchange} looks up the form reader in {@link ServerCodecConfigurer#getReaders()}, which builds
 * the whole reader list again each time (spring-framework#26263 cached the codecs, not the list): 11 % of the hub's Java
 * time at 5,000 publishes/s. The exchanges are given the application's configurer with its reader and writer lists
 * built once; the codecs are fully configured before the first request, and nothing changes them afterwards.
 */
@Configuration(proxyBeanMethods = false)
class FormReaderCache {

    @Bean
    WebHttpHandlerBuilderCustomizer cachedCodecLists(ServerCodecConfigurer codecs) {
        return builder -> builder.codecConfigurer(new CachedLists(codecs));
    }

    /**
     * The configurer, with its reader and writer lists built once, when the hub's handler is built (the codecs are
     * configured by then). A clone is the plain configurer's clone: whoever clones means to configure it further.
     */
    static final class CachedLists implements ServerCodecConfigurer {

        private final ServerCodecConfigurer delegate;
        private final List<HttpMessageReader<?>> readers;
        private final List<HttpMessageWriter<?>> writers;

        CachedLists(ServerCodecConfigurer delegate) {
            this.delegate = delegate;
            this.readers = List.copyOf(delegate.getReaders());
            this.writers = List.copyOf(delegate.getWriters());
        }

        @Override
        public List<HttpMessageReader<?>> getReaders() {
            return readers;
        }

        @Override
        public List<HttpMessageWriter<?>> getWriters() {
            return writers;
        }

        @Override
        public ServerDefaultCodecs defaultCodecs() {
            return delegate.defaultCodecs();
        }

        @Override
        public CustomCodecs customCodecs() {
            return delegate.customCodecs();
        }

        @Override
        public void registerDefaults(boolean registerDefaults) {
            delegate.registerDefaults(registerDefaults);
        }

        @Override
        public ServerCodecConfigurer clone() {
            return delegate.clone();
        }
    }
}
