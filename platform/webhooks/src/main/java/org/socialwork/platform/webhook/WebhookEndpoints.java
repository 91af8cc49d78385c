package org.socialwork.platform.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.socialwork.platform.problem.Problems;

/**
 * What an endpoint URL must be: absolute https (http only where {@code allowHttp}), a host, no
 * credentials or fragment; and, unless {@code allowPrivate}, a host whose every address is public,
 * so that a subscription cannot aim the platform at its own network. The address check runs again
 * before every send, because DNS can change after the subscription was accepted.
 */
@Singleton
public class WebhookEndpoints {

    static final int MAX_LENGTH = 2048;

    private final boolean allowHttp;
    private final boolean allowPrivate;

    @Inject
    public WebhookEndpoints(WebhookConfig config) {
        this(config.allowHttp(), config.allowPrivateAddresses());
    }

    public WebhookEndpoints(boolean allowHttp, boolean allowPrivate) {
        this.allowHttp = allowHttp;
        this.allowPrivate = allowPrivate;
    }

    /** The endpoint, or a 400 problem on field {@code url} saying what is wrong with it. */
    public URI check(String raw) {
        URI uri;
        try {
            uri = new URI(raw.strip());
        } catch (URISyntaxException e) {
            throw Problems.invalidField("url", "webhook.url.invalid");
        }
        if (raw.length() > MAX_LENGTH || !uri.isAbsolute() || uri.getHost() == null || uri.getRawUserInfo() != null
                || uri.getRawFragment() != null) {
            throw Problems.invalidField("url", "webhook.url.invalid");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            throw Problems.invalidField("url", "webhook.url.https");
        }
        if (!allowPrivate) {
            String refusal = refusal(uri.getHost());
            if (refusal != null) {
                throw Problems.invalidField("url", refusal);
            }
        }
        return uri;
    }

    /**
     * Why the platform may not send to {@code host} (a message key), or null when it may. Resolves
     * the name: every address it has must be public.
     */
    public String refusal(String host) {
        if (allowPrivate) {
            return null;
        }
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (name.equalsIgnoreCase("localhost") || name.toLowerCase(Locale.ROOT).endsWith(".localhost")) {
            return "webhook.url.private";
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(name);
        } catch (UnknownHostException e) {
            return "webhook.url.unresolvable";
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                return "webhook.url.private";
            }
        }
        return null;
    }

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            // fc00::/7, unique local addresses: IPv6's private ranges
            return (bytes[0] & 0xfe) != 0xfc;
        }
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        // 100.64.0.0/10 (carrier-grade NAT) and 0.0.0.0/8 are not reachable public hosts either
        return !(first == 100 && second >= 64 && second < 128) && first != 0;
    }
}
