package dev.agentcron.model.memory;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class MemoryRepository implements PanacheRepositoryBase<MemoryEntity, String> {}
