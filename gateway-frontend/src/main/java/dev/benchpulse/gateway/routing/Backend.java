package dev.benchpulse.gateway.routing;

import java.net.URI;
import java.util.Map;

/**
 * A service behind the gateway, with the variable that says where it is. Route metadata carries it so that the
 * problem answered when it is down can name the service and how to fix it.
 */
record Backend(String service, String variable, URI url) {

    static final String METADATA_KEY = "benchpulse.backend";

    Map<String, Object> metadata() {
        return Map.of(METADATA_KEY, this);
    }

    String unreachableDetail() {
        return service + " is not reachable at " + url + ". Start it (./benchpulse up starts every service), or set "
                + variable + " to where it runs.";
    }
}
