package org.shebao.casework;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.shebao.TestUsers;
import org.shebao.identity.ShebaoUser;
import org.shebao.registry.Persons;

/** Test data for the case tests: applications as an applicant sends them through the real intake. */
public final class CaseFixtures {
    private CaseFixtures() {
    }

    /** citizen.fz's work-injury benefit application online, with the injury recognition and without the medical records. */
    public static Case workInjuryWithoutRecords(CaseIntake intake, TestUsers users) {
        return intake.submit(users.get("citizen.fz"), new Submission(CaseType.WORK_INJURY_BENEFIT, Channel.WEB, null,
                injury(), List.of(recognition()), Set.of(), null, null)).c();
    }

    /**
     * citizen.fz's work-injury benefit application online under the commitment rule (FJ-3 in Fujian): the injury
     * recognition uploaded, the medical records promised in a commitment signed with the applicant's name, so the
     * case holds one open commitment whose deadline counts from Fujian's lifted date.
     */
    public static Case workInjuryWithCommitment(CaseIntake intake, Persons persons, TestUsers users) {
        ShebaoUser citizen = users.get("citizen.fz");
        String name = persons.person(citizen, citizen.personId()).name();
        return intake.submit(citizen, new Submission(CaseType.WORK_INJURY_BENEFIT, Channel.WEB, null, injury(),
                List.of(recognition()), Set.of("MEDICAL_RECORDS"), name, null)).c();
    }

    private static Map<String, String> injury() {
        return Map.of("injuryDate", "2020-02-03", "description", "防疫值守时受伤", "medicalWorker", "false",
                "infectedAtWork", "false", "sentToEpidemicArea", "false", "bankAccount", "6222021001001234567");
    }

    private static Upload recognition() {
        return new Upload("INJURY_RECOGNITION", "decision.pdf", "application/pdf", ArchiveTest.PDF);
    }
}
