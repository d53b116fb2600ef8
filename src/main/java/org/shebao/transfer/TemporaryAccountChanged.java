package org.shebao.transfer;

import org.shebao.common.Money;

/**
 * A temporary pension account changed (国办发〔2009〕66号 第五条第（二）项、第六条): opened at the holder, years recorded
 * into it (the amount and months recorded), or collected ({@code toAgency}: where it went; the amount and months).
 */
public record TemporaryAccountChanged(long personId, long accountId, Action action, String holderAgency,
                                      String toAgency, Money amount, int months) {
    public enum Action { OPENED, BOOKED, COLLECTED }
}
