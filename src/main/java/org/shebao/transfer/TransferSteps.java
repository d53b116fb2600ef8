package org.shebao.transfer;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.shebao.audit.AuditAction;
import org.shebao.audit.AuditLog;
import org.shebao.casework.Certificates;
import org.shebao.casework.DocumentKind;
import org.shebao.common.ConflictException;
import org.shebao.common.InvalidInputException;
import org.shebao.common.Money;
import org.shebao.common.RegionCode;
import org.shebao.contribution.Contributions;
import org.shebao.contribution.RightsRecord;
import org.shebao.identity.Role;
import org.shebao.identity.ShebaoUser;
import org.shebao.ledger.Account;
import org.shebao.ledger.Fund;
import org.shebao.ledger.Ledger;
import org.shebao.policy.Deadlines;
import org.shebao.policy.Jurisdictions;
import org.shebao.policy.Parameters;
import org.shebao.registry.Person;
import org.shebao.registry.Persons;
import org.shebao.registry.RecordHolders;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * The agencies' steps of a transfer (国办发〔2009〕66号 暂行办法 第八条), each within its time limit in working days,
 * each a single-winner change of status ({@code UPDATE … WHERE status = …}: two clicks at once, one step done), each
 * in the history, each told to the person:
 * <ol>
 *   <li>the receiving agency sends the contact letter (联系函, sealed PDF) — or refuses the application with its
 *       reason;</li>
 *   <li>the sending agency computes the transfer ({@link TransferRule}), issues the 参保缴费凭证 and the 信息表 (sealed
 *       PDFs) and books the funds out of its pension fund (转移支出);</li>
 *   <li>the receiving agency accepts: books the funds into its pension fund (转移收入) and takes over the record, its
 *       months counted once; with a temporary account, nothing moves and the record stays where it was.</li>
 * </ol>
 */
@Service
@RequiredArgsConstructor
public class TransferSteps {
    static final String SENDING_LIMIT = "pension.transfer.timeLimit.sending";
    static final String RECEIVING_LIMIT = "pension.transfer.timeLimit.receiving";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransferStore store;
    private final Transfers transfers;
    private final Persons persons;
    private final RecordHolders holders;
    private final Contributions contributions;
    private final Parameters parameters;
    private final Deadlines deadlines;
    private final Jurisdictions jurisdictions;
    private final Certificates certificates;
    private final Ledger ledger;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;
    private final TemporaryAccounts temporaryAccounts;

    /** Step 2 (第八条第（二）项): the receiving agency's clerk or reviewer sends the contact letter. */
    @Transactional
    public Transfer sendLetter(ShebaoUser by, long id) {
        Transfer t = store.forStep(by, id, true, Role.CLERK, Role.REVIEWER);
        TransferStore.require(t, TransferStatus.APPLIED);
        LocalDate today = LocalDate.now(clock);
        LocalDate due = deadlines.plusWorkingDays(today,
                parameters.integer(SENDING_LIMIT, new RegionCode(t.fromRegion()), today));
        move(t, TransferStatus.APPLIED, TransferStatus.LETTER_SENT, today, due);
        Person p = persons.personAcrossRegions(t.personId());
        Certificates.Issued letter = certificates.issueFor(t.subject(), t.personId(), t.toRegion(),
                DocumentKind.TRANSFER_LETTER, p.name(), List.of(
                        "致：" + transfers.agency(t.fromRegion()),
                        "参保人员：" + Certificates.mask(p.name()) + "，证件号码：" + p.maskedIdNumber(),
                        "申请日期：" + t.appliedAt().toLocalDate() + "，申请转入：" + transfers.agency(t.toRegion()),
                        "经审核，同意接收该参保人员的基本养老保险关系。请于 " + due
                                + " 前办理转移手续，出具参保缴费凭证和信息表并转移基金（国办发〔2009〕66号 暂行办法 第八条）。",
                        "本函以电子方式发送，不邮寄纸质件（N-3b）。"));
        return done(by, t, "LETTER", TransferStatus.APPLIED, TransferStatus.LETTER_SENT, due,
                "联系函 " + letter.code(), null);
    }

