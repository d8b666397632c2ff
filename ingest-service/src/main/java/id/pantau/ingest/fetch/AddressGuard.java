package id.pantau.ingest.fetch;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.jspecify.annotations.Nullable;

/**
 * Refuses hosts that resolve to loopback, link-local, site-local (private), unique-local IPv6,
 * wildcard or multicast addresses, unless allowed by {@code ingest.http.allow.private.addresses}.
 * Guards against a feed or redirect steering the crawler into an internal network. Thread-safe.
 */
public final class AddressGuard {

    private final boolean allowPrivate;

    public AddressGuard(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /**
     * Checks a host name.
     *
     * @return null when the host may be fetched, otherwise the refusing outcome's cause
     */
    public @Nullable FetchCause check(String host) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return FetchCause.UNKNOWN_HOST;
        }
        if (allowPrivate) {
            return null;
        }
        for (InetAddress address : addresses) {
            if (isInternal(address)) {
                return FetchCause.PRIVATE_ADDRESS;
            }
        }
        return null;
    }

    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] raw = address.getAddress();
        if (address instanceof Inet6Address) {
            return (raw[0] & 0xfe) == 0xfc; // fc00::/7 unique local
        }
        int first = raw[0] & 0xff;
        int second = raw[1] & 0xff;
        return first == 0 || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT 100.64/10
                || (first == 169 && second == 254);
    }
}
