package org.shebao.registry;

/** What a clerk or an API client submits to register or edit a person; validated by {@link Registry}. */
public record PersonData(String idNumber, String name, String phone, String hukouRegion, String regionCode) {
}
