package org.shebao.hall.web;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.shebao.hall.internal.Appointments;
import org.shebao.hall.internal.Booking;
import org.shebao.hall.internal.Hall;
import org.shebao.hall.internal.Screenings;
import org.shebao.hall.internal.SlotFullException;
import org.shebao.identity.ShebaoUser;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Hall appointments and the door over the API (SX-5, N-2, FJ-2). A portal user (insured person or employer) books,
 * lists and cancels their own; a hall manager of the region lowers a day's capacity and records check-ins. Errors are
 * the platform's problem details; a full slot is 409 with {@code alternatives} (the nearest free slots).
 */
@RestController
@RequestMapping("/api/v1")
@RequiredArgsConstructor
class HallApi {
    private final Appointments appointments;
    private final Screenings screenings;
    private final MessageSource messages;

    record BookingRequest(Long hallId, String day, String time, String service) {
    }

    record CapacityRequest(String capacity) {
    }

    record CheckInRequest(String code, String temperature) {
    }

    record WalkInRequest(String visitorName, String service, String temperature) {
    }

    @GetMapping("/halls")
    @Operation(summary = "本地区的经办大厅")
    List<Hall> halls(@AuthenticationPrincipal ShebaoUser user) {
        return appointments.halls(user);
    }

    @GetMapping("/me/hall-bookings")
    @Operation(summary = "本人（本单位）的大厅预约")
    List<Booking> mine(@AuthenticationPrincipal ShebaoUser user) {
        return appointments.mine(user);
    }

    @GetMapping("/me/hall-bookings/{id}")
    @Operation(summary = "本人的一条大厅预约（含预约码）")
    Booking one(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id) {
        return appointments.mine(user, id);
    }

    @PostMapping("/me/hall-bookings")
    @Operation(summary = "预约大厅时段办理业务（SX-5 人流管控）：约满时 409 并推荐最近的空闲时段")
    ResponseEntity<Booking> book(@AuthenticationPrincipal ShebaoUser user, @RequestBody BookingRequest body) {
        Booking b = appointments.book(user, body.hallId(), body.day(), body.time(), body.service());
        return ResponseEntity.created(URI.create("/api/v1/me/hall-bookings/" + b.id())).body(b);
    }

    @DeleteMapping("/me/hall-bookings/{id}")
    @Operation(summary = "取消本人的未来预约")
    Booking cancel(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id) {
        return appointments.cancel(user, id);
    }

    @PutMapping("/halls/{id}/days/{day}/capacity")
    @Operation(summary = "大厅主管调低某日每个时段的容量（不得低于已预约人数）")
    Map<String, Object> capacity(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id,
                                 @PathVariable String day, @RequestBody CapacityRequest body) {
        int slots = appointments.lowerCapacity(user, id, day, body.capacity());
        return Map.of("slots", slots);
    }

    @PostMapping("/halls/{id}/check-ins")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "入口凭预约码签到并测温（N-2、FJ-2）：达到发热标准不得入厅并登记事件")
    Screenings.Result checkIn(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id,
                              @RequestBody CheckInRequest body) {
        return screenings.checkIn(user, id, body.code(), body.temperature());
    }

    @PostMapping("/halls/{id}/walk-ins")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "现场（未预约）来访登记并测温，占用当前时段容量")
    Screenings.Result walkIn(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id,
                             @RequestBody WalkInRequest body) {
        return screenings.walkIn(user, id, body.visitorName(), body.service(), body.temperature());
    }

    @GetMapping("/halls/{id}/today")
    @Operation(summary = "大厅今日：各时段预约与容量、签到、发热、未结事件")
    Screenings.Board today(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id) {
        return screenings.board(user, id);
    }

    @ExceptionHandler(SlotFullException.class)
    ResponseEntity<Map<String, Object>> full(SlotFullException e) {
        String message = messages.getMessage(e.violation().code(), e.violation().args().toArray(),
                LocaleContextHolder.getLocale());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("status", 409);
        body.put("title", message);
        body.put("errors", List.of(Map.of("field", "time", "code", e.violation().code(), "message", message)));
        body.put("alternatives", e.alternatives().stream()
                .map(a -> Map.of("hallId", e.hallId(), "day", a.toLocalDate().toString(),
                        "time", a.toLocalTime().toString())).toList());
        return ResponseEntity.status(409).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}
