package org.shebao.transfer.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.shebao.identity.ShebaoUser;
import org.shebao.policy.Jurisdictions;
import org.shebao.registry.Person;
import org.shebao.transfer.Transfer;
import org.shebao.transfer.Transfers;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** A transfer as the screens and the API show it: the person's name and masked ID number, the agencies by name. */
@Component
@RequiredArgsConstructor
class TransferViews {
    private final Transfers transfers;
    private final Jurisdictions jurisdictions;
    private final Clock clock;

    /** One transfer with names; {@code overdue}: its step is past its time limit today. */
    record View(Transfer transfer, String personName, String personId, String from, String to, boolean overdue) {
    }

    View of(ShebaoUser by, Transfer t) {
        Person p = transfers.person(by, t);
        Locale locale = LocaleContextHolder.getLocale();
        return new View(t, p.name(), p.maskedIdNumber(), jurisdictions.nameOf(t.fromRegion(), locale),
                jurisdictions.nameOf(t.toRegion(), locale), t.overdueOn(LocalDate.now(clock)));
    }

    List<View> of(ShebaoUser by, List<Transfer> list) {
        return list.stream().map(t -> of(by, t)).toList();
    }
}
