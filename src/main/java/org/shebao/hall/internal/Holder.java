package org.shebao.hall.internal;

/**
 * Who a booking is for: an insured person or an employer (their own portal user), or a walk-in at the door. The name
 * and the masked ID number are kept with the booking, for the hall's lists.
 */
public record Holder(Kind kind, Long personId, Long employerId, String name, String idMasked) {
    public enum Kind { PERSON, EMPLOYER, WALK_IN }

    public static Holder person(long personId, String name, String idMasked) {
        return new Holder(Kind.PERSON, personId, null, name, idMasked);
    }

    public static Holder employer(long employerId, String name) {
        return new Holder(Kind.EMPLOYER, null, employerId, name, null);
    }

    public static Holder walkIn(String name) {
        return new Holder(Kind.WALK_IN, null, null, name, null);
    }
}
