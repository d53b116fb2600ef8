package org.shebao.workinjury;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.shebao.ApiClient;
import org.shebao.TestUsers;
import org.shebao.common.RegionCode;
import org.shebao.identity.Role;
import org.shebao.identity.Users;
import org.shebao.registry.Person;
import org.shebao.registry.Persons;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * SX-1b fixtures: Taiyuan patients with a work injury recognized through the services as the users do it, and an
 * agreement hospital of one's own (its account and its institution, registered by the Taiyuan reviewer), so that a
 * test's months are its own.
 */
public final class MedicalFixtures {
    private static final AtomicInteger SEQ = new AtomicInteger();

    private MedicalFixtures() {
    }

    /** A patient: the full ID number and name as a hospital writes them, and the person's id. */
    public record Patient(long id, String idNumber, String name) {
    }

    /** A Taiyuan person whose injury {@code injuredDaysAgo} days ago ty.clerk registered and sx.injury recognized. */
    public static Patient injured(JdbcClient jdbc, Recognitions recognitions, Persons persons, TestUsers users,
                                  LocalDate today, int injuredDaysAgo) {
        long id = WorkInjuryFixtures.freshPerson(jdbc, "140100");
        Recognition r = recognitions.apply(users.get("ty.clerk"), id, new Recognitions.Application("WORKER",
                today.minusDays(injuredDaysAgo).toString(), "搬运设备时砸伤左脚", false, false, false,
                List.of(new Recognitions.ClaimInput("ONLINE", today.minusDays(injuredDaysAgo - 5).toString(),
                        "政务网申请回执 TY-0001", null))));
        recognitions.accept(users.get("sx.injury"), r.id(), null,
                new Recognitions.Acceptance(today.minusDays(injuredDaysAgo - 6).toString(), true), "SCREEN");
        recognitions.decide(users.get("sx.injury"), r.id(), null, new Recognitions.Decision("RECOGNIZED",
                today.minusDays(injuredDaysAgo - 7).toString(), "并工伤认字〔2026〕" + r.id() + "号", null), "SCREEN");
        Person p = persons.person(users.get("ty.clerk"), id);
        return new Patient(id, p.idNumber().value(), p.name());
    }

    /** A Taiyuan agreement hospital of the test's own with its account (password as the demo's). */
    public static Institution hospital(Users accounts, PasswordEncoder encoder, Institutions institutions,
                                       TestUsers users, String login, LocalDate from, LocalDate to) {
        accounts.create(new Users.NewUser(login, encoder.encode(ApiClient.PASSWORD), "测试医院医保办 " + login,
                Role.HOSPITAL, new RegionCode("140100"), null, null));
        return institutions.register(users.get("ty.reviewer"), new Institutions.NewInstitution(null,
                "太原测试医院" + SEQ.incrementAndGet() + "号", "TEST-" + login, from.toString(),
                to.toString(), login));
    }
}
