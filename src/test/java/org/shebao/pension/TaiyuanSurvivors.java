package org.shebao.pension;

import java.time.LocalDate;
import java.time.YearMonth;
import org.shebao.TestUsers;
import org.shebao.common.IdNumber;
import org.shebao.common.RegionCode;
import org.shebao.payroll.Payroll;
import org.shebao.payroll.PayrollRun;

/** What the death tests share: Taiyuan ID numbers of their own, and a Taiyuan payroll month run to completion. */
public final class TaiyuanSurvivors {
    public static final RegionCode TAIYUAN = new RegionCode("140100");

    private TaiyuanSurvivors() {
    }

    /** A valid Taiyuan ID number for the birth day and sequence (odd: a man, even: a woman). */
    public static String idNumber(LocalDate birth, int seq) {
        String first17 = "140100" + birth.toString().replace("-", "") + String.format("%03d", seq);
        return first17 + IdNumber.checkChar(first17);
    }

    /** Taiyuan's payroll of the month, opened by its finance user and run to completion. */
    public static void run(Payroll payroll, TestUsers staff, YearMonth month) {
        PayrollRun run = payroll.open(staff.get("ty.finance"), TAIYUAN, month);
        payroll.execute(run.id());
    }
}
