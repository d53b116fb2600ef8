package org.shebao.platform.web;

import java.time.Clock;
import java.time.LocalDate;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every screen knows "today" by the platform's clock (Asia/Shanghai; fixed when a scenario is replayed). */
@ControllerAdvice(annotations = Controller.class)
@RequiredArgsConstructor
class TodayAdvice {
    private final Clock clock;

    @ModelAttribute("clockToday")
    LocalDate today() {
        return LocalDate.now(clock);
    }
}
