package org.shebao.pension.web;

import java.io.IOException;
import lombok.RequiredArgsConstructor;
import org.shebao.identity.ShebaoUser;
import org.shebao.pension.RecordImports;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Upload of data-exchange files: death records and certification matches (SX-2, N-1e, N-1c). */
@Controller
@RequiredArgsConstructor
class ImportPages {
    private final RecordImports imports;

    @GetMapping("/pension/imports")
    String form(@AuthenticationPrincipal ShebaoUser user, Model model) {
        model.addAttribute("kinds", RecordImports.importableBy(user));
        return "pension/imports";
    }

    @PostMapping("/pension/imports")
    String upload(@AuthenticationPrincipal ShebaoUser user, @RequestParam String kind, @RequestParam MultipartFile file,
                  Model model) throws IOException {
        RecordImports.Kind k = "MATCH".equals(kind) ? RecordImports.Kind.MATCH : RecordImports.Kind.DEATH;
        model.addAttribute("kinds", RecordImports.importableBy(user));
        model.addAttribute("kind", k.name());
        model.addAttribute("result", imports.importFile(user, k, file.getBytes()));
        model.addAttribute("fileName", file.getOriginalFilename());
        return "pension/imports";
    }
}
