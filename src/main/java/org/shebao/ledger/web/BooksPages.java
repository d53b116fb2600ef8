package org.shebao.ledger.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.shebao.common.Violations;
import org.shebao.common.Xlsx;
import org.shebao.common.web.FormErrors;
import org.shebao.ledger.Fund;
import org.shebao.ledger.Ledger;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.shebao.common.NotFoundException;

/**
 * The fund books for finance and auditors (read only): a fund's trial balance, its journal filtered by source and
 * days, an account's lines (drill-down), and the journal as Excel.
 */
@Controller
@RequestMapping("/ledger")
@RequiredArgsConstructor
class BooksPages {
    private static final int LIMIT = 200;
    private final Ledger ledger;
    private final MessageSource messages;

    /** The filters as typed, checked: a bad day is a message next to its field, and the books show unfiltered. */
    private record Filter(Fund fund, String source, LocalDate from, LocalDate to) {
    }

    private Filter filter(String fund, String source, String from, String to, Model model) {
        Violations v = new Violations();
        Fund f = fund == null || fund.isBlank() ? Fund.PENSION : v.oneOf(fund, Fund.class, "fund");
        LocalDate a = v.date(from, "from", false);
        LocalDate b = v.date(to, "to", false);
        if (a != null && b != null && b.isBefore(a)) {
            v.add("to", "error.books.range");
        }
        if (v.isEmpty()) {
            return new Filter(f, source == null ? "" : source.strip(), a, b);
        }
        FormErrors.addTo(model, v.list(), messages);
        return new Filter(f == null ? Fund.PENSION : f, "", null, null);
    }

    @GetMapping
    String books(@RequestParam(required = false) String fund, @RequestParam(required = false) String source,
                 @RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
        Filter f = filter(fund, source, from, to, model);
        boolean en = "en".equals(LocaleContextHolder.getLocale().getLanguage());
        model.addAttribute("funds", List.of(Fund.values()).stream().map(x -> Map.entry(x.name(),
                ledger.fundName(x, en))).toList());
        model.addAttribute("fund", f.fund().name());
        model.addAttribute("fundName", ledger.fundName(f.fund(), en));
        model.addAttribute("balances", ledger.trialBalance(f.fund(), f.to()));
        model.addAttribute("journals", ledger.journals(f.fund(), f.source(), f.from(), f.to(), LIMIT));
        model.addAttribute("limit", LIMIT);
        model.addAttribute("form", Map.of("source", source == null ? "" : source, "from", from == null ? "" : from,
                "to", to == null ? "" : to));
        return "ledger/books";
    }

    @GetMapping("/accounts/{fund}/{account}")
    String account(@PathVariable String fund, @PathVariable String account, Model model) {
        Fund f = parseFund(fund);
        boolean en = "en".equals(LocaleContextHolder.getLocale().getLanguage());
        Ledger.Balance b = ledger.trialBalance(f, null).stream().filter(x -> x.account().equals(account)).findFirst()
                .orElseThrow(() -> new NotFoundException("account " + account));
        model.addAttribute("fund", f.name());
        model.addAttribute("fundName", ledger.fundName(f, en));
        model.addAttribute("balance", b);
        model.addAttribute("lines", ledger.accountLines(f, account, LIMIT));
        model.addAttribute("limit", LIMIT);
        return "ledger/account";
    }

    @GetMapping("/journal.xlsx")
    void export(@RequestParam(required = false) String fund, @RequestParam(required = false) String source,
                @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                HttpServletResponse response) throws IOException {
        Violations v = new Violations();
        Fund f = fund == null || fund.isBlank() ? Fund.PENSION : v.oneOf(fund, Fund.class, "fund");
        LocalDate a = v.date(from, "from", false);
        LocalDate b = v.date(to, "to", false);
        v.throwIfAny();
        Locale locale = LocaleContextHolder.getLocale();
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", ContentDisposition.attachment()
                .filename(messages.getMessage("books.export.file", new Object[] {f.name()}, locale),
                        StandardCharsets.UTF_8).build().toString());
        List<String> header = Stream.of("journal", "postedOn", "source", "memo", "account", "accountName",
                "debit", "credit", "postedBy").map(k -> messages.getMessage("books.col." + k, null, locale)).toList();
        List<List<Object>> rows = new ArrayList<>();
        for (Ledger.Journal j : ledger.journals(f, source, a, b, 100_000)) {
            for (Ledger.Line l : j.lines()) {
                rows.add(List.of(j.id(), j.postedOn().toString(), j.source(), j.memo(), l.account(), l.accountName(),
                        l.debit(), l.credit(), j.postedBy()));
            }
        }
        Xlsx.write(response.getOutputStream(), messages.getMessage("books.export.sheet", null, locale), header, rows);
    }

    private static Fund parseFund(String fund) {
        try {
            return Fund.valueOf(fund);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("fund " + fund);
        }
    }
}
