package dev.agentcron.model.net;

import java.net.IDN;
import java.net.InetAddress;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SSRF guard: refuses URLs and addresses that reach the machine, its network or the cloud's metadata
 * service, unless the operator allow-lists them ({@code agentcron.ssrf.allow-hosts}).
 *
 * <p>Refused: loopback (127/8, ::1), link-local (169.254/16, fe80::/10), private (10/8, 172.16/12,
 * 192.168/16, fc00::/7, fec0::/10), carrier-grade NAT (100.64/10), unspecified (0/8, ::), multicast (224/4,
 * ff00::/8), broadcast (255.255.255.255), reserved and documentation ranges (192.0.0/24, 192.0.2/24,
 * 198.18/15, 198.51.100/24, 203.0.113/24, 240/4, 100::/64, 2001:db8::/32, …) and cloud metadata addresses
 * (169.254.169.254, 169.254.170.2, 100.100.100.200, 192.0.0.192, fd00:ec2::254) — also when an IPv6 address
 * embeds such an IPv4 one (IPv4-mapped, IPv4-compatible, NAT64 64:ff9b::/96, 6to4 2002::/16, Teredo).
 * {@code localhost} and {@code *.localhost} count as loopback, {@code metadata.google.internal} as metadata.
 *
 * <p>Two moments use it. At create time there is no DNS: {@link #checkUrl} accepts any host name and judges IP
 * literals in every notation ({@code 2130706433}, {@code 0177.0.0.1}, {@code 0x7f.0.0.1}, {@code 127.1},
 * {@code [::ffff:127.0.0.1]}). At fetch time the caller resolves the name and checks every resolved address
 * with {@link #checkAddress(String, InetAddress)}, again for every redirect. Nothing here resolves names.
 *
 * <p>URLs must be absolute {@code http}/{@code https} URLs without user name or password (credentials in URLs
 * leak into logs, and {@code user@host} is a classic way to disguise the real host). Instances are immutable
 * and thread-safe.
 */
public final class AddressGuard {

    private static final List<Blocked> BLOCKED = List.of(
            new Blocked("169.254.169.254/32", Category.METADATA),
            new Blocked("169.254.170.2/32", Category.METADATA),
            new Blocked("100.100.100.200/32", Category.METADATA),
            new Blocked("192.0.0.192/32", Category.METADATA),
            new Blocked("fd00:ec2::254/128", Category.METADATA),
            new Blocked("0.0.0.0/8", Category.UNSPECIFIED),
            new Blocked("10.0.0.0/8", Category.PRIVATE),
            new Blocked("100.64.0.0/10", Category.CARRIER_GRADE_NAT),
            new Blocked("127.0.0.0/8", Category.LOOPBACK),
            new Blocked("169.254.0.0/16", Category.LINK_LOCAL),
            new Blocked("172.16.0.0/12", Category.PRIVATE),
            new Blocked("192.0.0.0/24", Category.RESERVED),
            new Blocked("192.0.2.0/24", Category.RESERVED),
            new Blocked("192.88.99.0/24", Category.RESERVED),
            new Blocked("192.168.0.0/16", Category.PRIVATE),
            new Blocked("198.18.0.0/15", Category.RESERVED),
            new Blocked("198.51.100.0/24", Category.RESERVED),
            new Blocked("203.0.113.0/24", Category.RESERVED),
            new Blocked("224.0.0.0/4", Category.MULTICAST),
            new Blocked("255.255.255.255/32", Category.BROADCAST),
            new Blocked("240.0.0.0/4", Category.RESERVED),
            new Blocked("::/128", Category.UNSPECIFIED),
            new Blocked("::1/128", Category.LOOPBACK),
            new Blocked("64:ff9b:1::/48", Category.PRIVATE),
            new Blocked("100::/64", Category.RESERVED),
            new Blocked("2001:2::/48", Category.RESERVED),
            new Blocked("2001:10::/28", Category.RESERVED),
            new Blocked("2001:20::/28", Category.RESERVED),
            new Blocked("2001:db8::/32", Category.RESERVED),
            new Blocked("3fff::/20", Category.RESERVED),
            new Blocked("5f00::/16", Category.RESERVED),
            new Blocked("fc00::/7", Category.PRIVATE),
            new Blocked("fe80::/10", Category.LINK_LOCAL),
            new Blocked("fec0::/10", Category.PRIVATE),
            new Blocked("ff00::/8", Category.MULTICAST));

    private static final Cidr IPV4_MAPPED = Cidr.of("::ffff:0:0/96");
    private static final Cidr IPV4_TRANSLATED = Cidr.of("::ffff:0:0:0/96");
    private static final Cidr IPV4_COMPATIBLE = Cidr.of("::/96");
    private static final Cidr NAT64 = Cidr.of("64:ff9b::/96");
    private static final Cidr SIX_TO_FOUR = Cidr.of("2002::/16");
    private static final Cidr TEREDO = Cidr.of("2001::/32");

    private static final Pattern URL =
            Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*):[/\\\\]{2}([^/\\\\?#]*)(.*)", Pattern.DOTALL);
    private static final Pattern HOST_NAME =
            Pattern.compile("[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*");
    private static final String METADATA_HOST = "metadata.google.internal";

    private final List<Cidr> allowedBlocks = new ArrayList<>();
    private final List<String> allowedHosts = new ArrayList<>();
    private final List<String> allowedDomains = new ArrayList<>();

    /**
     * @param allowHosts the operator's exemptions: host names ({@code internal.example}), subdomain patterns
     *     ({@code *.corp.example}: its subdomains, not the domain itself), IP addresses and CIDRs ({@code
     *     10.1.0.0/16}, {@code fd12::/16})
     * @throws IllegalArgumentException naming an entry that is none of these
     */
    public AddressGuard(Collection<String> allowHosts) {
        for (String raw : allowHosts) {
            String entry = raw.trim().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            String unbracketed = entry.startsWith("[") && entry.contains("]")
                    ? entry.replace("[", "").replace("]", "")
                    : entry;
            Optional<Cidr> block = looksLikeAddress(unbracketed) ? Cidr.parse(unbracketed) : Optional.empty();
            if (block.isPresent()) {
                allowedBlocks.add(block.get());
            } else if (entry.startsWith("*.") && isHostName(entry.substring(2))) {
                allowedDomains.add(entry.substring(1));
            } else if (isHostName(stripTrailingDot(entry)) && !IpLiterals.endsInNumber(entry)) {
                allowedHosts.add(stripTrailingDot(entry));
            } else {
                throw new IllegalArgumentException("agentcron.ssrf.allow-hosts: '" + raw
                        + "' is neither a host name, a *.domain pattern, an IP address nor a CIDR");
            }
        }
    }

    /** A guard without exemptions. */
    public static AddressGuard strict() {
        return new AddressGuard(List.of());
    }

    /**
     * Checks a URL before it is stored (no DNS): {@code base_url} is the subject of the reasons.
     *
     * @see #checkUrl(String, String)
     */
    public Optional<String> checkUrl(String url) {
        return checkUrl(url, "base_url");
    }

    /**
     * Checks a URL without resolving its host: it must be an absolute {@code http} or {@code https} URL without
     * user name or password, whose host is a valid name (accepted unresolved) or an IP literal outside the
     * refused ranges, unless allow-listed.
     *
     * @param url the URL as the user wrote it
     * @param subject what to call the URL in the reason ({@code base_url}, {@code url}, {@code redirect})
     * @return empty when acceptable, else why not, e.g. "base_url points to a loopback address (127.0.0.1)",
     *     "base_url must use http or https; got 'ftp'"
     */
    public Optional<String> checkUrl(String url, String subject) {
        if (url == null || url.isBlank()) {
            return Optional.of(subject + " must be an absolute http or https URL such as https://example.com");
        }
        Matcher parts = URL.matcher(url.trim());
        if (!parts.matches()) {
            return Optional.of(subject + " must be an absolute http or https URL such as https://example.com");
        }
        String scheme = parts.group(1).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of(subject + " must use http or https; got '" + scheme + "'");
        }
        String authority = parts.group(2);
        if (authority.contains("@")) {
            return Optional.of(subject + " must not contain a user name or password");
        }
        Optional<String> host = hostOf(authority);
        if (host.isEmpty()) {
            return Optional.of(
                    authority.isEmpty() || authority.startsWith(":")
                            ? subject + " has no host"
                            : subject + " has an invalid host or port '" + authority + "'");
        }
        return checkHost(host.get(), authority.startsWith("["), subject);
    }

    /**
     * Checks an address a host name resolved to, at fetch time. Allowed when it lies in an allow-listed block.
     *
     * @return empty when acceptable, else why not, e.g. "10.0.0.5 is a private address"
     */
    public Optional<String> checkAddress(InetAddress resolved) {
        byte[] bytes = resolved.getAddress();
        if (inAllowedBlock(bytes)) {
            return Optional.empty();
        }
        return classify(bytes).map(verdict -> verdict.address() + " is " + verdict.category().phrase);
    }

    /**
     * Checks an address {@code host} resolved to, at fetch time: allowed when the host name is allow-listed,
     * otherwise as {@link #checkAddress(InetAddress)}.
     */
    public Optional<String> checkAddress(String host, InetAddress resolved) {
        return isAllowListed(host) ? Optional.empty() : checkAddress(resolved);
    }

    /**
     * True when the operator exempted this host: a listed name, a subdomain of a listed {@code *.domain}, or an
     * IP literal (any notation, brackets optional) inside a listed block.
     */
    public boolean isAllowListed(String host) {
        if (host == null) {
            return false;
        }
        String normalized = stripTrailingDot(host.trim().toLowerCase(Locale.ROOT));
        boolean bracketed = normalized.startsWith("[") && normalized.endsWith("]");
        String bare = bracketed ? normalized.substring(1, normalized.length() - 1) : normalized;
        Optional<InetAddress> literal = parseLiteral(bare);
        if (literal.isPresent()) {
            return inAllowedBlock(literal.get().getAddress());
        }
        return allowedHosts.contains(bare) || allowedDomains.stream().anyMatch(bare::endsWith);
    }

    /**
     * Reads a host that is an IP literal — IPv4 in any notation ({@code 127.0.0.1}, {@code 127.1}, {@code
     * 2130706433}, {@code 0177.0.0.1}, {@code 0x7f.0.0.1}, {@code 0x7f000001}, a trailing dot allowed) or IPv6
     * with or without brackets — without any DNS lookup.
     *
     * @return the address, or empty when the host is not a literal (a name, or malformed)
     */
    public static Optional<InetAddress> parseLiteral(String host) {
        if (host == null || host.isBlank()) {
            return Optional.empty();
        }
        String text = host.trim();
        if (text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1);
        }
        Optional<byte[]> bytes =
                text.contains(":") ? IpLiterals.parseIpv6(text) : IpLiterals.parseIpv4(stripTrailingDot(text));
        return bytes.map(AddressGuard::toInetAddress);
    }

    private Optional<String> checkHost(String rawHost, boolean bracketed, String subject) {
        Optional<String> host = decodeHost(rawHost);
        if (host.isEmpty()) {
            return Optional.of(subject + " has an invalid host name '" + rawHost + "'");
        }
        String name = stripTrailingDot(host.get());
        Optional<byte[]> literal;
        if (bracketed) {
            literal = IpLiterals.parseIpv6(name);
            if (literal.isEmpty()) {
                return Optional.of(subject + " has an invalid IPv6 address '[" + rawHost + "]'");
            }
        } else if (IpLiterals.endsInNumber(name)) {
            literal = IpLiterals.parseIpv4(name);
            if (literal.isEmpty()) {
                return Optional.of(subject + " has an invalid IP address '" + rawHost + "'");
            }
        } else {
            return checkName(name, rawHost, subject);
        }
        byte[] bytes = literal.get();
        if (inAllowedBlock(bytes)) {
            return Optional.empty();
        }
        return classify(bytes)
                .map(verdict -> subject + " points to " + verdict.category().phrase + " (" + verdict.address() + ")");
    }

    private Optional<String> checkName(String name, String rawHost, String subject) {
        if (name.length() > 253 || !HOST_NAME.matcher(name).matches()) {
            return Optional.of(subject + " has an invalid host name '" + rawHost + "'");
        }
        if (isAllowListed(name)) {
            return Optional.empty();
        }
        if (name.equals("localhost") || name.endsWith(".localhost")) {
            return Optional.of(subject + " points to " + Category.LOOPBACK.phrase + " (" + name + ")");
        }
        if (name.equals(METADATA_HOST)) {
            return Optional.of(subject + " points to " + Category.METADATA.phrase + " (" + name + ")");
        }
        return Optional.empty();
    }

    /** The host of {@code host[:port]} or {@code [v6][:port]}; empty when missing or the port is not a port. */
    private static Optional<String> hostOf(String authority) {
        String host;
        String port;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                return Optional.empty();
            }
            host = authority.substring(1, close);
            String rest = authority.substring(close + 1);
            if (!rest.isEmpty() && !rest.startsWith(":")) {
                return Optional.empty();
            }
            port = rest.isEmpty() ? "" : rest.substring(1);
        } else {
            int colon = authority.lastIndexOf(':');
            host = colon < 0 ? authority : authority.substring(0, colon);
            port = colon < 0 ? "" : authority.substring(colon + 1);
        }
        boolean validPort = port.isEmpty() || port.matches("\\d{1,5}") && Integer.parseInt(port) <= 65535;
        return host.isEmpty() || !validPort ? Optional.empty() : Optional.of(host);
    }

    /** Percent-decodes and lowercases a host; non-ASCII names become their ASCII (punycode) form, as browsers do. */
    private static Optional<String> decodeHost(String host) {
        try {
            String decoded = host.contains("%") && !host.contains(":")
                    ? URLDecoder.decode(host.replace("+", "%2B"), StandardCharsets.UTF_8)
                    : host;
            String ascii =
                    decoded.chars().allMatch(c -> c < 128) ? decoded : IDN.toASCII(decoded, IDN.ALLOW_UNASSIGNED);
            return Optional.of(ascii.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private boolean inAllowedBlock(byte[] address) {
        Optional<byte[]> embedded = embeddedIpv4(address);
        for (Cidr block : allowedBlocks) {
            if (block.contains(address) || embedded.isPresent() && block.contains(embedded.get())) {
                return true;
            }
        }
        return false;
    }

    /** Why an address is refused, or empty when it is a public one. */
    private static Optional<Verdict> classify(byte[] address) {
        for (Blocked blocked : BLOCKED) {
            if (blocked.block().contains(address)) {
                return Optional.of(new Verdict(blocked.category(), IpLiterals.format(address)));
            }
        }
        Optional<byte[]> embedded = embeddedIpv4(address);
        if (embedded.isEmpty()) {
            return Optional.empty();
        }
        String shown = IPV4_MAPPED.contains(address)
                ? IpLiterals.format(address)
                : IpLiterals.format(address) + " embedding " + IpLiterals.format(embedded.get());
        return classify(embedded.get()).map(verdict -> new Verdict(verdict.category(), shown));
    }

    /** The IPv4 address an IPv6 one carries (mapped, translated, compatible, NAT64, 6to4, Teredo client). */
    private static Optional<byte[]> embeddedIpv4(byte[] address) {
        if (address.length != 16) {
            return Optional.empty();
        }
        if (IPV4_MAPPED.contains(address)
                || IPV4_TRANSLATED.contains(address)
                || IPV4_COMPATIBLE.contains(address)
                || NAT64.contains(address)) {
            return Optional.of(new byte[] {address[12], address[13], address[14], address[15]});
        }
        if (SIX_TO_FOUR.contains(address)) {
            return Optional.of(new byte[] {address[2], address[3], address[4], address[5]});
        }
        if (TEREDO.contains(address)) {
            return Optional.of(
                    new byte[] {(byte) ~address[12], (byte) ~address[13], (byte) ~address[14], (byte) ~address[15]});
        }
        return Optional.empty();
    }

    private static boolean looksLikeAddress(String entry) {
        String address = entry.contains("/") ? entry.substring(0, entry.indexOf('/')) : entry;
        return address.contains(":") || IpLiterals.endsInNumber(address);
    }

    private static boolean isHostName(String name) {
        return name.length() <= 253 && HOST_NAME.matcher(name).matches();
    }

    private static String stripTrailingDot(String host) {
        return host.endsWith(".") && host.length() > 1 ? host.substring(0, host.length() - 1) : host;
    }

    private static InetAddress toInetAddress(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("an address of " + bytes.length + " bytes", e);
        }
    }

    /** The kinds of refused address, as reasons name them. */
    private enum Category {
        LOOPBACK("a loopback address"),
        LINK_LOCAL("a link-local address"),
        PRIVATE("a private address"),
        CARRIER_GRADE_NAT("a carrier-grade NAT address"),
        UNSPECIFIED("an unspecified address"),
        MULTICAST("a multicast address"),
        BROADCAST("a broadcast address"),
        RESERVED("a reserved address"),
        METADATA("a cloud metadata address");

        private final String phrase;

        Category(String phrase) {
            this.phrase = phrase;
        }
    }

    /** A refused address: its category, and the address as reasons show it. */
    private record Verdict(Category category, String address) {}

    private record Blocked(Cidr block, Category category) {
        Blocked(String block, Category category) {
            this(Cidr.of(block), category);
        }
    }
}
