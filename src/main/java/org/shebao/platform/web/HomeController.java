package org.shebao.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The staff start page: what the user's role can do. */
@Controller
class HomeController {
    @GetMapping("/")
    String home() {
        return "home";
    }
}
