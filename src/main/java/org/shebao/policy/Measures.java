package org.shebao.policy;

import org.shebao.policy.internal.Clause;
import org.shebao.policy.internal.DeadlineRule;
import org.shebao.policy.internal.Measure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.shebao.common.RegionCode;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Service;
import org.springframework.util.ClassUtils;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The measures catalog: “is measure M in force for region R on day D?”, answered with the clauses that decide it
 * and the emergency it rests on. Rules ask this instead of testing dates themselves. A measure is in force only when
 * the platform carries it out: the rules that do say so with {@link Implements}, and are listed here per measure.
 */
@Service
public class Measures {
    /** A rule that carries out a measure: its name for users and the class that holds it. */
    public record Rule(String measure, String name, String nameEn, String className) {
    }

    /** A flag as users read it: the measure's (or the item's) name and the clauses behind it. */
    public record FlagLabel(String code, String name, String nameEn, List<String> clauses) {
    }

    private final PolicyBook book;
    private final Supplier<? extends Collection<Emergency>> emergencies;
    private final Map<String, List<Rule>> rules;

    @Autowired
    Measures(PolicyBook book, Emergencies emergencies) {
        this(book, emergencies::all, scan(book));
    }

    private Measures(PolicyBook book, Supplier<? extends Collection<Emergency>> emergencies,
                     Map<String, List<Rule>> rules) {
        this.book = book;
        this.emergencies = emergencies;
        this.rules = rules;
    }

    /** The catalog over a scenario's emergencies (kept in memory by the scenario runner), for rules replayed there. */
    public static Measures over(PolicyBook book, Supplier<? extends Collection<Emergency>> emergencies) {
        return new Measures(book, emergencies, Map.of());
    }

    public MeasureStatus status(String code, RegionCode region, LocalDate on) {
        return book.measure(code, region, on, emergencies.get());
    }

    public boolean inForce(String code, RegionCode region, LocalDate on) {
        return status(code, region, on).inForce();
    }

    /** Every measure of the catalog that applies to the region, with its status on the day. */
    public List<MeasureStatus> all(RegionCode region, LocalDate on) {
        Collection<Emergency> all = emergencies.get();
        return book.measures().stream().map(m -> book.measure(m.code(), region, on, all))
                .filter(s -> !s.clauses().isEmpty()).toList();
    }

    public List<Measure> catalog() {
        return book.measures();
    }

    /** The rules that carry out a measure (none for a measure that waits for an issue). */
    public List<Rule> rules(String measure) {
        return rules.getOrDefault(measure, List.of());
    }

    /** Every rule marked with {@link Implements}, by measure code. */
    public Map<String, List<Rule>> rules() {
        return rules;
    }

    /**
     * The clauses by which a measure applies to a region, whatever the day (empty where it does not apply): for
     * screens that show a duty the measure creates in some jurisdictions only.
     */
    public List<String> clausesFor(String code, String region) {
        RegionCode r = new RegionCode(region);
        return book.measure(code).scopes().stream().filter(s -> s.region().covers(r))
                .flatMap(s -> s.clauses().stream()).toList();
    }

    /**
     * The clauses of a deadline rule that apply in a region: those some measure of the catalog applies there by (a
     * Fujian emergency's "lifted + 3 months" does not cite Shanxi's SX-3).
     */
    public List<String> ruleClauses(DeadlineRule rule, RegionCode region) {
        Set<String> here = clausesHere(region);
        return rule.clauses().stream().filter(here::contains).toList();
    }

    /** Every clause some measure of the catalog applies in the region by. */
    private Set<String> clausesHere(RegionCode region) {
        Set<String> here = new HashSet<>();
        book.measures().forEach(m -> m.scopes().stream().filter(s -> s.region().covers(region))
                .forEach(s -> here.addAll(s.clauses())));
        return here;
    }

    /**
     * The clauses of a list that apply in a region: the national notice's (N-…), and a province's that some measure of
     * the catalog applies there by (a Fuzhou screen does not cite Shanxi's SX-3).
     */
    public List<String> clausesIn(List<String> clauses, RegionCode region) {
        Set<String> here = clausesHere(region);
        return clauses.stream().filter(c -> c.startsWith("N-") || here.contains(c)).toList();
    }

    /** A clause's provision in short, for the tooltip of its ID ({@code en} for English). */
    public String clauseText(String id, String language) {
        Clause c = book.clauses().get(id);
        return c == null ? id : "en".equals(language) ? c.textEn() : c.text();
    }

    private static final java.util.regex.Pattern CLAUSE_ID =
            java.util.regex.Pattern.compile("(?<![A-Za-z0-9])(?:N|FJ|SX)-\\d+[a-z]?(?:\\.\\d+)?");

    /**
     * A sentence for a screen, HTML-escaped, in which each clause ID it cites (FJ-3, N-1a …) becomes a detail carrying
     * the clause's text as its tooltip ({@code th:utext}): people read the sentence, the clause is there to look up.
     */
    public String clauseTips(String text, String language) {
        if (text == null) {
            return "";
        }
        String escaped = org.springframework.web.util.HtmlUtils.htmlEscape(text);
        java.util.regex.Matcher m = CLAUSE_ID.matcher(escaped);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String tip = org.springframework.web.util.HtmlUtils.htmlEscape(clauseText(m.group(), language));
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(
                    "<span class=\"clause text-muted\" title=\"" + tip + "\">" + m.group() + "</span>"));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * The flags a payroll line or an order carries ({@code CODE:clause,clause CODE …}) as names: a measure code by
     * the measure's name, another code (settlement, resumption …) by its message {@code flag.CODE}.
     */
    public List<FlagLabel> flagLabels(String flags) {
        List<FlagLabel> out = new ArrayList<>();
        if (flags == null || flags.isBlank()) {
            return out;
        }
        for (String token : flags.trim().split("\\s+")) {
            int colon = token.indexOf(':');
            String code = colon < 0 ? token : token.substring(0, colon);
            List<String> clauses = colon < 0 || colon == token.length() - 1 ? List.of()
                    : Arrays.asList(token.substring(colon + 1).split(","));
            Measure m = book.measures().stream().filter(x -> x.code().equals(code)).findFirst().orElse(null);
            out.add(new FlagLabel(code, m == null ? null : m.name(), m == null ? null : m.nameEn(), clauses));
        }
        return out;
    }

    /** The {@link Implements} annotations on the platform's classes, found once at start. */
    static Map<String, List<Rule>> scan(PolicyBook book) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(
                    AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        scanner.addIncludeFilter(new AnnotationTypeFilter(Implements.class));
        scanner.addIncludeFilter(new AnnotationTypeFilter(Implements.All.class));
        Map<String, List<Rule>> out = new LinkedHashMap<>();
        for (BeanDefinition d : scanner.findCandidateComponents("org.shebao")) {
            Class<?> type = ClassUtils.resolveClassName(d.getBeanClassName(), Measures.class.getClassLoader());
            for (Implements i : type.getAnnotationsByType(Implements.class)) {
                book.measure(i.measure()); // an unknown measure code stops the platform here
                out.computeIfAbsent(i.measure(), k -> new ArrayList<>())
                        .add(new Rule(i.measure(), i.rule(), i.ruleEn(), type.getName()));
            }
        }
        out.values().forEach(l -> l.sort(Comparator.comparing(Rule::className)));
        return Map.copyOf(out);
    }
}
