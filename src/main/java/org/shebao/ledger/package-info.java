/** The double-entry ledger: accounts and a journal in which every entry debits one account and credits another. */
@ApplicationModule(displayName = "Ledger")
package org.shebao.ledger;

import org.springframework.modulith.ApplicationModule;
