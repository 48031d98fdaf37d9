package dev.funnel.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(QuietBrokerLogs.class)
class TestDatabaseServerTest {

    @Test
    void eachFreshDatabaseStartsEmptyOnPostgres17() throws Exception {
        TestDatabaseServer server = TestInfrastructure.database();
        String first = server.createFreshDatabase("funnel_test");
        String second = server.createFreshDatabase("funnel_test");
        assertThat(first).isNotEqualTo(second);

        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(first), server.username(),
                server.password()); Statement statement = connection.createStatement()) {
            statement.execute("create table seen (id int)");
            statement.execute("insert into seen values (1)");
            try (ResultSet version = statement.executeQuery("show server_version_num")) {
                version.next();
                assertThat(version.getInt(1)).isBetween(170000, 179999);
            }
        }
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(second), server.username(),
                server.password()); Statement statement = connection.createStatement();
                ResultSet tables = statement.executeQuery(
                        "select count(*) from information_schema.tables where table_name = 'seen'")) {
            tables.next();
            assertThat(tables.getInt(1)).isZero();
        }
    }
}
