package dev.benchpulse.hub.load;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * One process of subscribers that behave like browsers' {@code EventSource} for the failover scenario of
 * {@link ClusterLoad}: each connects to the first of {@code --urls}, and when its stream ends or fails it connects to
 * another one of them, chosen at random, after a short delay, sending the last id it received as
 * {@code Last-Event-ID}. It remembers every
 * update number it received (a bit per update), so the report says how many were missed and how many came twice,
 * and how long each subscriber went without updates from losing its stream to its first update after reconnecting.
 * Driven over standard input like {@link SubscriberWorker}: {@code REPORT <updates published>} prints
 * {@code REPORT <subscribers> <complete> <missing> <repeated> <reconnections> <histogram> <behind>}, where
 * {@code <behind>} says where the subscribers that lost their stream and have not received an update since are
 * stuck: how many in each phase of their latest attempt (connecting, connected, response headers received,
 * streaming) and to which hub, with the age of the oldest, for example {@code connected@1=33(oldest:98.2s)}.
 */
public final class FailoverWorker {

    /** A browser's EventSource waits a few seconds; here 250 ms plus up to a second of jitter, so they spread. */
    private static final Duration RETRY = Duration.ofMillis(250);

    private static final long JITTER_MILLIS = 1000;

    public static void main(String[] args) throws Exception {
        Map<String, String> options = LoadGenerator.options(args);
        int count = Integer.parseInt(options.get("subscribers"));
        List<String> sources =
                List.of(options.getOrDefault("sources", "127.0.0.1").split(","));
        List<String> urls = List.of(options.get("urls").split(","));
        Recorder gaps = new Recorder(3);
        AtomicInteger open = new AtomicInteger();
        Semaphore connecting = new Semaphore(200);
        LoopResources loops = LoopResources.create("subscribers", 1, 2, true);
        List<Subscriber> subscribers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            connecting.acquire();
            Subscriber subscriber = new Subscriber(
                    HttpClient.create(ConnectionProvider.newConnection())
                            .runOn(loops)
                            .bindAddress(new Source(sources.get(i % sources.size())))
                            .responseTimeout(Duration.ofHours(1)),
                    urls,
                    gaps,
                    open,
                    connecting);
            subscribers.add(subscriber);
            subscriber.connect();
        }
        while (open.get() < count) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        System.out.println("READY " + open.get());
        System.out.flush();
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in));
        String line;
        while ((line = commands.readLine()) != null) {
            if (line.startsWith("REPORT")) {
                report(
                        subscribers,
                        Integer.parseInt(line.substring("REPORT ".length()).trim()),
                        gaps);
            } else if (line.startsWith("EXIT")) {
                break;
            }
            System.out.flush();
        }
        System.exit(0);
    }

    private static void report(List<Subscriber> subscribers, int published, Recorder gaps) {
        long missing = 0;
        long repeated = 0;
        long reconnections = 0;
        int complete = 0;
        for (Subscriber subscriber : subscribers) {
            synchronized (subscriber) {
                int received = subscriber.received.get(1, published + 1).cardinality();
                missing += published - received;
                repeated += subscriber.repeated;
                reconnections += subscriber.reconnections;
                complete += received == published ? 1 : 0;
            }
        }
        Map<String, long[]> behind = new java.util.TreeMap<>();
        long now = System.nanoTime();
        for (Subscriber subscriber : subscribers) {
            synchronized (subscriber) {
                if (subscriber.lostAt != 0) {
                    long[] countAndOldest =
                            behind.computeIfAbsent(subscriber.phase + "@" + subscriber.hub, k -> new long[2]);
                    countAndOldest[0]++;
                    countAndOldest[1] = Math.max(countAndOldest[1], now - subscriber.phaseSince);
                }
            }
        }
        StringBuilder stuck = new StringBuilder();
        behind.forEach((phase, countAndOldest) -> stuck.append(stuck.isEmpty() ? "" : ",")
                .append(String.format(
                        java.util.Locale.ROOT,
                        "%s=%d(oldest:%.1fs)",
                        phase,
                        countAndOldest[0],
                        countAndOldest[1] / 1e9)));
        Histogram histogram = gaps.getIntervalHistogram();
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        System.out.println("REPORT " + subscribers.size() + " " + complete + " " + missing + " " + repeated + " "
                + reconnections + " "
                + Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length)) + " "
                + (stuck.isEmpty() ? "none" : stuck));
    }

    private record Source(String address) implements java.util.function.Supplier<InetSocketAddress> {

        @Override
        public InetSocketAddress get() {
            return new InetSocketAddress(address, 0);
        }
    }

    /** One EventSource-like subscriber. Its counters are touched by its connection's event loop and the report. */
    private static final class Subscriber {

        private final HttpClient client;
        private final List<String> urls;
        private final Recorder gaps;
        private final AtomicInteger open;
        private final Semaphore connecting;
        final BitSet received = new BitSet();
        long repeated;
        long reconnections;
        private String lastId;
        private int attempt;
        long lostAt;
        private boolean everOpened;
        /** Where the latest attempt is: connecting, connected, responded-<status>, streaming; since when. */
        String phase = "new";

        long phaseSince = System.nanoTime();
        /** The index in {@code urls} of the latest attempt's hub. */
        int hub;

        Subscriber(HttpClient client, List<String> urls, Recorder gaps, AtomicInteger open, Semaphore connecting) {
            this.client = client;
            this.urls = urls;
            this.gaps = gaps;
            this.open = open;
            this.connecting = connecting;
        }

        synchronized void connect() {
            // the first attempt goes to this subscriber's own hub; a reconnection to any other, chosen at random, as
            // the gateway's balancer spreads a dead instance's subscribers over the live ones
            hub = attempt++ == 0
                    ? 0
                    : (hub
                                    + 1
                                    + java.util.concurrent.ThreadLocalRandom.current()
                                            .nextInt(urls.size() - 1))
                            % urls.size();
            String url = urls.get(hub);
            String resumeFrom = lastId;
            IdParser parser = new IdParser();
            enter("connecting");
            client.headers(h -> {
                        if (resumeFrom != null) {
                            h.set("Last-Event-ID", resumeFrom);
                        }
                    })
                    .doOnConnected(connection -> enter("connected"))
                    .doOnResponse((response, connection) ->
                            enter("responded-" + response.status().code()))
                    .get()
                    .uri(url)
                    .responseContent()
                    .doOnNext(chunk -> {
                        opened();
                        parser.read(chunk, this::receivedId);
                    })
                    .subscribe(chunk -> {}, error -> lost(), this::lost);
        }

        private synchronized void enter(String next) {
            phase = next;
            phaseSince = System.nanoTime();
        }

        private synchronized void opened() {
            if (!phase.equals("streaming")) {
                enter("streaming");
            }
            if (!everOpened) {
                everOpened = true;
                open.incrementAndGet();
                connecting.release();
            }
        }

        private synchronized void receivedId(String id, long number) {
            if (lostAt != 0) {
                gaps.recordValue(System.nanoTime() - lostAt);
                lostAt = 0;
            }
            if (number > Integer.MAX_VALUE - 1 || received.get((int) number)) {
                repeated++;
            } else {
                received.set((int) number);
            }
            lastId = id;
        }

        private synchronized void lost() {
            if (!everOpened) {
                everOpened = true;
                open.incrementAndGet();
                connecting.release();
            }
            if (lostAt == 0) {
                lostAt = System.nanoTime();
            }
            reconnections++;
            Schedulers.parallel()
                    .schedule(
                            this::connect,
                            RETRY.toMillis()
                                    + java.util.concurrent.ThreadLocalRandom.current()
                                            .nextLong(JITTER_MILLIS),
                            TimeUnit.MILLISECONDS);
        }
    }
}
