package org.shebao.workinjury;

import java.time.LocalDate;
import org.shebao.common.Money;

/** A stored line item of a statement: the file's line, the patient (masked ID number), the day, item and amount. */
public record MedicalBillLine(int line, long personId, String patientName, String maskedIdNumber, LocalDate treatedOn,
                              String item, Money amount) {
}
