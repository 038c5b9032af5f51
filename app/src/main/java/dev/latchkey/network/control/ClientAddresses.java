package dev.latchkey.network.control;

import dev.latchkey.network.entity.Cidr;
import java.util.List;

/**
 * Decides which address a request came from. {@code X-Forwarded-For} is believed only when
 * the direct peer is a configured trusted proxy, and then read from the right, skipping
 * further trusted proxies: the first untrusted hop is the client. A header from anyone
 * else is ignored, so a client cannot choose its own address.
 */
public final class ClientAddresses {

    private final List<Cidr> trustedProxies;

    public ClientAddresses(List<Cidr> trustedProxies) {
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    public String clientAddress(String peerAddress, String forwardedFor) {
        if (forwardedFor == null || forwardedFor.isBlank() || !isTrusted(peerAddress)) {
            return peerAddress;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (hop.isEmpty()) {
                continue;
            }
            if (!isValidAddress(hop)) {
                return peerAddress;
            }
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return peerAddress;
    }

    private boolean isTrusted(String address) {
        for (Cidr proxy : trustedProxies) {
            if (proxy.contains(address)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isValidAddress(String text) {
        try {
            Cidr.parseNumericAddress(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
