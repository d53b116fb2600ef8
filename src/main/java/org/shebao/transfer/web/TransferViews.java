package org.shebao.transfer.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.shebao.identity.ShebaoUser;
import org.shebao.policy.Jurisdictions;
import org.shebao.registry.Person;
import org.shebao.identity.Role;
import org.shebao.transfer.TemporaryAccounts;
import org.shebao.transfer.TemporaryAccounts.TemporaryAccount;
import org.shebao.transfer.Transfer;
import org.shebao.transfer.Transfers;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** A transfer as the screens and the API show it: the person's name and masked ID number, the agencies by name. */
@Component
@RequiredArgsConstructor
class TransferViews {
    private final Transfers transfers;
    private final TemporaryAccounts temporaryAccounts;
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

    /**
     * A temporary account as the screens show it: the agencies by name, its years and history, the collection
     * condition (第六条) while open, and which of the holder's actions the user may take.
     */
    record Temporary(TemporaryAccount account, String holder, String record, String collectedTo,
                     List<TemporaryAccounts.Year> years, List<TemporaryAccounts.Event> history,
                     TemporaryAccounts.Condition condition, boolean canBook, boolean canCollect) {
    }

    Temporary temporary(ShebaoUser by, TemporaryAccount a) {
        Locale locale = LocaleContextHolder.getLocale();
        return new Temporary(a, jurisdictions.nameOf(a.holderRegion(), locale), jurisdictions.nameOf(a.recordRegion(), locale),
                a.collectedTo() == null ? null : jurisdictions.nameOf(a.collectedTo(), locale),
                temporaryAccounts.years(a.id()), temporaryAccounts.history(a.id()),
                a.open() ? temporaryAccounts.condition(a) : null,
                temporaryAccounts.holderActs(by, a, Role.CLERK, Role.REVIEWER, Role.FINANCE),
                temporaryAccounts.holderActs(by, a, Role.REVIEWER, Role.FINANCE));
    }

    List<Temporary> temporaries(ShebaoUser by, List<TemporaryAccount> list) {
        return list.stream().map(a -> temporary(by, a)).toList();
    }

    List<View> of(ShebaoUser by, List<Transfer> list) {
        return list.stream().map(t -> of(by, t)).toList();
    }
}
