package org.shebao.hall.internal;

import java.util.List;
import org.shebao.policy.Implements;

/**
 * Protective supplies (N-2, FJ-2, SX-5): an issue never takes more than the stock (the database's CHECK holds it too); a
 * stock below the item's minimum (its parameter) is a warning to restock. Pure.
 */
@Implements(measure = "HALL_HYGIENE_LEDGER", rule = "防护用品台账：入库、领用，按大厅记库存，领用不得超过库存，低于最低库存即提示补充",
        ruleEn = "Protective supplies: receipts and issues, stock per hall, never issue more than the stock, a warning below the minimum")
public final class SupplyRule {
    /** The clauses this rule rests on. */
    public static final List<String> CLAUSES = List.of("N-2", "FJ-2", "SX-5");

    private SupplyRule() {
    }

    public static boolean mayIssue(int stock, int quantity) {
        return quantity > 0 && quantity <= stock;
    }

    public static boolean low(int stock, int minimum) {
        return stock < minimum;
    }
}
