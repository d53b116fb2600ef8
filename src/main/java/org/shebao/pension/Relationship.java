package org.shebao.pension;

/** The applicant's relationship to the deceased (pension_survivor_award.relationship); shown as survivors.relationship.X. */
public enum Relationship {
    SPOUSE, CHILD, PARENT, OTHER
}
