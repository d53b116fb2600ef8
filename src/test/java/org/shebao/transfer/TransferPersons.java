package org.shebao.transfer;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import org.shebao.common.ConflictException;
import org.shebao.common.IdNumber;
import org.shebao.identity.ShebaoUser;
import org.shebao.registry.Person;
import org.shebao.registry.PersonData;
import org.shebao.registry.Persons;

/** Persons the transfer tests register for themselves (own ID numbers, own phones), shared by their classes. */
public final class TransferPersons {
    private static final AtomicInteger SEQ = new AtomicInteger(400);

    private TransferPersons() {
    }

    /** A registered person: their id and full ID number (the tests name them by it, as a counter would). */
    public record Someone(long id, String idNumber) {
    }

    /** A person registered in {@code region} by its clerk, born on the day, a man or a woman, with a phone. */
    public static Someone register(Persons persons, ShebaoUser clerk, String region, String hukou, LocalDate born,
                            boolean male, String name) {
        Person p = null;
        while (p == null) {
            int n = SEQ.incrementAndGet();
            int seq = (n % 400) * 2 + (male ? 1 : 0);
            String first17 = hukou + born.toString().replace("-", "") + String.format("%03d", seq % 1000);
            try {
                p = persons.registerPerson(clerk, new PersonData(first17 + IdNumber.checkChar(first17), name,
                        "139" + String.format("%08d", 50000000 + n), hukou, region));
            } catch (ConflictException e) {
                // a demo or earlier person has the number: the next one
            }
        }
        return new Someone(p.id(), p.idNumber().value());
    }
}
