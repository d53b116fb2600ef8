package org.shebao.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A node refused because it is older than the database's schema: what happened and what to do, without a trace. */
class SchemaVersionFailureAnalyzer extends AbstractFailureAnalyzer<SchemaNewerThanProgramException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SchemaNewerThanProgramException cause) {
        return new FailureAnalysis("The database was migrated by a newer release of the platform: its schema is at "
                + "migration " + cause.databaseVersion() + ", this program knows migrations up to "
                + cause.programVersion() + ". Nothing was changed in the database.",
                "Start this node with the release that migrated the database, or a newer one: an older node must not "
                        + "work on a newer schema.", cause);
    }
}
