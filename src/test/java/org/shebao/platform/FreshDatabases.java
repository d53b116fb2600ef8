package org.shebao.platform;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.Driver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** New, empty databases on the platform's server, for tests that migrate or restore into one. */
public final class FreshDatabases {
    private FreshDatabases() {
    }

    /**
     * A new, empty database named {@code name} (dropped first if it exists), created by the schema's owner and
     * connected to as the owner (a restore and a migration need it).
     */
    public static DataSource create(DatabaseOwner owner, String name) throws SQLException {
        String url;
        String user;
        try (Connection c = owner.dataSource().getConnection()) {
            url = c.getMetaData().getURL();
            user = c.getMetaData().getUserName();
        }
        JdbcClient asOwner = JdbcClient.create(owner.dataSource());
        asOwner.sql("DROP DATABASE IF EXISTS " + name).update();
        asOwner.sql("CREATE DATABASE " + name).update();
        String target = url.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
        String password = System.getenv().getOrDefault("SHEBAO_DB_OWNER_PASSWORD", "");
        return new SimpleDriverDataSource(new Driver(), target, user, password);
    }
}
