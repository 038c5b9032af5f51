package dev.latchkey.network.entity;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/** An IPv4 or IPv6 CIDR block such as {@code 10.0.0.0/8} or {@code 2001:db8::/32}. */
public final class Cidr {

    private final byte[] network;
    private final int prefixLength;
    private final String text;

    private Cidr(byte[] network, int prefixLength, String text) {
        this.network = network;
        this.prefixLength = prefixLength;
        this.text = text;
    }

    /**
     * Parses a block; a bare address is a block of one. Only numeric addresses are accepted,
     * never host names (parsing must not touch DNS).
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static Cidr parse(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("empty CIDR block");
        }
        String trimmed = value.trim();
        int slash = trimmed.indexOf('/');
        String addressPart = slash < 0 ? trimmed : trimmed.substring(0, slash);
        byte[] address = parseNumericAddress(addressPart);
        int maxLength = address.length * 8;
        int length = maxLength;
        if (slash >= 0) {
            String lengthPart = trimmed.substring(slash + 1);
            if (!lengthPart.matches("\\d{1,3}")) {
                throw new IllegalArgumentException("'" + value + "' has no valid prefix length");
            }
            length = Integer.parseInt(lengthPart);
            if (length > maxLength) {
                throw new IllegalArgumentException("'" + value + "' has a prefix length over " + maxLength);
            }
        }
        byte[] masked = mask(address, length);
        String canonical = toText(masked) + "/" + length;
        return new Cidr(masked, length, canonical);
    }

    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) {
            candidate = ipv4Mapped(candidate, network.length);
            if (candidate == null) {
                return false;
            }
        }
        return Arrays.equals(mask(candidate, prefixLength), network);
    }

    /** Whether every address of {@code block} lies in this block. */
    public boolean contains(Cidr block) {
        return block.network.length == network.length && block.prefixLength >= prefixLength
                && Arrays.equals(mask(block.network, prefixLength), network);
    }

    public boolean contains(String address) {
        try {
            return contains(InetAddress.getByAddress(parseNumericAddress(address)));
        } catch (IllegalArgumentException | UnknownHostException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cidr cidr && cidr.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** Parses a literal IPv4 or IPv6 address without any name lookup. */
    public static byte[] parseNumericAddress(String text) {
        String candidate = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        boolean ipv4 = candidate.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean ipv6 = candidate.contains(":") && candidate.matches("[0-9A-Fa-f:.]+");
        if (!ipv4 && !ipv6) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address");
        }
        if (ipv4) {
            for (String part : candidate.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    throw new IllegalArgumentException("'" + text + "' is not an IP address");
                }
            }
        }
        try {
            // Only literals reach here, so this never resolves a name.
            return InetAddress.getByName(candidate).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address");
        }
    }

    private static byte[] ipv4Mapped(byte[] candidate, int wanted) {
        if (wanted == 4 && candidate.length == 16) {
            for (int i = 0; i < 10; i++) {
                if (candidate[i] != 0) {
                    return null;
                }
            }
            if (candidate[10] == (byte) 0xff && candidate[11] == (byte) 0xff) {
                return Arrays.copyOfRange(candidate, 12, 16);
            }
        }
        return null;
    }

    private static byte[] mask(byte[] address, int length) {
        byte[] result = address.clone();
        for (int i = 0; i < result.length; i++) {
            int bits = Math.max(0, Math.min(8, length - i * 8));
            result[i] = (byte) (result[i] & (0xff << (8 - bits)));
        }
        return result;
    }

    private static String toText(byte[] address) {
        try {
            return InetAddress.getByAddress(address).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
