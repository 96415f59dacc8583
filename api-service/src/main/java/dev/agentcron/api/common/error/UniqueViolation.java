package dev.agentcron.api.common.error;

import io.vertx.pgclient.PgException;
import org.hibernate.exception.ConstraintViolationException;

/** Recognizes PostgreSQL unique-constraint failures (SQLSTATE 23505) by index name. */
public final class UniqueViolation {

    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueViolation() {}

    /** True when {@code failure} (or a cause) broke the unique index {@code indexName}. */
    public static boolean of(Throwable failure, String indexName) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 16; t = t.getCause(), depth++) {
            if (t instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())) {
                return indexName.equals(pg.getConstraint()) || mentions(pg, indexName);
            }
            if (t instanceof ConstraintViolationException violation
                    && (UNIQUE_VIOLATION.equals(violation.getSQLState())
                            || violation.getKind() == ConstraintViolationException.ConstraintKind.UNIQUE)) {
                return indexName.equals(violation.getConstraintName()) || mentions(violation, indexName);
            }
        }
        return false;
    }

    private static boolean mentions(Throwable failure, String indexName) {
        return failure.getMessage() != null && failure.getMessage().contains("\"" + indexName + "\"");
    }
}
