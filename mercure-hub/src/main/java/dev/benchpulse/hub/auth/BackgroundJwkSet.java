package dev.benchpulse.hub.auth;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * A remote JWK Set that never makes a request wait for it: tokens are checked against the keys fetched last, while
 * fetching (an HTTP call that blocks) happens at start-up, on an interval and, when a token names a key not known
 * yet (a key rotation), right away — all on the bounded elastic scheduler, never on the event loop verifying the
 * token. A token signed with a brand-new key is refused until the fetch it triggered completes.
 */
final class BackgroundJwkSet implements JWKSource<SecurityContext> {

    private static final Logger log = LoggerFactory.getLogger(BackgroundJwkSet.class);
    private static final JWKSelector ALL = new JWKSelector(new JWKMatcher.Builder().build());

    private final URL url;
    private final JWKSource<SecurityContext> remote;
    private final Scheduler scheduler = Schedulers.boundedElastic();
    private final AtomicBoolean fetching = new AtomicBoolean();
    private volatile JWKSet current = new JWKSet();

    BackgroundJwkSet(URL url, Duration interval) {
        this.url = url;
        this.remote = JWKSourceBuilder.create(url).build();
        fetch();
        scheduler.schedulePeriodically(
                this::fetchInBackground, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        List<JWK> keys = selector.select(current);
        if (keys.isEmpty()) {
            scheduler.schedule(this::fetchInBackground);
        }
        return keys;
    }

    private void fetchInBackground() {
        if (fetching.compareAndSet(false, true)) {
            try {
                fetch();
            } finally {
                fetching.set(false);
            }
        }
    }

    private void fetch() {
        try {
            current = new JWKSet(remote.get(ALL, null));
        } catch (KeySourceException | RuntimeException e) {
            log.warn(
                    "Cannot fetch the JWK Set at {} ({}); tokens are checked against the {} key(s) fetched before",
                    url,
                    e.getMessage(),
                    current.getKeys().size());
        }
    }
}
