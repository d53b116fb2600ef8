/**
 * Pension transfer between agencies (转移接续, issue 16 item 3; 国办发〔2009〕66号 and its 暂行办法), all online (N-3b):
 * the person applies to the receiving agency (portal, app, or a clerk at the counter); the receiving agency issues
 * the contact letter (联系函) to the sending agency (where the person's enterprise-pension record lies); the sending
 * agency computes the transfer ({@link org.shebao.transfer.TransferRule}: the personal account in full, 12% of each
 * year's wages since 1998 from the pooled fund; a temporary account for men of 50 and women of 40 moving away from
 * their household registration), issues the 参保缴费凭证 and the 信息表 as sealed PDFs and books the funds out; the
 * receiving agency accepts, books them in and takes over the record, its months counted once. Each step has its
 * time limit in working days, with overdue lists for both agencies; the person is told at each step. The personal
 * account moves with its interest ({@link org.shebao.contribution.AccountInterest}). A temporary account
 * ({@link org.shebao.transfer.TemporaryAccounts}) is a record of its own at the new place: opened by the acceptance,
 * the years made there recorded into it and booked (2311/5302), collected (归集) after 10 years there or into the
 * place that takes the record.
 */
@ApplicationModule(displayName = "Pension transfer")
package org.shebao.transfer;

import org.springframework.modulith.ApplicationModule;
