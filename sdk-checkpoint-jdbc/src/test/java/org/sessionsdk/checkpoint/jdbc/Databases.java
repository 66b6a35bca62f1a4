package org.sessionsdk.checkpoint.jdbc;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source for a JDBC URL, through {@link DriverManager}: what a child JVM builds from its
 * argument. Not the drivers' own data sources: they implement {@code javax.naming.Referenceable}, a
 * module the tests, compiled into this module, do not read.
 */
final class Databases {
    private Databases() {
    }

    static DataSource fromUrl(String url) {
        return new DataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                return DriverManager.getConnection(url);
            }

            @Override
            public Connection getConnection(String user, String password) throws SQLException {
                return DriverManager.getConnection(url, user, password);
            }

            @Override
            public PrintWriter getLogWriter() {
                return null;
            }

            @Override
            public void setLogWriter(PrintWriter out) {
                // no logging
            }

            @Override
            public void setLoginTimeout(int seconds) {
                // the driver's default
            }

            @Override
            public int getLoginTimeout() {
                return 0;
            }

            @Override
            public Logger getParentLogger() throws SQLFeatureNotSupportedException {
                throw new SQLFeatureNotSupportedException();
            }

            @Override
            public <T> T unwrap(Class<T> type) throws SQLException {
                throw new SQLException("not a wrapper");
            }

            @Override
            public boolean isWrapperFor(Class<?> type) {
                return false;
            }
        };
    }
}
