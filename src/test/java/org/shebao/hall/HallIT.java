package org.shebao.hall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.AllAtOnce;
import org.shebao.ApiClient;
import org.shebao.ShebaoIntegrationTest;
import org.shebao.common.Violations;
import org.shebao.hall.internal.Appointments;
import org.shebao.hall.internal.Hall;
import org.shebao.hall.internal.Holder;
import org.shebao.hall.internal.SlotFullException;
import org.shebao.policy.Deadlines;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@ShebaoIntegrationTest
@DisplayName("Hall appointments and the door (SX-5, N-2, FJ-2) through the product, on the real PostgreSQL")
class HallIT {
    @Autowired
    ApiClient api;
    static final long FUZHOU_HALL = 1;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Appointments appointments;
    @Autowired
    Deadlines deadlines;
    @Autowired
    Clock clock;

    /** The n-th working day after today (a day of its own per test, so that tests do not share slots). */
    LocalDate workingDay(int n) {
        return deadlines.plusWorkingDays(LocalDate.now(clock), n);
    }

    int count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Integer.class).single();
    }

    long personOf(String user) {
        return jdbc.sql("SELECT person_id FROM identity_user WHERE username = :u").param("u", user)
                .query(Long.class).single();
    }

    /** Starts a test user with no booking held (earlier tests or journeys may have left one). */
    void noBookings(String user) {
        jdbc.sql("UPDATE hall_booking SET status = 'CANCELLED' WHERE person_id = :p AND status = 'BOOKED'")
                .param("p", personOf(user)).update();
    }

    @Test
    @DisplayName("SX-5 under concurrency: 50 parallel bookings by 50 people for the last 5 places of a slot give "
            + "exactly 5; the others are refused as full; the counter never passes the capacity")
    void fiftyParallelForTheLastFive() throws Exception {
        Hall hall = appointments.hall(FUZHOU_HALL);
        LocalDate day = workingDay(3);
        jdbc.sql("""
                        INSERT INTO hall_slot (hall_id, region_code, day, starts_at, capacity, taken)
                        VALUES (1, '350100', :d, '10:00', 20, 15)
                        ON CONFLICT (hall_id, day, starts_at, region_code) DO UPDATE SET capacity = 20, taken = 15""")
                .param("d", day).update();
        jdbc.sql("DELETE FROM hall_booking WHERE hall_id = 1 AND day = :d AND starts_at = '10:00'").param("d", day).update();
        record P(long id, String name) {
        }
        List<P> people = jdbc.sql("SELECT id, name FROM registry_person WHERE region_code = '350100' "
                        + "AND id NOT IN (SELECT person_id FROM identity_user WHERE person_id IS NOT NULL) ORDER BY id DESC LIMIT 50")
                .query(P.class).list();
        assertThat(people).hasSize(50);
        jdbc.sql("UPDATE hall_booking SET status = 'CANCELLED' WHERE status = 'BOOKED' AND person_id IN (:ids)")
                .param("ids", people.stream().map(P::id).toList()).update();
        List<Callable<String>> bookings = people.stream().<Callable<String>>map(p -> () -> {
            try {
                appointments.book(Holder.person(p.id(), p.name(), "350***********0000"), hall, new Violations(),
                        day.toString(), "10:00", "CERTIFICATE_REQUEST", "it");
                return "booked";
            } catch (SlotFullException e) {
                return "full";
            }
        }).toList();
        List<String> outcomes = AllAtOnce.run(bookings);
        assertThat(outcomes.stream().filter("booked"::equals).count()).isEqualTo(5);
        assertThat(outcomes.stream().filter("full"::equals).count()).isEqualTo(45);
        assertThat(jdbc.sql("SELECT taken FROM hall_slot WHERE hall_id = 1 AND day = :d AND starts_at = '10:00'")
                .param("d", day).query(Integer.class).single()).isEqualTo(20);
        assertThat(jdbc.sql("SELECT count(*) FROM hall_booking WHERE hall_id = 1 AND day = :d AND starts_at = '10:00' "
                + "AND status = 'BOOKED'").param("d", day).query(Integer.class).single()).isEqualTo(5);
    }

    @Test
    @DisplayName("SX-5 bad input over the API: a past slot, a rest day, a time outside the opening hours, an unknown "
            + "service: 400 naming the field in Chinese, nothing written")
    void badBookings() {
        noBookings("citizen.fz");
        int before = count("hall_booking");
        ApiClient.Response past = api.post("citizen.fz", "/api/v1/me/hall-bookings", Map.of("hallId", FUZHOU_HALL,
                "day", LocalDate.now(clock).minusDays(1).toString(), "time", "10:00", "service", "CERTIFICATE_REQUEST"));
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.firstErrorField()).isEqualTo("day");
        assertThat(past.firstErrorMessage()).contains("已过去");

        LocalDate saturday = LocalDate.now(clock).plusDays(1);
        while (saturday.getDayOfWeek() != DayOfWeek.SATURDAY || workingDayIs(saturday)) {
            saturday = saturday.plusDays(1);
        }
        ApiClient.Response rest = api.post("citizen.fz", "/api/v1/me/hall-bookings", Map.of("hallId", FUZHOU_HALL,
                "day", saturday.toString(), "time", "10:00", "service", "CERTIFICATE_REQUEST"));
        assertThat(rest.status()).isEqualTo(400);
        assertThat(rest.firstErrorField()).isEqualTo("day");
        assertThat(rest.firstErrorMessage()).contains("不开放");

        ApiClient.Response early = api.post("citizen.fz", "/api/v1/me/hall-bookings", Map.of("hallId", FUZHOU_HALL,
                "day", workingDay(5).toString(), "time", "08:00", "service", "CERTIFICATE_REQUEST"));
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.firstErrorField()).isEqualTo("time");
        assertThat(early.firstErrorMessage()).contains("09:00-17:00");

        ApiClient.Response service = api.post("citizen.fz", "/api/v1/me/hall-bookings", Map.of("hallId", FUZHOU_HALL,
                "day", workingDay(5).toString(), "time", "10:00", "service", "NOPE"));
        assertThat(service.status()).isEqualTo(400);
        assertThat(service.firstErrorField()).isEqualTo("service");

        ApiClient.Response otherCity = api.post("citizen.ty", "/api/v1/me/hall-bookings", Map.of("hallId", FUZHOU_HALL,
                "day", workingDay(5).toString(), "time", "10:00", "service", "CERTIFICATE_REQUEST"));
        assertThat(otherCity.status()).isEqualTo(403);
        assertThat(count("hall_booking")).isEqualTo(before);
    }

    boolean workingDayIs(LocalDate d) {
        return deadlines.plusWorkingDays(d.minusDays(1), 1).equals(d);
    }

    @Test
    @DisplayName("a citizen books (201, a booking code), sees and cancels only their own: another citizen gets 404; "
            + "a second future booking for the same service 409; after cancelling the place is free again")
    void ownBookings() {
        noBookings("citizen.fz");
        noBookings("citizen.fz2");
        LocalDate day = workingDay(6);
        ApiClient.Response created = api.post("citizen.fz", "/api/v1/me/hall-bookings", Map.of("hallId", FUZHOU_HALL,
                "day", day.toString(), "time", "14:00", "service", "ENROLLMENT"));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        JsonNode b = created.body();
        long id = b.path("id").asLong();
        assertThat(b.path("code").asString()).matches("[A-Z0-9]{8}");
        assertThat(b.path("visitorIdMasked").asString()).contains("*");
        assertThat(api.get("citizen.fz", "/api/v1/me/hall-bookings").body().toString()).contains(b.path("code").asString());
        assertThat(api.get("citizen.fz2", "/api/v1/me/hall-bookings").body().toString()).doesNotContain(b.path("code").asString());
        assertThat(api.get("citizen.fz2", "/api/v1/me/hall-bookings/" + id).status()).isEqualTo(404);
        assertThat(api.send("citizen.fz2", "DELETE", "/api/v1/me/hall-bookings/" + id, null, "zh-CN").status()).isEqualTo(404);

        ApiClient.Response twice = api.post("citizen.fz", "/api/v1/me/hall-bookings", Map.of("hallId", FUZHOU_HALL,
                "day", workingDay(7).toString(), "time", "15:00", "service", "ENROLLMENT"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.firstErrorField()).isEqualTo("service");
        assertThat(twice.firstErrorMessage()).contains("同一业务只能保留一个未来预约");

        int taken = takenAt(day, "14:00");
        ApiClient.Response cancelled = api.send("citizen.fz", "DELETE", "/api/v1/me/hall-bookings/" + id, null, "zh-CN");
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.body().path("status").asString()).isEqualTo("CANCELLED");
        assertThat(takenAt(day, "14:00")).isEqualTo(taken - 1);
        assertThat(api.send("citizen.fz", "DELETE", "/api/v1/me/hall-bookings/" + id, null, "zh-CN").status()).isEqualTo(400);
    }

    int takenAt(LocalDate day, String time) {
        return jdbc.sql("SELECT taken FROM hall_slot WHERE hall_id = 1 AND day = :d AND starts_at = CAST(:t AS time)")
                .param("d", day).param("t", time).query(Integer.class).single();
    }

    @Test
    @DisplayName("a full slot is 409 with the nearest free slots; the manager may not lower a day's capacity below "
            + "the bookings made (400 with the count), nor may another city's manager (403)")
    void fullAndCapacity() {
        noBookings("citizen.fz");
        noBookings("citizen.fz2");
        LocalDate day = workingDay(8);
        ApiClient.Response first = api.post("citizen.fz", "/api/v1/me/hall-bookings", Map.of("hallId", FUZHOU_HALL,
                "day", day.toString(), "time", "11:00", "service", "RETIREMENT"));
        assertThat(first.status()).as(first.body().toString()).isEqualTo(201);
        ApiClient.Response lowered = api.put("fz.hall", "/api/v1/halls/1/days/" + day + "/capacity", Map.of("capacity", "1"));
        assertThat(lowered.status()).as(lowered.body().toString()).isEqualTo(200);
        ApiClient.Response full = api.post("citizen.fz2", "/api/v1/me/hall-bookings", Map.of("hallId", FUZHOU_HALL,
                "day", day.toString(), "time", "11:00", "service", "RETIREMENT"));
        assertThat(full.status()).isEqualTo(409);
        assertThat(full.firstErrorField()).isEqualTo("time");
        assertThat(full.body().path("alternatives").size()).isEqualTo(3);
        assertThat(full.body().path("alternatives").toString()).contains(day.toString()).contains("10:00").contains("12:00");

        int capacity = jdbc.sql("SELECT capacity FROM hall_slot WHERE hall_id = 1 AND day = :d AND starts_at = '11:00'")
                .param("d", day).query(Integer.class).single();
        ApiClient.Response below = api.put("fz.hall", "/api/v1/halls/1/days/" + day + "/capacity", Map.of("capacity", "0"));
        assertThat(below.status()).isEqualTo(400);
        assertThat(below.firstErrorField()).isEqualTo("capacity");
        assertThat(below.firstErrorMessage()).contains("11:00").contains("1 人");
        assertThat(jdbc.sql("SELECT capacity FROM hall_slot WHERE hall_id = 1 AND day = :d AND starts_at = '11:00'")
                .param("d", day).query(Integer.class).single()).isEqualTo(capacity);
        assertThat(api.put("ty.hall", "/api/v1/halls/1/days/" + day + "/capacity", Map.of("capacity", "1")).status())
                .isEqualTo(403);
        assertThat(api.put("fz.clerk", "/api/v1/halls/1/days/" + day + "/capacity", Map.of("capacity", "1")).status())
                .isEqualTo(403);
    }

    @Test
    @DisplayName("N-2 / FJ-2 at the door: 45 °C and 30 °C refused as implausible (400 naming the temperature, nothing "
            + "written); 37.5 °C by booking code: not admitted, an incident with the health authority's contact, the "
            + "place freed; 37.5 °C walk-in the same; 36.6 °C admitted")
    void door() {
        LocalDate today = LocalDate.now(clock);
        jdbc.sql("INSERT INTO hall_slot (hall_id, region_code, day, starts_at, capacity, taken) "
                        + "VALUES (1, '350100', :d, '09:00', 20, 0) ON CONFLICT DO NOTHING").param("d", today).update();
        String fever = booking(today, "甲某");
        String well = booking(today, "乙某");
        int screenings = count("hall_screening");
        int incidents = count("hall_incident");
        for (String t : List.of("45", "30.0")) {
            ApiClient.Response r = api.post("fz.hall", "/api/v1/halls/1/check-ins", Map.of("code", fever, "temperature", t));
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.firstErrorField()).isEqualTo("temperature");
            assertThat(r.firstErrorMessage()).contains("不合理");
        }
        assertThat(count("hall_screening")).isEqualTo(screenings);
        assertThat(status(fever)).isEqualTo("BOOKED");

        int taken = takenAt(today, "09:00");
        ApiClient.Response hot = api.post("fz.hall", "/api/v1/halls/1/check-ins", Map.of("code", fever, "temperature", "37.5"));
        assertThat(hot.status()).as(hot.body().toString()).isEqualTo(201);
        assertThat(hot.body().path("admitted").asBoolean(true)).isFalse();
        assertThat(hot.body().path("healthContact").asString()).contains("福州市疾病预防控制中心");
        assertThat(status(fever)).isEqualTo("NOT_ADMITTED");
        assertThat(takenAt(today, "09:00")).isEqualTo(taken - 1);
        assertThat(count("hall_incident")).isEqualTo(incidents + 1);

        ApiClient.Response walkIn = api.post("fz.hall", "/api/v1/halls/1/walk-ins",
                Map.of("visitorName", "丙某", "service", "ENROLLMENT", "temperature", "37.5"));
        assertThat(walkIn.status()).isEqualTo(201);
        assertThat(walkIn.body().path("admitted").asBoolean(true)).isFalse();
        assertThat(count("hall_incident")).isEqualTo(incidents + 2);

        ApiClient.Response ok = api.post("fz.hall", "/api/v1/halls/1/check-ins", Map.of("code", well, "temperature", "36.6"));
        assertThat(ok.body().path("admitted").asBoolean(false)).isTrue();
        assertThat(status(well)).isEqualTo("CHECKED_IN");
        assertThat(api.post("fz.hall", "/api/v1/halls/1/check-ins", Map.of("code", well, "temperature", "36.6")).status())
                .isEqualTo(400);
        assertThat(api.post("ty.hall", "/api/v1/halls/1/check-ins", Map.of("code", well, "temperature", "36.6")).status())
                .isEqualTo(403);

        JsonNode board = api.get("fz.hall", "/api/v1/halls/1/today").body();
        assertThat(board.path("incidents").toString()).contains("甲某").contains("丙某");
        assertThat(board.path("fevers").asInt()).isGreaterThanOrEqualTo(2);
    }

    /** A booking of today's 09:00 slot made earlier (through SQL: the slot has begun, so no one can book it now). */
    String booking(LocalDate today, String name) {
        String code = "T" + Long.toString(System.nanoTime() % 10_000_000L, 36).toUpperCase();
        code = (code + "0000000").substring(0, 8);
        jdbc.sql("UPDATE hall_slot SET taken = taken + 1 WHERE hall_id = 1 AND day = :d AND starts_at = '09:00'")
                .param("d", today).update();
        jdbc.sql("""
                        INSERT INTO hall_booking (region_code, hall_id, day, starts_at, code, service, holder_kind,
                                                  visitor_name, status, booked_by, booked_at)
                        VALUES ('350100', 1, :d, '09:00', :c, 'ENROLLMENT', 'WALK_IN', :n, 'BOOKED', 'it', now())""")
                .param("d", today).param("c", code).param("n", name).update();
        return code;
    }

    String status(String code) {
        return jdbc.sql("SELECT status FROM hall_booking WHERE code = :c").param("c", code).query(String.class).single();
    }
}
