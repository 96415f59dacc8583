package dev.agentcron.api.common.error;

import io.vertx.pgclient.PgException;

/** Recognizes PostgreSQL unique-constraint failures (SQLSTATE 23505) by index name. */
public final class UniqueViolation {

    private UniqueViolation() {}

    /** True when {@code failure} (or a cause) broke the unique index {@code indexName}. */
    public static boolean of(Throwable failure, String indexName) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PgException pg && "23505".equals(pg.getSqlState())) {
                return indexName.equals(pg.getConstraint())
                        || (pg.getMessage() != null && pg.getMessage().contains(indexName));
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
