package dev.benchpulse.hub.subscribe;

import dev.benchpulse.hub.settings.HubProperties;
import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * Which client a request comes from, for the per-address subscription limit. Behind the gateway every connection
 * comes from the gateway, so the address the gateway saw is taken from {@code X-Forwarded-For}, but only when the
 * direct peer is a trusted proxy: anyone else could write any address there. The header is read from the right (the
 * entry added by the nearest proxy) and each entry added by a trusted proxy is skipped, so an address a client put
 * in the header itself is never believed.
 */
@Component
class ClientAddresses {

    static final String FORWARDED_FOR = "X-Forwarded-For";

    private final List<IpSubnetFilterRule> trusted;

    ClientAddresses(HubProperties properties) {
        this.trusted =
                properties.trustedProxies().stream().map(ClientAddresses::rule).toList();
    }

    /** The client's IP address as text (IPv6 in its short form); the peer's when it is not a trusted proxy. */
    String of(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null || remote.getAddress() == null) {
            return remote == null ? "unknown" : remote.getHostString();
        }
        InetAddress client = remote.getAddress();
        List<String> hops = hops(request.getHeaders().getOrEmpty(FORWARDED_FOR));
        for (int i = hops.size() - 1; i >= 0 && isTrusted(client); i--) {
            InetAddress hop = parse(hops.get(i));
            if (hop == null) {
                break; // not an address: the proxy that passed it on is the client as far as the hub can tell
            }
            client = hop;
        }
        return NetUtil.toAddressString(client);
    }

    private boolean isTrusted(InetAddress address) {
        InetSocketAddress socket = new InetSocketAddress(address, 0);
        for (IpSubnetFilterRule rule : trusted) {
            if (rule.matches(socket)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> hops(List<String> headers) {
        List<String> hops = new ArrayList<>();
        for (String header : headers) {
            for (String hop : header.split(",")) {
                hops.add(hop.trim());
            }
        }
        return hops;
    }

    /** An IP literal, bracketed or with a port as some proxies write them; {@code null} for anything else. */
    private static InetAddress parse(String hop) {
        String address = hop;
        if (address.startsWith("[") && address.indexOf(']') > 0) {
            address = address.substring(1, address.indexOf(']'));
        } else if (address.indexOf(':') > 0 && address.indexOf(':') == address.lastIndexOf(':')) {
            address = address.substring(0, address.indexOf(':'));
        }
        return NetUtil.createInetAddressFromIpAddressString(address);
    }

    /** {@code 10.0.0.0/8}, {@code ::1/128} or a single address; never resolved through DNS. */
    private static IpSubnetFilterRule rule(String proxy) {
        int slash = proxy.indexOf('/');
        String address = slash < 0 ? proxy : proxy.substring(0, slash);
        InetAddress parsed = NetUtil.createInetAddressFromIpAddressString(address);
        if (parsed == null) {
            throw new IllegalArgumentException("MERCURE_TRUSTED_PROXIES: '" + proxy + "' is not an IP address or a "
                    + "CIDR block (e.g. 10.0.0.0/8, ::1/128).");
        }
        int bits = parsed.getAddress().length * 8;
        try {
            int prefix = slash < 0 ? bits : Integer.parseInt(proxy.substring(slash + 1));
            if (prefix < 0 || prefix > bits) {
                throw new NumberFormatException();
            }
            return new IpSubnetFilterRule(parsed, prefix, IpFilterRuleType.ACCEPT);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "MERCURE_TRUSTED_PROXIES: '" + proxy + "' has an invalid prefix " + "length (0 to " + bits + ").",
                    e);
        }
    }
}