    /** The receiving agency refuses an application before the letter, with the reason the person is told. */
    @Transactional
    public Transfer refuse(ShebaoUser by, long id, String rawReason) {
        Transfer t = store.forStep(by, id, true, Role.CLERK, Role.REVIEWER);
        String reason = rawReason == null ? "" : rawReason.strip();
        if (reason.isEmpty()) {
            throw InvalidInputException.of("reason", "error.transfer.reason.required");
        }
        if (reason.length() > 200 || reason.chars().anyMatch(Character::isISOControl)) {
            throw InvalidInputException.of("reason", "error.transfer.reason.invalid", 200);
        }
        TransferStore.require(t, TransferStatus.APPLIED);
        int rows = jdbc.sql("""
                UPDATE transfer_case SET status = 'REFUSED', step_on = :today, due_on = NULL, refusal_reason = :reason,
                       version = version + 1 WHERE id = :id AND status = 'APPLIED'""")
                .param("today", LocalDate.now(clock)).param("reason", reason).param("id", id).update();
        if (rows == 0) {
            throw new ConflictException("status", "error.transfer.state");
        }
        return done(by, t, "REFUSE", TransferStatus.APPLIED, TransferStatus.REFUSED, null, reason, reason);
    }

    /**
     * Step 3 (第八条第（三）项, 第四条, 第五条): the sending agency's reviewer or finance computes the transfer from the
     * rights record, issues the 参保缴费凭证 and the 信息表, and books the funds out (none with a temporary account).
     */
    @Transactional
    public Transfer sendFunds(ShebaoUser by, long id) {
        Transfer t = store.forStep(by, id, false, Role.REVIEWER, Role.FINANCE);
        TransferStore.require(t, TransferStatus.LETTER_SENT);
        LocalDate today = LocalDate.now(clock);
        TransferRule.Decision d = decide(t, today);
        LocalDate due = deadlines.plusWorkingDays(today,
                parameters.integer(RECEIVING_LIMIT, new RegionCode(t.toRegion()), today));
        int rows = jdbc.sql("""
                UPDATE transfer_case SET status = 'FUNDS_SENT', step_on = :today, due_on = :due,
                       temporary_account = :temp, decision = :decision, personal_account = :account, pooled = :pooled,
                       transferred = :transferred, months = :months, version = version + 1
                 WHERE id = :id AND status = 'LETTER_SENT'""")
                .param("today", today).param("due", due).param("temp", d.temporaryAccount())
                .param("decision", json.writeValueAsString(d)).param("account", d.personalAccount().amount())
                .param("pooled", d.pooled().amount()).param("transferred", d.transferred().amount())
                .param("months", d.months()).param("id", id).update();
        if (rows == 0) {
            throw new ConflictException("status", "error.transfer.state");
        }
        Person p = persons.personAcrossRegions(t.personId());
        Certificates.Issued certificate = certificates.issueFor(t.subject(), t.personId(), t.fromRegion(),
                DocumentKind.TRANSFER_CERTIFICATE, p.name(), certificateLines(t, p, d));
        Certificates.Issued sheet = certificates.issueFor(t.subject(), t.personId(), t.fromRegion(),
                DocumentKind.TRANSFER_INFORMATION, p.name(), informationLines(t, p, d));
        if (d.transferred().isPositive()) {
            ledger.post(Fund.PENSION, today, "transfer-out:" + id, by.getUsername(),
                    "养老保险关系转出 " + transfers.agency(t.toRegion()) + "（转移接续 " + id + "）",
                    List.of(new Ledger.Posting(Account.PENSION_TRANSFER_OUT, Account.PENSION_BANK, d.transferred())));
        }
        return done(by, t, "FUNDS", TransferStatus.LETTER_SENT, TransferStatus.FUNDS_SENT, due,
                (d.temporaryAccount() ? "临时账户，不转移资金" : "转移资金 " + d.transferred()) + "；凭证 "
                        + certificate.code() + "，信息表 " + sheet.code(), null);
    }

