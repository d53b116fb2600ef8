package org.shebao.payroll;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.shebao.common.RegionCode;
import org.shebao.policy.Parameters;
import org.springframework.stereotype.Service;

/**
 * The paying banks and their disbursement file layouts in force for a region on a day (issue 15, item 7): dated text
 * parameters {@code payroll.bankFile.layout.<BANK>} with their sources (the ones
 * shipped are illustrative, 示意). A recipient's bank is the one named on the order (by an approved account change),
 * else the bank whose card prefix the account starts with (the longest), else the last bank of the list (OTHER).
 */
@Service
@RequiredArgsConstructor
public class BankLayouts {
    static final String LAYOUT = "payroll.bankFile.layout.";

    private final Parameters parameters;

    /**
     * The layouts in force, in the parameter files' order, the banks without card prefixes (the fallback) last; at
     * least one must be in force.
     */
    public List<BankLayout> inForce(RegionCode region, LocalDate on) {
        List<BankLayout> in = parameters.keys(LAYOUT).stream()
                .map(k -> parameters.find(k, region, on)).flatMap(Optional::stream)
                .map(v -> BankLayout.parse(v.key().substring(LAYOUT.length()), (String) v.value(), v.source(),
                        v.illustrative()))
                .sorted(Comparator.comparing(l -> l.prefixes().isEmpty()))
                .toList();
        if (in.isEmpty()) {
            throw new Parameters.MissingParameterException(LAYOUT + "*", region, on);
        }
        return in;
    }

    /** One bank's layout in force, if the bank is one of the list. */
    public Optional<BankLayout> layout(RegionCode region, LocalDate on, String bank) {
        return inForce(region, on).stream().filter(l -> l.code().equals(bank)).findFirst();
    }

    /** The bank of an account: named, else by card prefix, else the last of the list. */
    public static String bankOf(List<BankLayout> layouts, String named, String account) {
        if (named != null && layouts.stream().anyMatch(l -> l.code().equals(named))) {
            return named;
        }
        return layouts.stream().filter(l -> l.matches(account) > 0)
                .max(Comparator.comparingInt(l -> l.matches(account)))
                .orElse(layouts.get(layouts.size() - 1)).code();
    }
}
