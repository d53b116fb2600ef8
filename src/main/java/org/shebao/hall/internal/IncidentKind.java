package org.shebao.hall.internal;

/** What happened at a hall: a suspected case (a fever at the door opens one), crowding, a complaint. */
public enum IncidentKind { SUSPECTED_CASE, CROWDING, COMPLAINT }
