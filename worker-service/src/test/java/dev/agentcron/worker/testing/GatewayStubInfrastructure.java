package dev.agentcron.worker.testing;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Every {@code @QuarkusTest} of this module gets the WireMock gateway of {@link GatewayStubResource}. */
@WithTestResource(value = GatewayStubResource.class, scope = TestResourceScope.GLOBAL)
public final class GatewayStubInfrastructure {
    private GatewayStubInfrastructure() {}
}
