package org.shebao.registry;

/** What happened to a registry record: created, a field updated, or its full ID number revealed to a user. */
public enum ChangeAction {
    CREATE, UPDATE, REVEAL
}
