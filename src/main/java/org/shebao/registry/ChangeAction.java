package org.shebao.registry;

/**
 * What happened to a registry record: created, a field updated, its full ID number revealed to a user, or its
 * enterprise-pension record taken over by another agency after a transfer (国办发〔2009〕66号).
 */
public enum ChangeAction {
    CREATE, UPDATE, REVEAL, TRANSFER
}
