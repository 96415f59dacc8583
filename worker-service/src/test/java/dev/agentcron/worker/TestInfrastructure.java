package dev.agentcron.worker;

import dev.agentcron.testsupport.AgentcronTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Every {@code @QuarkusTest} of this module runs against this JVM's own database and key prefix. */
@WithTestResource(value = AgentcronTestResource.class, scope = TestResourceScope.GLOBAL)
public final class TestInfrastructure {
    private TestInfrastructure() {}
}
