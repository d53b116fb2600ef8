package org.shebao.registry;

/** What a registry history line is about. */
public enum RegistryEntity {
    PERSON, EMPLOYER
}
