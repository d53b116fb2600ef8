/** The double-entry ledger: accounts and a journal in which every entry debits one account and credits another. */
@org.springframework.modulith.ApplicationModule(displayName = "Ledger")
package org.shebao.ledger;
