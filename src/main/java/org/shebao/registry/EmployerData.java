package org.shebao.registry;

/** What a clerk or an API client submits to register or edit an employer. */
public record EmployerData(String creditCode, String name, String regionCode, String address, String contactName,
                           String contactPhone, String agencyContactName, String agencyContactPhone) {
}
