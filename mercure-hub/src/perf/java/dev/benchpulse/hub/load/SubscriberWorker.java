package dev.benchpulse.hub.load;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * One process of subscribers for the load generator: opens {@code --subscribers} SSE connections to the hub (spread
 * over the {@code --sources} local addresses), prints {@code READY <n>} once they are all open, records the latency of
 * every update received, and on {@code REPORT} (read from standard input) prints its histogram and counts and exits.
 * Started by {@link LoadGenerator}; not meant to be run by hand.
 */
public final class SubscriberWorker {

    public static void main(String[] args) throws Exception {
        Map<String, String> options = LoadGenerator.options(args);
        int count = Integer.parseInt(options.get("subscribers"));
        List<String> sources =
                List.of(options.getOrDefault("sources", "127.0.0.1").split(","));
        String url = options.get("url");
        Recorder latencies = new Recorder(3);
        AtomicInteger open = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicLong events = new AtomicLong();
        Semaphore connecting = new Semaphore(Integer.parseInt(options.getOrDefault("connect-concurrency", "200")));
        LoopResources loops =
                LoopResources.create("subscribers", 1, Integer.parseInt(options.getOrDefault("threads", "2")), true);
        for (int i = 0; i < count; i++) {
            connecting.acquire();
            InetSocketAddress source = new InetSocketAddress(sources.get(i % sources.size()), 0);
            LatencyParser parser = new LatencyParser(latencies);
            HttpClient.create(ConnectionProvider.newConnection())
                    .runOn(loops)
                    .bindAddress(() -> source)
                    .responseTimeout(Duration.ofHours(1))
                    .get()
                    .uri(url)
                    .responseContent()
                    .doOnNext(new java.util.function.Consumer<>() {
                        boolean first = true;

                        @Override
                        public void accept(io.netty.buffer.ByteBuf chunk) {
                            if (first) {
                                first = false;
                                open.incrementAndGet();
                                connecting.release();
                            }
                            long before = parser.events;
                            parser.read(chunk);
                            events.addAndGet(parser.events - before);
                        }
                    })
                    .subscribe(chunk -> {}, error -> {
                        failed.incrementAndGet();
                        connecting.release();
                    });
        }
        while (open.get() + failed.get() < count) {
            Thread.sleep(50);
        }
        System.out.println("READY " + open.get() + " FAILED " + failed.get());
        System.out.flush();
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in));
        String line;
        while ((line = commands.readLine()) != null) {
            if (line.startsWith("RESET")) {
                LatencyParser.measureFrom =
                        Long.parseLong(line.substring("RESET ".length()).trim());
                latencies.getIntervalHistogram();
                events.set(0);
                System.out.println("RESET");
            } else if (line.startsWith("REPORT")) {
                Histogram histogram = latencies.getIntervalHistogram();
                ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
                int length = histogram.encodeIntoCompressedByteBuffer(buffer);
                System.out.println("REPORT " + events.get() + " " + open.get() + " " + failed.get() + " "
                        + Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length)));
            } else if (line.startsWith("EXIT")) {
                break;
            }
            System.out.flush();
        }
        System.exit(0);
    }
}
