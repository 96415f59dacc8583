package dev.agentcron.model.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressGuardTest {

    private final AddressGuard strict = AddressGuard.strict();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://example.com",
                "http://example.com:8080/path?q=1#top",
                "https://EXAMPLE.com/Prices",
                "https://metadata.internal.example/",
                "https://does-not-resolve.invalid/",
                "https://sub_domain.example.com",
                "https://example.com./",
                "https://bücher.example/",
                "https://8.8.8.8/",
                "https://1.1.1.1.:443/",
                "http://172.32.0.1/",
                "http://100.128.0.1/",
                "http://[2606:4700:4700::1111]/",
                "http://[::ffff:8.8.8.8]/",
                "http://[2002:808:808::1]/",
                "HTTPS://example.com"
            })
    void acceptsPublicAddressesAndHostNamesWithoutResolvingThem(String url) {
        assertThat(strict.checkUrl(url)).isEmpty();
    }

    @ParameterizedTest(name = "{0} → {1} ({2})")
    @CsvSource(
            delimiter = '|',
            value = {
                // every IPv4 notation of 127.0.0.1
                "http://127.0.0.1/              | a loopback address        | 127.0.0.1",
                "http://127.1/                  | a loopback address        | 127.0.0.1",
                "http://127.0.1/                | a loopback address        | 127.0.0.1",
                "http://2130706433/             | a loopback address        | 127.0.0.1",
                "http://0177.0.0.1/             | a loopback address        | 127.0.0.1",
                "http://017700000001/           | a loopback address        | 127.0.0.1",
                "http://0x7f.0.0.1/             | a loopback address        | 127.0.0.1",
                "http://0x7F.1/                 | a loopback address        | 127.0.0.1",
                "http://0x7f000001/             | a loopback address        | 127.0.0.1",
                "http://127.0.0.1.:8080/        | a loopback address        | 127.0.0.1",
                "http://%31%32%37.0.0.1/        | a loopback address        | 127.0.0.1",
                "http://１２７．０．０．１/      | a loopback address        | 127.0.0.1",
                "HTTP://127.0.0.2               | a loopback address        | 127.0.0.2",
                "http:\\\\127.0.0.1\\admin      | a loopback address        | 127.0.0.1",
                "http://localhost:8080/         | a loopback address        | localhost",
                "http://api.localhost/          | a loopback address        | api.localhost",
                // IPv6 notations
                "http://[::1]/                  | a loopback address        | ::1",
                "http://[0:0:0:0:0:0:0:1]:80/   | a loopback address        | ::1",
                "http://[::ffff:127.0.0.1]/     | a loopback address        | ::ffff:127.0.0.1",
                "http://[::ffff:7f00:1]/        | a loopback address        | ::ffff:127.0.0.1",
                "http://[::127.0.0.1]/          | a loopback address        | ::7f00:1 embedding 127.0.0.1",
                "http://[2002:7f00:1::]/        | a loopback address        | 2002:7f00:1:: embedding 127.0.0.1",
                "http://[64:ff9b::a9fe:a9fe]/   | a cloud metadata address  | 64:ff9b::a9fe:a9fe embedding 169.254.169.254",
                "http://[::ffff:10.0.0.1]/      | a private address         | ::ffff:10.0.0.1",
                // ranges
                "http://0.0.0.0/                | an unspecified address    | 0.0.0.0",
                "http://0/                      | an unspecified address    | 0.0.0.0",
                "http://[::]/                   | an unspecified address    | ::",
                "http://10.1.2.3/               | a private address         | 10.1.2.3",
                "http://172.16.0.1/             | a private address         | 172.16.0.1",
                "http://172.31.255.255/         | a private address         | 172.31.255.255",
                "http://192.168.1.1/            | a private address         | 192.168.1.1",
                "http://[fc00::1]/              | a private address         | fc00::1",
                "http://[fd12:3456::1]/         | a private address         | fd12:3456::1",
                "http://100.64.0.1/             | a carrier-grade NAT address | 100.64.0.1",
                "http://100.127.255.255/        | a carrier-grade NAT address | 100.127.255.255",
                "http://169.254.1.1/            | a link-local address      | 169.254.1.1",
                "http://[fe80::1]/              | a link-local address      | fe80::1",
                "http://[fe80::1%25eth0]/       | a link-local address      | fe80::1",
                "http://169.254.169.254/latest/meta-data | a cloud metadata address | 169.254.169.254",
                "http://[fd00:ec2::254]/        | a cloud metadata address  | fd00:ec2::254",
                "http://metadata.google.internal/ | a cloud metadata address | metadata.google.internal",
                "http://224.0.0.1/              | a multicast address       | 224.0.0.1",
                "http://[ff02::1]/              | a multicast address       | ff02::1",
                "http://255.255.255.255/        | a broadcast address       | 255.255.255.255",
                "http://240.0.0.1/              | a reserved address        | 240.0.0.1",
                "http://192.0.2.1/              | a reserved address        | 192.0.2.1",
                "http://198.18.0.1/             | a reserved address        | 198.18.0.1",
                "http://[2001:db8::1]/          | a reserved address        | 2001:db8::1",
            })
    void refusesInternalAddressesInEveryNotation(String url, String category, String shown) {
        assertThat(strict.checkUrl(url)).contains("base_url points to " + category + " (" + shown + ")");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "ftp://example.com/               | base_url must use http or https; got 'ftp'",
                "file:///etc/passwd               | base_url must use http or https; got 'file'",
                "gopher://127.0.0.1:70/           | base_url must use http or https; got 'gopher'",
                "example.com                      | base_url must be an absolute http or https URL such as https://example.com",
                "/relative/path                   | base_url must be an absolute http or https URL such as https://example.com",
                "https:example.com                | base_url must be an absolute http or https URL such as https://example.com",
                "https://                         | base_url has no host",
                "https://:8080/                   | base_url has no host",
                "https://user:secret@example.com/ | base_url must not contain a user name or password",
                "http://example.com@127.0.0.1/    | base_url must not contain a user name or password",
                "https://example.com:99999/       | base_url has an invalid host or port 'example.com:99999'",
                "https://example.com:http/        | base_url has an invalid host or port 'example.com:http'",
                "http://[::1/                     | base_url has an invalid host or port '[::1'",
                "https://exa mple.com/            | base_url has an invalid host name 'exa mple.com'",
                "https://-example.com/            | base_url has an invalid host name '-example.com'",
                "http://[not-ipv6]/               | base_url has an invalid IPv6 address '[not-ipv6]'",
                "http://1.2.3.999/                | base_url has an invalid IP address '1.2.3.999'",
                "http://example.123/              | base_url has an invalid IP address 'example.123'",
                "http://08.0.0.1/                 | base_url has an invalid IP address '08.0.0.1'",
                "http://4294967296/               | base_url has an invalid IP address '4294967296'",
                "http://1.2.3.4.5/                | base_url has an invalid IP address '1.2.3.4.5'",
            })
    void refusesMalformedOrNonHttpUrls(String url, String reason) {
        assertThat(strict.checkUrl(url)).contains(reason);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void refusesAMissingUrl(String url) {
        assertThat(strict.checkUrl(url))
                .contains("base_url must be an absolute http or https URL such as https://example.com");
    }

    @Test
    void namesTheUrlAsTheCallerCallsIt() {
        assertThat(strict.checkUrl("http://10.0.0.1/", "redirect"))
                .contains("redirect points to a private address (10.0.0.1)");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "127.0.0.1, 127.0.0.1",
        "127.1, 127.0.0.1",
        "2130706433, 127.0.0.1",
        "0177.0.0.1, 127.0.0.1",
        "0x7f.0.0.1, 127.0.0.1",
        "0x7f000001, 127.0.0.1",
        "10.1.258, 10.1.1.2",
        "1.2.3.4., 1.2.3.4",
        "0, 0.0.0.0",
        "[::1], ::1",
        "::1, ::1",
        "[0:0:0:0:0:0:0:1], ::1",
        "::ffff:127.0.0.1, 127.0.0.1",
        "fe80::1%eth0, fe80::1",
        "2001:db8::192.0.2.1, 2001:db8::c000:201",
        "1:2:3:4:5:6:7:8, 1:2:3:4:5:6:7:8",
        "1::, 1::",
    })
    void parsesEveryLiteralNotationWithoutLookingAnythingUp(String host, String expected) throws UnknownHostException {
        assertThat(AddressGuard.parseLiteral(host)).contains(InetAddress.getByName(expected));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "example.com",
                "localhost",
                "metadata.internal.example",
                "256.1.1.1",
                "1.2.3.999",
                "1.2.3.4.5",
                "08.1.1.1",
                "4294967296",
                "1.2.3.-4",
                "+1.2.3.4",
                "::1::2",
                "12345::",
                "1:2:3:4:5:6:7:8:9",
                "1:2:3:4:5:6:7",
                "[::1",
                "::g",
                "::1.2.3",
                "1.2.3.4::"
            })
    void recognizesNamesAndMalformedAddressesAsNoLiteral(String host) {
        assertThat(AddressGuard.parseLiteral(host)).isEmpty();
    }

    @Test
    void checksResolvedAddressesAtFetchTime() throws UnknownHostException {
        assertThat(strict.checkAddress(address("10.0.0.5"))).contains("10.0.0.5 is a private address");
        assertThat(strict.checkAddress(address("::1"))).contains("::1 is a loopback address");
        assertThat(strict.checkAddress(address("fe80::abcd"))).contains("fe80::abcd is a link-local address");
        assertThat(strict.checkAddress(address("::ffff:169.254.169.254")))
                .contains("169.254.169.254 is a cloud metadata address");
        assertThat(strict.checkAddress(address("2001:0:4136:e378:8000:63bf:80ff:fffe")))
                .contains("2001:0:4136:e378:8000:63bf:80ff:fffe embedding 127.0.0.1 is a loopback address");
        assertThat(strict.checkAddress(address("8.8.8.8"))).isEmpty();
        assertThat(strict.checkAddress(address("2606:4700:4700::1111"))).isEmpty();
    }

    @Test
    void allowsListedBlocksInAnyNotation() throws UnknownHostException {
        AddressGuard guard = new AddressGuard(List.of("10.0.0.0/8", "fd00::/8", " 127.0.0.1 "));

        assertThat(guard.checkUrl("http://10.1.2.3/")).isEmpty();
        assertThat(guard.checkUrl("http://[::ffff:10.1.2.3]/")).isEmpty();
        assertThat(guard.checkUrl("http://[fd12::1]:8443/")).isEmpty();
        assertThat(guard.checkUrl("http://2130706433/")).isEmpty();
        assertThat(guard.checkUrl("http://127.0.0.2/")).contains("base_url points to a loopback address (127.0.0.2)");
        assertThat(guard.checkUrl("http://192.168.1.1/"))
                .contains("base_url points to a private address (192.168.1.1)");
        assertThat(guard.checkAddress(address("10.9.9.9"))).isEmpty();
        assertThat(guard.isAllowListed("[fd00::1]")).isTrue();
        assertThat(guard.isAllowListed("0x0a.1")).isTrue();
        assertThat(guard.isAllowListed("11.0.0.1")).isFalse();
    }

    @Test
    void allowsListedHostNamesAndTheAddressesTheyResolveTo() throws UnknownHostException {
        AddressGuard guard = new AddressGuard(List.of("internal.example", "localhost", "*.corp.example", "[::1]"));

        assertThat(guard.isAllowListed("internal.example")).isTrue();
        assertThat(guard.isAllowListed("INTERNAL.Example.")).isTrue();
        assertThat(guard.isAllowListed("api.corp.example")).isTrue();
        assertThat(guard.isAllowListed("a.b.corp.example")).isTrue();
        assertThat(guard.isAllowListed("corp.example")).isFalse();
        assertThat(guard.isAllowListed("evilcorp.example")).isFalse();
        assertThat(guard.isAllowListed("internal.example.evil.test")).isFalse();
        assertThat(guard.checkUrl("http://localhost:8080/")).isEmpty();
        assertThat(guard.checkUrl("http://[::1]:8080/")).isEmpty();
        assertThat(guard.checkAddress("internal.example", address("10.0.0.5"))).isEmpty();
        assertThat(guard.checkAddress("other.example", address("10.0.0.5"))).contains("10.0.0.5 is a private address");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"10.0.0.0/33", "fd00::/129", "not a host", "1.2.3.999", "*.", "http://example.com", "10.0.0.0/x"
            })
    void refusesAnAllowListEntryItCannotRead(String entry) {
        assertThatThrownBy(() -> new AddressGuard(List.of(entry)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("agentcron.ssrf.allow-hosts")
                .hasMessageContaining("'" + entry + "'");
    }

    @Test
    void buildsTheGuardFromTheOperatorsSettings() {
        SsrfSettings settings = () -> Optional.of(List.of("10.0.0.0/8"));
        SsrfSettings none = Optional::empty;

        assertThat(settings.guard().checkUrl("http://10.0.0.1/")).isEmpty();
        assertThat(none.guard().checkUrl("http://10.0.0.1/"))
                .contains("base_url points to a private address (10.0.0.1)");
    }

    /** Literal addresses only: no lookup happens. */
    private static InetAddress address(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }
}