    /** What the sending agency would compute today (shown before the step; the step stores its own). */
    public TransferRule.Decision preview(ShebaoUser by, long id) {
        Transfer t = store.visible(by, id);
        return decide(t, LocalDate.now(clock));
    }

    /** The decision stored at step 3, if made. */
    public java.util.Optional<TransferRule.Decision> decision(long id) {
        return jdbc.sql("SELECT decision FROM transfer_case WHERE id = :id AND decision IS NOT NULL").param("id", id)
                .query(String.class).optional().map(s -> json.readValue(s, TransferRule.Decision.class));
    }

    /**
     * Step 4 (第八条第（四）项): the receiving agency's reviewer or finance accepts: the funds booked in, the record
     * taken over with its months counted once (a temporary account: opened, nothing moves). Two at once: one.
     */
    @Transactional
    public Transfer accept(ShebaoUser by, long id) {
        Transfer t = store.forStep(by, id, true, Role.REVIEWER, Role.FINANCE);
        TransferStore.require(t, TransferStatus.FUNDS_SENT);
        LocalDate today = LocalDate.now(clock);
        RightsRecord record = contributions.rightsRecord(t.personId());
        int merged = t.temporary() ? 0 : record.totalMonths();
        int rows = jdbc.sql("""
                UPDATE transfer_case SET status = 'COMPLETED', step_on = :today, due_on = NULL, merged_months = :m,
                       version = version + 1 WHERE id = :id AND status = 'FUNDS_SENT'""")
                .param("today", today).param("m", merged).param("id", id).update();
        if (rows == 0) {
            throw new ConflictException("status", "error.transfer.state");
        }
        if (!t.temporary()) {
            // the receiving agency holds the record from today: it serves the person, the sending agency reads its part
            holders.takeOver(by, t.personId(), t.fromRegion(), t.toRegion(), t.subject(), merged, today);
        }
        if (t.transferred() != null && t.transferred().isPositive()) {
            ledger.post(Fund.PENSION, today, "transfer-in:" + id, by.getUsername(),
                    "养老保险关系转入 " + transfers.agency(t.fromRegion()) + "（转移接续 " + id + "）",
                    List.of(new Ledger.Posting(Account.PENSION_COLLECTION_BANK, Account.PENSION_TRANSFER_IN,
                            t.transferred())));
        }
        // the temporary account: opened here, or (the record moved) collected here (国办发〔2009〕66号 第五条、第六条)
        temporaryAccounts.afterAcceptance(by, t);
        return done(by, t, "ACCEPT", TransferStatus.FUNDS_SENT, TransferStatus.COMPLETED, null,
                t.temporary() ? "建立临时基本养老保险缴费账户，关系保留在" + transfers.agency(t.fromRegion())
                        : "接收转移资金 " + t.transferred() + "，合并缴费记录 " + merged + " 个月（同一月份只计一次），"
                                + "其中转入 " + (merged - record.monthsIn(new RegionCode(t.toRegion()).scopePrefix()))
                                + " 个月；本机构自即日起管理该参保人员的养老保险关系", null);
    }

    private TransferRule.Decision decide(Transfer t, LocalDate today) {
        Person p = persons.personAcrossRegions(t.personId());
        RightsRecord record = contributions.rightsRecord(t.personId());
        RegionCode to = new RegionCode(t.toRegion());
        boolean home = p.hukouRegion() != null && p.hukouRegion().length() == 6
                && new RegionCode(p.hukouRegion()).city().equals(to);
        // what moves is the record kept elsewhere: the months paid at the receiving place are there already
        RightsRecord moving = record.outside(to.scopePrefix());
        return TransferRule.decide(new TransferRule.Facts(p.gender(), p.ageOn(today), home,
                        record.monthsIn(to.scopePrefix()), moving.years(), moving.totalMonths(), today.getYear()),
                TransferRule.Params.of(parameters, new RegionCode(t.fromRegion()), today));
    }

