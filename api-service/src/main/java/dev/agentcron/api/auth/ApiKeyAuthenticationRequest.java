package dev.agentcron.api.auth;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** An API key secret sent with a request. */
public final class ApiKeyAuthenticationRequest extends BaseAuthenticationRequest {

    private final String secret;

    public ApiKeyAuthenticationRequest(String secret) {
        this.secret = secret;
    }

    public String secret() {
        return secret;
    }
}
