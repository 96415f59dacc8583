package dev.agentcron.model.run;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class RunRepository implements PanacheRepositoryBase<RunEntity, String> {}