    private void move(Transfer t, TransferStatus from, TransferStatus to, LocalDate today, LocalDate due) {
        int rows = jdbc.sql("""
                UPDATE transfer_case SET status = :to, step_on = :today, due_on = :due, version = version + 1
                 WHERE id = :id AND status = :from""")
                .param("to", to.name()).param("today", today).param("due", due).param("id", t.id())
                .param("from", from.name()).update();
        if (rows == 0) {
            throw new ConflictException("status", "error.transfer.state");
        }
    }

    private Transfer done(ShebaoUser by, Transfer t, String action, TransferStatus from, TransferStatus to,
                          LocalDate due, String detail, String reason) {
        store.history(t.id(), action, from, to, by.getUsername(), detail);
        audit.record(by.getUsername(), AuditAction.TRANSFER_STEP, "transfer " + t.id(), action + " " + detail);
        Transfer now = store.load(t.id()).orElseThrow();
        events.publishEvent(new TransferStepped(t.id(), t.personId(), to, transfers.agency(t.fromRegion()),
                transfers.agency(t.toRegion()), due, now.temporary(), reason));
        return now;
    }

    private List<String> certificateLines(Transfer t, Person p, TransferRule.Decision d) {
        List<String> lines = new ArrayList<>(List.of(
                "参保人员：" + Certificates.mask(p.name()) + "，证件号码：" + p.maskedIdNumber(),
                "转出地：" + transfers.agency(t.fromRegion()) + "；转入地：" + transfers.agency(t.toRegion()),
                "累计缴费月数：" + d.months() + " 个月（同一月份只计一次）",
                "个人账户储存额：" + d.personalAccount() + " 元" + (d.accountInterest() == null || d.accountInterest().isZero() ? ""
                        : "（记账额 " + d.accountCredits() + " 元，记账利息 " + d.accountInterest() + " 元）"),
                "统筹基金转移额：" + d.pooled() + " 元（" + d.pooledFromYear() + " 年起实际缴费工资 " + d.wagesSince()
                        + " 元 × " + d.pooledRate().movePointRight(2).stripTrailingZeros().toPlainString() + "%）"));
        if (d.temporaryAccount()) {
            lines.add("转移时年龄 " + d.age() + " 周岁（已达 " + d.ageThreshold() + " 周岁），未回户籍地参保："
                    + "基本养老保险关系保留在转出地，转入地建立临时基本养老保险缴费账户，本次不转移资金。");
        } else {
            lines.add("转移资金合计：" + d.transferred() + " 元，已由转出地基金划转。");
        }
        lines.add("依据：" + d.source());
        lines.add("本凭证以电子方式出具，不邮寄纸质件（N-3b）。");
        return lines;
    }

    private List<String> informationLines(Transfer t, Person p, TransferRule.Decision d) {
        List<String> lines = new ArrayList<>();
        lines.add("参保人员：" + Certificates.mask(p.name()) + "，证件号码：" + p.maskedIdNumber() + "，转移时年龄 " + d.age() + " 周岁");
        lines.add("转出地：" + transfers.agency(t.fromRegion()) + "；转入地：" + transfers.agency(t.toRegion()));
        lines.add("年度　缴费月数　月缴费工资　实际缴费工资　统筹转移额　个人账户记账额");
        for (TransferRule.YearLine y : d.years()) {
            lines.add(y.year() + "　" + y.months() + "　" + y.monthlyBase() + "　" + y.wages() + "　" + y.pooled() + "　"
                    + y.accountCredit() + "　" + jurisdictions.nameOf(y.regionCode()));
        }
        lines.add("合计：" + d.months() + " 个月；个人账户 " + d.personalAccount() + " 元；统筹基金 " + d.pooled()
                + " 元；本次转移 " + d.transferred() + " 元");
        return lines;
    }
}
