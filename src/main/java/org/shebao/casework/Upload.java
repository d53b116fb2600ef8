package org.shebao.casework;

/** A file as received: the checklist item it is for, its name, the content type the sender declared, the bytes. */
public record Upload(String item, String fileName, String declaredType, byte[] bytes) {
}
