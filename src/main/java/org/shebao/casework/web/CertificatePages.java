package org.shebao.casework.web;

import lombok.RequiredArgsConstructor;
import org.shebao.casework.Certificates;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The public verification page of an electronically sealed certificate (N-3c): anyone with the code can check it. */
@Controller
@RequiredArgsConstructor
class CertificatePages {
    private final Certificates certificates;

    @GetMapping("/verify/{code}")
    String verify(@PathVariable String code, Model model) {
        model.addAttribute("code", code);
        model.addAttribute("certificate", code.length() > 40 ? null : certificates.byCode(code).orElse(null));
        return "casework/verify";
    }
}
