package dev.benchpulse.hub.subscribe;

import com.sun.management.UnixOperatingSystemMXBean;
import dev.benchpulse.hub.problem.HubException;
import dev.benchpulse.hub.settings.HubProperties;
import java.lang.management.ManagementFactory;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Counts open subscriptions and refuses one more past two bounds: per client address, so that one client cannot take
 * every connection the hub can hold (400), and for the whole instance, so that the instance keeps the file
 * descriptors it needs to answer: past its bound a new subscriber gets 503 with {@code Retry-After} and goes to
 * another instance (the gateway's balancer, or the client's retry), where without the bound its connection would
 * wait, unaccepted, in the kernel's accept queue once the process had no file descriptor left. Addresses without an
 * open subscription are forgotten.
 */
@Component
class SubscriptionQuota {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionQuota.class);
    private static final long LOG_EVERY_NANOS = 10_000_000_000L;

    private final ConcurrentHashMap<String, Integer> open = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();
    private final AtomicLong lastWarned = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);
    private final int perAddress;
    private final int perInstance;

    SubscriptionQuota(HubProperties properties) {
        long maxOpenFiles = maxOpenFiles();
        this.perAddress = properties.limits().subscriptionsPerAddress();
        this.perInstance = properties.limits().subscribers(maxOpenFiles);
        log.info(
                "This instance holds at most {} subscriptions at once (MERCURE_LIMITS_SUBSCRIBERS; the process may "
                        + "open {} files) and {} per client address",
                perInstance == 0 ? "unbounded" : perInstance,
                maxOpenFiles,
                perAddress == 0 ? "unbounded" : perAddress);
    }

    /**
     * Takes a place for the address; 503 when the instance holds the most subscriptions allowed, 400 when the
     * address does.
     *
     * @return gives the place back; running it again does nothing
     */
    Runnable take(String address) {
        if (perInstance > 0 && total.incrementAndGet() > perInstance) {
            total.decrementAndGet();
            warnFull();
            throw new HubException(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "This hub instance holds the most subscriptions it allows (" + perInstance
                            + ", MERCURE_LIMITS_SUBSCRIBERS): subscribe again in a moment, through the gateway to "
                            + "another instance of the cluster.");
        }
        Runnable releaseInstance = perInstance > 0 ? total::decrementAndGet : () -> {};
        if (perAddress <= 0) {
            return once(releaseInstance);
        }
        boolean[] full = new boolean[1];
        open.compute(address, (key, count) -> {
            int current = count == null ? 0 : count;
            full[0] = current >= perAddress;
            return full[0] ? current : current + 1;
        });
        if (full[0]) {
            releaseInstance.run();
            throw HubException.badRequest("Too many open subscriptions from " + address + ": this hub allows "
                    + perAddress + " per client address (MERCURE_LIMITS_SUBSCRIPTIONS_PER_ADDRESS). Close one, or "
                    + "select several topics in one subscription with several topic parameters or a URI template.");
        }
        return once(() -> {
            open.computeIfPresent(address, (key, count) -> count <= 1 ? null : count - 1);
            releaseInstance.run();
        });
    }

    private static Runnable once(Runnable release) {
        AtomicBoolean given = new AtomicBoolean();
        return () -> {
            if (given.compareAndSet(false, true)) {
                release.run();
            }
        };
    }

    private void warnFull() {
        long last = lastWarned.get();
        long now = System.nanoTime();
        if (now - last >= LOG_EVERY_NANOS && lastWarned.compareAndSet(last, now)) {
            log.warn(
                    "Refusing new subscribers with 503: this instance holds {} subscriptions, its limit "
                            + "(MERCURE_LIMITS_SUBSCRIBERS). Add instances behind the gateway, or raise the open-file "
                            + "limit and the bound together (logged at most every 10 s)",
                    perInstance);
        }
    }

    /** The process's open-file limit, or -1 when the platform does not say. */
    private static long maxOpenFiles() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix
                ? unix.getMaxFileDescriptorCount()
                : -1;
    }
}
