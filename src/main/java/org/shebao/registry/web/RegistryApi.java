package org.shebao.registry.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.identity.Role;
import org.shebao.identity.ShebaoUser;
import org.shebao.identity.UserNames;
import org.shebao.registry.Change;
import org.shebao.registry.Employer;
import org.shebao.registry.EmployerData;
import org.shebao.registry.EmployerSize;
import org.shebao.registry.Enrollment;
import org.shebao.registry.EnrollmentData;
import org.shebao.registry.Page;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.shebao.registry.Person;
import org.shebao.registry.PersonData;
import org.shebao.registry.Persons;
import org.shebao.registry.Employers;
import org.shebao.registry.Enrollments;
import org.shebao.registry.HireData;
import org.shebao.registry.SeparationData;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The registry over JSON, for the mobile app and other systems. HTTP Basic; errors are RFC 9457 problem details
 * with a field-level {@code errors} list (400 bad input, 409 duplicate or stale version, 403 outside the user's
 * region, 404 unknown).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "registry", description = "参保人员、参保单位、参保登记")
@RequiredArgsConstructor
class RegistryApi {
    private final Persons persons;
    private final Employers employers;
    private final Enrollments enrollments;
    private final UserNames userNames;
    private final MessageSource messages;

    /** A person as the API shows it: the ID number masked. */
    record PersonDto(long id, String idNumberMasked, String name, String gender, LocalDate birthDate, String phone,
                     String hukouRegion, String regionCode, int version) {
        static PersonDto of(Person p) {
            return new PersonDto(p.id(), p.maskedIdNumber(), p.name(), p.gender().name(), p.birthDate(),
                    p.maskedPhone(), p.hukouRegion(), p.regionCode(), p.version());
        }
    }

    record PersonUpdate(int version, String name, String phone, String hukouRegion, String regionCode) {
    }

    record EmployerUpdate(int version, String name, String regionCode, String address, String contactName,
                          String contactPhone, String agencyContact, String agencyContactPhone) {
    }

    /**
     * An employer as the API shows it: its record, and its class (企业规模, issue 11) by code and name (in the
     * request's language) with
     * the evidence, who set it (the name people read, not the login) and when; the four are null until classified;
     * and its work-injury industry risk class (1–8, 1 until the agency sets it).
     */
    record EmployerDto(long id, String creditCode, String name, String regionCode, String address,
                       String contactName, String contactPhone, String agencyContactName, String agencyContactPhone,
                       String agencyContact, int version, OffsetDateTime createdAt, String createdBy, OffsetDateTime updatedAt,
                       String updatedBy, EmployerSize sizeClass, String sizeClassName, String sizeEvidence,
                       String sizeSetBy, OffsetDateTime sizeSetAt, int workInjuryRiskClass) {
        static EmployerDto of(Employer e, UserNames names, MessageSource messages) {
            return new EmployerDto(e.id(), e.creditCode(), e.name(), e.regionCode(), e.address(), e.contactName(),
                    e.contactPhone(), e.agencyContactName(), e.agencyContactPhone(), e.agencyContactUser(),
                    e.version(), e.createdAt(),
                    e.createdBy(), e.updatedAt(), e.updatedBy(), e.sizeClass(),
                    e.sizeClass() == null ? null : messages.getMessage("employerSize." + e.sizeClass().name(), null,
                            LocaleContextHolder.getLocale()), e.sizeEvidence(),
                    e.sizeSetBy() == null ? null : names.of(e.sizeSetBy()), e.sizeSetAt(), e.workInjuryRiskClass());
        }
    }

    /** An employer's class with its evidence, and the version read. */
    record SizeClassification(int version, String sizeClass, String sizeEvidence) {
    }

    record PageDto<T>(List<T> items, int page, int size, boolean hasNext) {
    }

    @GetMapping("/persons")
    @Operation(summary = "Search persons in the caller's region (ID-number prefix, phone or name prefix)")
    PageDto<PersonDto> searchPersons(@AuthenticationPrincipal ShebaoUser user,
                                     @RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page) {
        Page<Person> p = persons.searchPersons(user, q, page);
        return new PageDto<>(p.items().stream().map(PersonDto::of).toList(), p.page(), p.size(), p.hasNext());
    }

    @PostMapping("/persons")
    @Operation(summary = "Register a person (参保人员登记)")
    ResponseEntity<PersonDto> registerPerson(@AuthenticationPrincipal ShebaoUser user, @RequestBody PersonData body) {
        Person p = persons.registerPerson(user, body);
        return ResponseEntity.created(URI.create("/api/v1/persons/" + p.id())).body(PersonDto.of(p));
    }

    @GetMapping("/persons/{id}")
    PersonDto person(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id) {
        return PersonDto.of(persons.person(user, id));
    }

