package dev.benchpulse.gateway.routing;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.ApplicationRunner;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClient;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The instances of a hub cluster behind {@code /.well-known/mercure} ({@code BENCHPULSE_HUB_INSTANCES}): Spring Cloud
 * LoadBalancer spreads new subscribers over them in turn, among those whose {@code /actuator/health} answered at the
 * last check ({@code spring.cloud.loadbalancer.health-check.interval}), so an instance that is down gets no new
 * subscriber. Its own subscribers lose their stream and reconnect, through the gateway, to a live instance, which
 * replays what they missed from the cluster's shared history.
 */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClient(name = HubInstances.SERVICE_ID, configuration = HubInstances.Balancing.class)
class HubInstances {

    static final String SERVICE_ID = "mercure-hub";

    /**
     * Resolves the hub's balancer once at start-up: its first resolution takes a lock, which concurrent first
     * subscribers would otherwise wait for on their event loops.
     */
    @Bean
    ApplicationRunner hubBalancerWarmUp(LoadBalancerClientFactory balancers, ServicesProperties services) {
        return arguments -> {
            if (services.hubCluster()) {
                balancers.getInstance(SERVICE_ID).choose();
            }
        };
    }

    /** The load balancer's configuration for the hub (its own context; deliberately not a scanned class). */
    static class Balancing {

        @Bean
        ServiceInstanceListSupplier hubInstanceSupplier(
                ConfigurableApplicationContext context, ServicesProperties services) {
            return ServiceInstanceListSupplier.builder()
                    .withBase(new Listed(services.hubInstances()))
                    .withHealthChecks(WebClient.create())
                    .build(context);
        }
    }

    /**
     * The configured instances, looked up again every few seconds: a host name with several addresses (the replicas of
     * a scaled compose service) is one instance per address, so replicas added or removed are seen.
     */
    record Listed(List<String> urls) implements ServiceInstanceListSupplier {

        private static final Duration LOOKUP_INTERVAL = Duration.ofSeconds(5);

        @Override
        public String getServiceId() {
            return SERVICE_ID;
        }

        @Override
        public Flux<List<ServiceInstance>> get() {
            return Flux.interval(Duration.ZERO, LOOKUP_INTERVAL)
                    .concatMap(tick -> Mono.fromCallable(this::lookUp).subscribeOn(Schedulers.boundedElastic()))
                    .distinctUntilChanged();
        }

        private List<ServiceInstance> lookUp() {
            List<ServiceInstance> instances = new ArrayList<>();
            for (String listed : urls) {
                URI url = URI.create(listed);
                for (String host : addresses(url.getHost())) {
                    instances.add(new DefaultServiceInstance(
                            SERVICE_ID + "-" + (instances.size() + 1),
                            SERVICE_ID,
                            host,
                            url.getPort(),
                            "https".equals(url.getScheme())));
                }
            }
            return instances;
        }

        private static List<String> addresses(String host) {
            try {
                return Arrays.stream(InetAddress.getAllByName(host))
                        .map(InetAddress::getHostAddress)
                        .distinct()
                        .toList();
            } catch (UnknownHostException e) {
                return List.of(); // not up yet (a compose replica starting): looked up again shortly
            }
        }
    }
}
