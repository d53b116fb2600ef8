package org.shebao;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.shebao.common.Money;
import org.shebao.ledger.Account;
import org.shebao.ledger.Ledger;

/**
 * The ledger checked by account balances: a snapshot of some accounts, then how far each moved since (debit
 * positive), the others not at all, and each of their funds' books balancing to the fen.
 */
public final class LedgerMoves {
    private final Ledger ledger;
    private final List<Account> watched;

    public LedgerMoves(Ledger ledger, List<Account> watched) {
        this.ledger = ledger;
        this.watched = List.copyOf(watched);
    }

    public Map<Account, Money> balances() {
        Map<Account, Money> b = new EnumMap<>(Account.class);
        watched.forEach(a -> b.put(a, ledger.balance(a)));
        return b;
    }

    /** Each watched account moved by the expected amount since {@code before}, the rest not at all. */
    public void moved(Map<Account, Money> before, Map<Account, Money> expected) {
        for (Account a : watched) {
            assertThat(ledger.balance(a).minus(before.get(a))).as("balance of %s %s", a.fund(), a.code())
                    .isEqualTo(expected.getOrDefault(a, Money.ZERO));
        }
        watched.stream().map(Account::fund).distinct().forEach(f -> {
            Money sum = ledger.trialBalance(f, null).stream().map(Ledger.Balance::balance).reduce(Money.ZERO, Money::plus);
            assertThat(sum).as("the books of %s balance to the fen", f).isEqualTo(Money.ZERO);
        });
    }
}
