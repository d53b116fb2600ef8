package org.shebao.workinjury;

import java.time.LocalDate;
import java.util.List;
import org.shebao.TestUsers;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Persons without a work injury yet, and a recognized injury made through the services as the users do it. */
public final class WorkInjuryFixtures {
    private WorkInjuryFixtures() {
    }

    /** A demo person of the region with no recognition and no portal account (the latest such). */
    public static long freshPerson(JdbcClient jdbc, String region) {
        return jdbc.sql("""
                SELECT p.id FROM registry_person p
                 WHERE p.region_code = :r
                   AND NOT EXISTS (SELECT 1 FROM workinjury_recognition w WHERE w.person_id = p.id)
                   AND NOT EXISTS (SELECT 1 FROM identity_user u WHERE u.person_id = p.id)
                   AND NOT EXISTS (SELECT 1 FROM registry_record_holding h WHERE h.person_id = p.id)
                   AND p.phone IS NOT NULL
                 ORDER BY p.id DESC LIMIT 1""").param("r", region).query(Long.class).single();
    }

    /** fz.clerk registers a worker's application (online, 10 days ago), fj.injury accepts and recognizes it today. */
    public static Recognition recognized(Recognitions recognitions, TestUsers users, long person, LocalDate today) {
        Recognition r = recognitions.apply(users.get("fz.clerk"), person, new Recognitions.Application("WORKER",
                today.minusDays(20).toString(), "搬运货物时摔伤右腿", false, false, false,
                List.of(new Recognitions.ClaimInput("ONLINE", today.minusDays(10).toString(), "政务网申请回执 WS-0001", null))));
        recognitions.accept(users.get("fj.injury"), r.id(), null,
                new Recognitions.Acceptance(today.minusDays(5).toString(), true), "SCREEN");
        return recognitions.decide(users.get("fj.injury"), r.id(), null,
                new Recognitions.Decision("RECOGNIZED", today.toString(), "榕工伤认字〔2026〕001号", null), "SCREEN");
    }

    /** The person's yearly contribution records of the years given, replaced by 12 months at the wage each. */
    public static void yearlyWages(JdbcClient jdbc, org.shebao.contribution.Contributions contributions, long person,
                                   String region, int fromYear, int toYear, org.shebao.common.Money wage) {
        jdbc.sql("DELETE FROM contribution_year WHERE person_id = :p AND year BETWEEN :a AND :b")
                .param("p", person).param("a", fromYear).param("b", toYear).update();
        contributions.copyYears(out -> {
            for (int y = fromYear; y <= toYear; y++) {
                out.accept(new org.shebao.contribution.Contributions.YearRow(person, y, region, null, 12, wage,
                        wage.times(new java.math.BigDecimal("0.96"), java.math.RoundingMode.HALF_UP)));
            }
        });
    }

    /** A minimal PDF the archive accepts. */
    public static byte[] pdf(String text) {
        return ("%PDF-1.4\n% " + text + "\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
