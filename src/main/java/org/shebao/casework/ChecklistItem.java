package org.shebao.casework;

/** One material a business type asks for; {@code code} is also the message key suffix (material.CODE). */
public record ChecklistItem(String code, boolean required) {
}
