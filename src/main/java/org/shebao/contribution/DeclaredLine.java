package org.shebao.contribution;

/**
 * One line of a declaration as the employer wrote it, before any check: its line number (the file's line or row as
 * an editor shows it, or the position in an API request, from 1), the employee's ID number and name, the period
 * ({@link DeclarationPeriod}) and the wage base in yuan.
 */
public record DeclaredLine(int line, String idNumber, String name, String period, String base) {
}
