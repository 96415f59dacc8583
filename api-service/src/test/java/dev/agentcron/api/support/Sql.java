package dev.agentcron.api.support;

import dev.agentcron.testsupport.TestInfra;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Direct SQL on the test database, for fixtures of tables no endpoint writes yet (runs, artifacts, ...). */
public final class Sql {

    private Sql() {}

    public static void exec(String... statements) {
        try (Connection connection = TestInfra.get().connect();
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the first row, or null. */
    public static String query(String sql) {
        try (Connection connection = TestInfra.get().connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
