package org.shebao.hall.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import lombok.RequiredArgsConstructor;
import org.shebao.common.RegionCode;
import org.shebao.policy.Deadlines;
import org.shebao.policy.ParameterValues.Range;
import org.shebao.policy.Parameters;
import org.springframework.stereotype.Component;

/** The hall's parameters (policy/parameters/hall.yml), looked up for the hall's city on a day. */
@Component
@RequiredArgsConstructor
public class HallParameters {
    private final Parameters parameters;
    private final Deadlines deadlines;

    public OpeningHours hours(String region, LocalDate day) {
        RegionCode r = new RegionCode(region);
        return OpeningHours.parse((String) parameters.require("hall.openingHours", r, day).value(),
                parameters.integer("hall.slot.minutes", r, day));
    }

    public int capacity(String region, LocalDate day) {
        return parameters.integer("hall.slot.capacity", new RegionCode(region), day);
    }

    /** How many days ahead a slot of the hall's city may be booked. */
    public int horizonDays(String region, LocalDate day) {
        return parameters.integer("hall.booking.horizonDays", new RegionCode(region), day);
    }

    public BigDecimal feverThreshold(String region, LocalDate day) {
        return parameters.decimal("hall.fever.threshold", new RegionCode(region), day);
    }

    public Range plausible(String region, LocalDate day) {
        return parameters.range("hall.temperature.plausible", new RegionCode(region), day);
    }

    public String healthContact(String region, LocalDate day) {
        return (String) parameters.require("hall.healthAuthority.contact", new RegionCode(region), day).value();
    }

    /** The times of a day by which a hygiene check is due in the hall's city (its parameter: HH:mm, by commas). */
    public java.util.List<java.time.LocalTime> dueTimes(HygieneCheck check, String region, LocalDate day) {
        String key = switch (check) {
            case VENTILATION -> "hall.hygiene.ventilation.dueTimes";
            case COUNTER_DISINFECTION -> "hall.hygiene.counterDisinfection.dueTimes";
            case MACHINE_DISINFECTION -> "hall.hygiene.machineDisinfection.dueTimes";
            case STAFF_MASKS -> "hall.hygiene.staffMasks.dueTimes";
        };
        return HygieneRule.parseTimes((String) parameters.require(key, new RegionCode(region), day).value());
    }

    /** The minimum stock of a protective supply in the hall's city (below it a warning). */
    public int minimum(SupplyItem item, String region, LocalDate day) {
        String key = switch (item) {
            case MASKS -> "hall.supply.masks.minimum";
            case DISINFECTANT -> "hall.supply.disinfectant.minimum";
            case THERMOMETERS -> "hall.supply.thermometers.minimum";
        };
        return parameters.integer(key, new RegionCode(region), day);
    }

    /** How long a level has to acknowledge an incident of the hall's city (N-7, FJ-7). */
    public int acknowledgeMinutes(IncidentLevel level, String region, LocalDate day) {
        String key = switch (level) {
            case CITY -> "hall.incident.acknowledge.city.minutes";
            case PROVINCE -> "hall.incident.acknowledge.province.minutes";
            case NATIONAL -> "hall.incident.acknowledge.national.minutes";
        };
        return parameters.integer(key, new RegionCode(region), day);
    }

    /** Halls open on working days of the holiday calendar (weekends and statutory holidays closed, 调休 open). */
    public boolean workingDay(LocalDate day) {
        return deadlines.plusWorkingDays(day.minusDays(1), 1).equals(day);
    }
}
