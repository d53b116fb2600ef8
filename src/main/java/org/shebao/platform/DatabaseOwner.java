package org.shebao.platform;

import javax.sql.DataSource;

/**
 * The database role that owns the schema (issue 10, least privilege): Flyway migrates as this role, and only
 * operations that must change the schema or bypass the append-only guards use it (restore, benchmarks' scratch
 * tables). The application's own connections ({@link DataSource}) use a role that may read and write rows but not
 * ALTER, DROP or TRUNCATE, nor UPDATE or DELETE the append-only tables ({@link DatabaseGrants}).
 *
 * @param dataSource connections as the owner
 * @param role the owner's role name
 * @param appRole the role the application connects as; equal to {@code role} when an external database is used
 *        with one role only (then least privilege is not in force, and the start says so)
 */
public record DatabaseOwner(DataSource dataSource, String role, String appRole) {
    /** Whether the application connects as a role of its own, separate from the owner. */
    public boolean separated() {
        return !role.equals(appRole);
    }
}
