package dev.agentcron.api.auth;

import io.quarkus.security.identity.SecurityIdentity;
import java.security.Principal;
import java.util.List;

/**
 * Who is calling: the API key that authenticated the request, and so its workspace. Resources get it with
 * {@code Caller.of(identity)} and hand it to services, which filter every query by {@link #workspaceId()}.
 */
public record Caller(String keyId, String keyName, String workspaceId, List<String> scopes) implements Principal {

    public static Caller of(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof Caller caller) {
            return caller;
        }
        throw new io.quarkus.security.UnauthorizedException();
    }

    @Override
    public String getName() {
        return keyId;
    }

    public boolean has(String scope) {
        return scopes.contains(scope);
    }
}
