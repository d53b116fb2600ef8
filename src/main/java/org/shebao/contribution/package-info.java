/**
 * Contribution: the rights record (个人权益记录) of each person, year by year. Later: declarations, payments,
 * arrears, late fees and their emergency waiver, back payments.
 */
@ApplicationModule(displayName = "Contribution")
package org.shebao.contribution;

import org.springframework.modulith.ApplicationModule;
