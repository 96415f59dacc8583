package dev.agentcron.worker.tool.web;

import java.net.InetAddress;
import java.net.URI;
import java.util.Optional;

/** What a fetch may reach, asked again for every redirect: each answer is empty (go on) or the reason to refuse. */
public interface HopPolicy {

    /**
     * Checks a URL before anything is resolved.
     *
     * @param url the URL of the hop
     * @param firstHop true for the URL asked for, false for a redirect target
     */
    Optional<String> checkUrl(URI url, boolean firstHop);

    /** Checks one address the hop's host resolved to; the fetch connects to exactly this address. */
    Optional<String> checkAddress(String host, InetAddress address);
}
