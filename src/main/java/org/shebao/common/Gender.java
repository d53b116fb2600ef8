package org.shebao.common;

/** 性别, derived from the ID number's sequence digit. */
public enum Gender {
    MALE, FEMALE
}
