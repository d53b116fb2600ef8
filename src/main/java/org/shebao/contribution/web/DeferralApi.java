package org.shebao.contribution.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.contribution.Contributions;
import org.shebao.contribution.Deferral;
import org.shebao.identity.ShebaoUser;
import org.shebao.registry.Persons;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Deferred contributions (N-5b / FJ-5b) over the API: a clerk registers one for a person of the region, the person
 * applies for their own ({@code /me}). 201 with the deferral and its deadline (pending until the lifted date is
 * entered); 400 with the reason when the person or the year does not qualify; 409 when it is deferred already.
 */
@RestController
@RequestMapping("/api/v1")
@RequiredArgsConstructor
class DeferralApi {
    private final Contributions contributions;
    private final Persons persons;

    /** The request: the contribution year to defer (required; whether it may be deferred is the service's). */
    record DeferralRequest(@NotNull Integer year) {
    }

    @GetMapping("/persons/{id}/deferrals")
    @Operation(summary = "某人员的延期缴费（N-5b）及其补缴期限")
    List<Deferral> list(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id) {
        persons.person(user, id);
        return contributions.deferrals(id);
    }

    @PostMapping("/persons/{id}/deferrals")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "经办人员为本地区人员登记缴费延期补办（N-5b、FJ-5b）")
    Deferral register(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id,
                      @Valid @RequestBody DeferralRequest body) {
        return contributions.defer(user, id, body.year());
    }

    @GetMapping("/me/deferrals")
    @Operation(summary = "本人的延期缴费及其补缴期限")
    List<Deferral> mine(@AuthenticationPrincipal ShebaoUser user) {
        return contributions.deferrals(own(user));
    }

    @PostMapping("/me/deferrals")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "灵活就业人员本人申请缴费延期补办（N-5b、FJ-5b）")
    Deferral apply(@AuthenticationPrincipal ShebaoUser user, @Valid @RequestBody DeferralRequest body) {
        return contributions.defer(user, own(user), body.year());
    }

    private static long own(ShebaoUser user) {
        if (user.personId() == null) {
            throw new AccessDeniedToRecordException("deferrals");
        }
        return user.personId();
    }
}
