package org.shebao.platform;

/** The database was migrated by a newer release than this program: the node does not start. */
class SchemaNewerThanProgramException extends IllegalStateException {
    private final String databaseVersion;
    private final String programVersion;

    SchemaNewerThanProgramException(String databaseVersion, String programVersion) {
        super("The database's schema is at migration " + databaseVersion + ", newer than this program's latest ("
                + programVersion + ")");
        this.databaseVersion = databaseVersion;
        this.programVersion = programVersion;
    }

    String databaseVersion() {
        return databaseVersion;
    }

    String programVersion() {
        return programVersion;
    }
}
