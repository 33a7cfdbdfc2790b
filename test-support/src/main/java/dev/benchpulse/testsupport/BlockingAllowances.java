package dev.benchpulse.testsupport;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.blockhound.BlockHound;
import reactor.blockhound.BlockingOperationError;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * The project's BlockHound set-up, loaded by BlockHound itself (a {@link java.util.ServiceLoader} service) in the
 * modules whose tests install it through {@code blockhound-junit-platform}: nothing may block a Netty event loop
 * or another non-blocking Reactor thread. A blocking call found there fails the call with a {@link
 * BlockingOperationError} and is logged at ERROR and kept ({@link #found()}), so one swallowed by a framework is
 * still seen. Each allowance below names the call and why it is not a real block.
 */
public final class BlockingAllowances implements BlockHoundIntegration {

    private static final Logger log = LoggerFactory.getLogger(BlockingAllowances.class);
    private static final List<String> FOUND = new CopyOnWriteArrayList<>();

    @Override
    public void applyTo(BlockHound.Builder builder) {
        // Hibernate Validator reads its message bundle from the class path the first time a constraint fails,
        // then caches it: once per locale, a read of a resource already on disk.
        builder.allowBlockingCallsInside(
                "org.hibernate.validator.resourceloading.PlatformResourceBundleLocator", "loadBundle");
        // UUID.randomUUID reads the kernel's non-blocking /dev/urandom through SecureRandom's NativePRNG: a file
        // read to BlockHound, never a wait.
        builder.allowBlockingCallsInside("java.util.UUID", "randomUUID");
        // The gateway's webjars resolver reads a webjar's pom.properties from its jar once to learn its version,
        // then caches it.
        builder.allowBlockingCallsInside("org.webjars.WebJarVersionLocator", "version");
        // Netty's adaptive buffer allocator takes a short StampedLock when it grows its magazines: memory
        // bookkeeping between event loops, no I/O (not yet among Netty's own BlockHound allowances).
        builder.allowBlockingCallsInside(
                "io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup", "tryExpandMagazines");
        // Netty loads the zstd native library (from its jar) when the first compressed HTTP body arrives: once.
        builder.allowBlockingCallsInside("com.github.luben.zstd.util.Native", "load");
        builder.blockingMethodCallback(method -> {
            BlockingOperationError error = new BlockingOperationError(method);
            FOUND.add(Thread.currentThread().getName() + ": " + method);
            log.error(
                    "Blocking call on non-blocking thread {}: {}",
                    Thread.currentThread().getName(),
                    method,
                    error);
            throw error;
        });
    }

    /** Every blocking call found on a non-blocking thread in this JVM so far. */
    public static List<String> found() {
        return List.copyOf(FOUND);
    }
}