    @PutMapping("/persons/{id}")
    @Operation(summary = "Edit a person; the version read must be sent back (optimistic locking)")
    PersonDto updatePerson(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id,
                           @RequestBody PersonUpdate body) {
        return PersonDto.of(persons.updatePerson(user, id, body.version(),
                new PersonData(null, body.name(), body.phone(), body.hukouRegion(), body.regionCode())));
    }

    @GetMapping("/persons/{id}/enrollments")
    List<Enrollment> enrollments(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id) {
        return enrollments.enrollmentsOf(user, id);
    }

    @PostMapping("/persons/{id}/enrollments")
    @Operation(summary = "Enroll a person (参保登记)")
    ResponseEntity<Enrollment> enroll(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id,
                                      @RequestBody EnrollmentData body) {
        Enrollment e = enrollments.enroll(user, id, body);
        return ResponseEntity.created(URI.create("/api/v1/persons/" + id + "/enrollments")).body(e);
    }

    @GetMapping("/persons/{id}/history")
    List<Change> personHistory(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id) {
        return persons.history(user, id);
    }

    @GetMapping("/employers")
    PageDto<EmployerDto> searchEmployers(@AuthenticationPrincipal ShebaoUser user,
                                      @RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page) {
        Page<Employer> p = employers.searchEmployers(user, q, page);
        return new PageDto<>(p.items().stream().map(this::dto).toList(), p.page(), p.size(), p.hasNext());
    }

    @PostMapping("/employers")
    @Operation(summary = "Register an employer (参保单位登记)")
    ResponseEntity<EmployerDto> registerEmployer(@AuthenticationPrincipal ShebaoUser user,
                                                 @RequestBody EmployerData body) {
        Employer e = employers.registerEmployer(user, body);
        return ResponseEntity.created(URI.create("/api/v1/employers/" + e.id())).body(dto(e));
    }

    @GetMapping("/employers/{id}")
    EmployerDto employer(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id) {
        return dto(employers.employer(user, id));
    }

    @PutMapping("/employers/{id}")
    EmployerDto updateEmployer(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id,
                               @RequestBody EmployerUpdate body) {
        return dto(employers.updateEmployer(user, id, body.version(), new EmployerData(null, body.name(),
                body.regionCode(), body.address(), body.contactName(), body.contactPhone(),
                body.agencyContact(), body.agencyContactPhone())));
    }

    @PutMapping("/employers/{id}/size-class")
    @Operation(summary = "Set an employer's size class (企业规模划型) with its evidence; the version read must be sent back")
    EmployerDto classifySize(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id,
                             @RequestBody SizeClassification body) {
        return dto(employers.classifySize(user, id, body.version(), body.sizeClass(), body.sizeEvidence()));
    }

    @GetMapping("/employers/{id}/history")
    List<Change> employerHistory(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id) {
        return employers.history(user, id);
    }

    @GetMapping("/employers/{id}/employees")
    PageDto<Enrollment> employees(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id,
                                  @RequestParam(defaultValue = "0") int page) {
        Page<Enrollment> p = enrollments.employeesOf(user, id, page);
        return new PageDto<>(p.items(), p.page(), p.size(), p.hasNext());
    }

    /** What 增员 answers: the person's id, whether they were registered now, the enrollments and the days late. */
    record HiredDto(long personId, boolean personRegistered, List<Enrollment> enrollments, long daysLate) {
    }

    @PostMapping("/employers/{id}/employees")
    @Operation(summary = "Add an employee (增员): enrollment in the three insurances, the person registered if new")
    ResponseEntity<HiredDto> hire(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id,
                                  @RequestBody HireData body) {
        Enrollments.Hired h = enrollments.hire(user, id, body);
        return ResponseEntity.status(201).body(new HiredDto(h.person().id(), h.personRegistered(), h.enrollments(),
                h.daysLate()));
    }

    @PostMapping("/employers/{id}/employees/{personId}/separation")
    @Operation(summary = "Remove an employee (减员): the person's open enrollments with the employer end")
    List<Enrollment> separate(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id,
                              @PathVariable long personId, @RequestBody SeparationData body) {
        return enrollments.separate(user, id, personId, body);
    }

    @GetMapping("/me")
    @Operation(summary = "The caller's own record (insured person or employer)")
    Object me(@AuthenticationPrincipal ShebaoUser user) {
        if (user.role() == Role.INSURED_PERSON) {
            return PersonDto.of(persons.person(user, user.personId()));
        }
        if (user.role() == Role.EMPLOYER) {
            return dto(employers.employer(user, user.employerId()));
        }
        throw new AccessDeniedToRecordException("me");
    }

    private EmployerDto dto(Employer e) {
        return EmployerDto.of(e, userNames, messages);
    }
}
