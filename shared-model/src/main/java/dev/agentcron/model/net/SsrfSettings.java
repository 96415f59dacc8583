package dev.agentcron.model.net;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

/** Operator exemptions from the SSRF guard, read by both services to build their {@link AddressGuard}. */
@ConfigMapping(prefix = "agentcron.ssrf")
public interface SsrfSettings {

    /**
     * Host names ({@code internal.example}, or {@code *.corp.example} for its subdomains), IP addresses or CIDRs
     * ({@code 10.1.0.0/16}) exempt from the guard; default none.
     */
    Optional<List<String>> allowHosts();

    /** The guard these settings describe. */
    default AddressGuard guard() {
        return new AddressGuard(allowHosts().orElse(List.of()));
    }
}
