package org.shebao.pension.web;

import java.time.Clock;
import org.shebao.casework.Certificates;
import org.shebao.casework.SealedDownload;
import org.shebao.pension.Awards;
import org.shebao.pension.BenefitCertificates;
import org.springframework.http.ResponseEntity;
import java.time.LocalDate;
import lombok.RequiredArgsConstructor;
import org.shebao.identity.ShebaoUser;
import org.shebao.payroll.StandingOrders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import java.util.List;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.common.RegionCode;

/** Online qualification certification for a recipient (N-1c channels: no visit needed). */
@Controller
@RequiredArgsConstructor
class CertificationPages {
    private final StandingOrders orders;
    private final BenefitCertificates benefitCertificates;
    private final Awards awards;
    private final Clock clock;

    /** The 待遇领取证明 as a sealed PDF (issue 16). */
    @GetMapping("/portal/certification/benefit-certificate.pdf")
    ResponseEntity<byte[]> benefitCertificate(@AuthenticationPrincipal ShebaoUser user) {
        Certificates.Issued issued = benefitCertificates.issue(user);
        return SealedDownload.of(issued.code(), benefitCertificates.pdf(user, issued));
    }

    @GetMapping("/portal/certification")
    String show(@AuthenticationPrincipal ShebaoUser user, Model model) {
        model.addAttribute("orders", user.personId() == null ? List.of() : orders.ordersOf(user.personId()));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("awarded", user.personId() != null && awards.ofPerson(user.personId())
                .filter(a -> a.entitlement() != null).isPresent());
        return "pension/certification";
    }

    @PostMapping("/portal/certification")
    String certify(@AuthenticationPrincipal ShebaoUser user, RedirectAttributes redirect) {
        if (user.personId() == null) {
            throw new AccessDeniedToRecordException("certification");
        }
        int months = 0;
        for (StandingOrders.Order o : orders.ordersOf(user.personId())) {
            if (!o.status().stopped()) {
                months += orders.certify(o.id(), orders.certificationValidUntil(
                        new RegionCode(o.regionCode()), LocalDate.now(clock)), "ONLINE");
            }
        }
        redirect.addFlashAttribute("notice", "notice.certified");
        redirect.addFlashAttribute("resumedMonths", months);
        return "redirect:/portal/certification";
    }
}
