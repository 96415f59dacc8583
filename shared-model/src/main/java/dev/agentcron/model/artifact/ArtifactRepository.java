package dev.agentcron.model.artifact;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ArtifactRepository implements PanacheRepositoryBase<ArtifactEntity, String> {}
