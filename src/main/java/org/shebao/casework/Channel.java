package org.shebao.casework;

/** How an application reached the agency (N-3a, SX-3, FJ-3). */
public enum Channel {
    /** The citizen/employer portal. */
    WEB,
    /** The mobile app through the JSON API. */
    MOBILE_API,
    EMAIL,
    FAX,
    POST,
    /** A phone request registered by a clerk on the applicant's behalf, with photographed materials (FJ-3). */
    PHONE,
    /** At the service hall's window. */
    WINDOW;

    /** Channels a clerk registers on an applicant's behalf. */
    public boolean assisted() {
        return this == EMAIL || this == FAX || this == POST || this == PHONE || this == WINDOW;
    }
}
