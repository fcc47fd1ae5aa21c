package io.camelgenesys.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CRM database of {@link CrmDatabaseSyncRoute}: a pooled {@link DataSource} (HikariCP) bound as {@code crm}, the
 * one DataSource of the registry, which camel-sql uses, for the JDBC URL of {@code example.crm-db.url}: an embedded H2
 * by default, PostgreSQL with a {@code jdbc:postgresql://...} URL (and {@code example.crm-db.username},
 * {@code example.crm-db.password}). At start-up it creates the tables when they are missing
 * ({@code crm-db/schema.sql}) and, when {@code crm_contact} is empty, fills it with {@code example.crm-db.seed-rows}
 * demo rows, one in a hundred with an email Genesys would refuse.
 */
final class CrmDatabase extends MainListenerSupport {

    static final String PROPERTY = "example.crm-db";

    private static final Logger LOG = LoggerFactory.getLogger(CrmDatabase.class);

    @Override
    public void beforeConfigure(BaseMainSupport main) {
        PropertiesComponent pc = main.getCamelContext().getPropertiesComponent();
        if (!Boolean.parseBoolean(pc.resolveProperty(PROPERTY).orElse("true").trim())) {
            return;
        }
        String url = pc.resolveProperty(PROPERTY + ".url").orElse("jdbc:h2:mem:crm;DB_CLOSE_DELAY=-1");
        HikariConfig config = new HikariConfig();
        config.setPoolName("crm");
        config.setJdbcUrl(url);
        config.setUsername(pc.resolveProperty(PROPERTY + ".username").orElse(""));
        config.setPassword(pc.resolveProperty(PROPERTY + ".password").orElse(""));
        config.setMaximumPoolSize(4);
        HikariDataSource crm = new HikariDataSource(config);
        int seedRows = Integer.parseInt(pc.resolveProperty(PROPERTY + ".seed-rows").orElse("0").trim());
        try {
            createTables(crm);
            int seeded = seed(crm, seedRows);
            // the URL is logged without its user and password, which are separate properties
            LOG.info("CRM database {}: crm_contact ready{}", url.replaceAll("(?i)password=[^;&]*", "password=xxxxxx"),
                    seeded > 0 ? ", " + seeded + " demo rows added" : "");
        } catch (SQLException e) {
            crm.close();
            throw new RuntimeCamelException("The CRM database " + url + " cannot be prepared: " + e.getMessage(), e);
        }
        main.getCamelContext().getRegistry().bind("crm", DataSource.class, crm);
        try {
            // the pool closes when the CamelContext stops, after the routes
            main.getCamelContext().addService(new ServiceSupport() {
                @Override
                protected void doStop() {
                    crm.close();
                }
            }, true);
        } catch (Exception e) {
            crm.close();
            throw RuntimeCamelException.wrapRuntimeException(e);
        }
    }

    static void createTables(DataSource crm) throws SQLException {
        String schema;
        try (InputStream in = CrmDatabase.class.getResourceAsStream("/crm-db/schema.sql")) {
            schema = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Connection c = crm.getConnection(); Statement st = c.createStatement()) {
            for (String statement : schema.replaceAll("(?m)^--.*$", "").split(";")) {
                if (!statement.isBlank()) {
                    st.execute(statement);
                }
            }
        }
    }

    /**
     * Adds {@code rows} demo rows when the table is empty: {@code crm-00001}, ... with a phone in E.164; every
     * hundredth row has an email without a domain, which the component refuses before sending.
     *
     * @return the rows added
     */
    static int seed(DataSource crm, int rows) throws SQLException {
        if (rows <= 0) {
            return 0;
        }
        try (Connection c = crm.getConnection()) {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select count(*) from crm_contact")) {
                rs.next();
                if (rs.getInt(1) > 0) {
                    return 0;
                }
            }
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("insert into crm_contact (crm_id, first_name, last_name,"
                                                               + " work_email, work_phone, title) values (?, ?, ?, ?, ?, ?)")) {
                for (int i = 1; i <= rows; i++) {
                    insert.setString(1, String.format("crm-%05d", i));
                    insert.setString(2, "First" + i);
                    insert.setString(3, "Last" + i);
                    insert.setString(4, i % 100 == 0 ? "person" + i + "@" : "person" + i + "@example.com");
                    insert.setString(5, String.format("+1 555 %03d %04d", i / 10000, i % 10000));
                    insert.setString(6, i % 2 == 0 ? "Buyer" : "Engineer");
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            c.commit();
        }
        return rows;
    }
}
