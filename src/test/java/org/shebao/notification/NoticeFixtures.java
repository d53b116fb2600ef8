package org.shebao.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import lombok.RequiredArgsConstructor;
import org.shebao.ApiClient;
import org.shebao.TestUsers;
import org.shebao.casework.Case;
import org.shebao.casework.CaseWorkflow;
import org.shebao.common.ConflictException;
import org.shebao.common.IdNumber;
import org.shebao.common.RegionCode;
import org.shebao.contribution.BillFixtures;
import org.shebao.identity.Role;
import org.shebao.identity.Users;
import org.shebao.registry.EmployerSize;
import org.shebao.registry.Employers;
import org.shebao.registry.Person;
import org.shebao.registry.PersonData;
import org.shebao.registry.Persons;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Audiences of the notice tests, made through the platform's own services: a new Fuzhou person with a portal account
 * and a mobile number who applies online for enrollment and signs a commitment letter for the household register
 * (SX-3 / FJ-3: a pending commitment), and a new Fuzhou unit granted a contribution deferral.
 */
@Component
@RequiredArgsConstructor
public class NoticeFixtures {
    private static final AtomicInteger SEQ = new AtomicInteger(400);
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'};

    private final Persons persons;
    private final Employers employers;
    private final Users users;
    private final TestUsers staff;
    private final PasswordEncoder encoder;
    private final org.springframework.beans.factory.ObjectProvider<ApiClient> apiClient;
    private final CaseWorkflow workflow;

    /** A portal user: login name, person and name. */
    public record Citizen(String username, long personId, String name) {
    }

    /** A new Fuzhou person with a portal account (password of the demo) and a pending commitment. */
    public Citizen citizenWithPendingCommitment(String name) {
        Person p = null;
        int n = 0;
        while (p == null) {
            n = SEQ.incrementAndGet();
            String first17 = "350103" + java.time.LocalDate.of(1990, 1, 1).plusDays(n % 3000).toString().replace("-", "")
                    + String.format("%03d", n % 1000);
            try {
                p = persons.registerPerson(staff.get("fz.clerk"), new PersonData(first17 + IdNumber.checkChar(first17),
                        name, "1390591" + String.format("%04d", n), "350103", "350100"));
            } catch (ConflictException e) {
                // a demo person has this number already: take the next one
            }
        }
        String username = "notice.citizen" + n;
        users.create(new Users.NewUser(username, encoder.encode(ApiClient.PASSWORD), name, Role.INSURED_PERSON,
                new RegionCode("350100"), p.id(), null));
        String thisMonth = YearMonth.now(ZoneId.of("Asia/Shanghai")).atDay(1).toString();
        ApiClient api = apiClient.getObject();
        ApiClient.Response r = api.multipart(username, "/api/v1/cases", Map.of("type", "ENROLLMENT", "form",
                        Map.of("category", "RESIDENT", "insuranceType", "RESIDENT_PENSION", "firstInsuredOn", thisMonth),
                        "commitments", List.of("HOUSEHOLD_REGISTER"), "signature", name),
                List.of(new ApiClient.FilePart("ID_CARD", "id.jpg", "image/jpeg", JPEG)), Map.of());
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        return new Citizen(username, p.id(), name);
    }

    /** A new Fuzhou unit whose deferral of March–August 2021 a clerk registered by phone and a reviewer approved. */
    public long employerWithDeferral() {
        var e = BillFixtures.employer(employers, staff.get("fz.clerk"), EmployerSize.SMALL);
        ApiClient.Response r = apiClient.getObject().post("fz.clerk", "/api/v1/cases", Map.of("type", "EMPLOYER_DEFERRAL", "form",
                Map.of("employerId", String.valueOf(e.id()), "fromMonth", "2021-03", "months", "6",
                        "reason", "单位电话申请，受疫情影响停产")));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        long id = r.body().path("id").asLong();
        Case c = workflow.accept(staff.get("fz.clerk"), id, 0);
        c = workflow.preReview(staff.get("fz.clerk2"), id, c.version(), "属实");
        workflow.approve(staff.get("fz.reviewer"), id, c.version());
        return e.id();
    }
}
