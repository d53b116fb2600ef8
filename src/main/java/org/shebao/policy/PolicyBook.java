package org.shebao.policy;

import org.shebao.policy.internal.Clause;
import org.shebao.policy.internal.DeadlineCalculus;
import org.shebao.policy.internal.DeadlineRule;
import org.shebao.policy.internal.EmergencyDate;
import org.shebao.policy.internal.HolidayCalendar;
import org.shebao.policy.internal.Measure;
import org.shebao.policy.internal.PolicyFileException;
import org.shebao.policy.internal.TimeLimit;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.shebao.common.InvalidInputException;
import org.shebao.common.RegionCode;
import org.shebao.policy.internal.YamlNode;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import java.nio.file.Path;

/**
 * The policy set as loaded from {@code policy/}: jurisdictions, dated parameters, the holiday calendar, the deadline
 * rules, the measures catalog and the emergencies declared before the platform kept them. Everything here is a
 * pure function of its arguments: the emergencies are passed in (from the database in the running platform, from
 * the scenario file in the scenario runner), so the two cannot disagree.
 */
public final class PolicyBook {
    private static final Pattern CLAUSE = Pattern.compile("(N|SX|FJ)-[0-9][0-9a-z.]*");

    /** An emergency as the seed file states it. */
    public record EmergencySeed(String key, RegionCode region, String name, LocalDate declaredOn,
                                LocalDate level1EndedOn, LocalDate liftedOn, String source) {
    }

    private final Jurisdictions jurisdictions;
    private final Parameters parameters;
    private final HolidayCalendar calendar;
    private final DeadlineCalculus calculus;
    private final Map<String, DeadlineRule> rules;
    private final Map<String, Measure> measures;
    private final List<EmergencySeed> seeds;
    private final Map<String, Clause> clauses;

    private PolicyBook(Jurisdictions jurisdictions, Parameters parameters, HolidayCalendar calendar,
                       Map<String, DeadlineRule> rules, Map<String, Measure> measures, List<EmergencySeed> seeds,
                       Map<String, Clause> clauses) {
        this.clauses = clauses;
        this.jurisdictions = jurisdictions;
        this.parameters = parameters;
        this.calendar = calendar;
        this.calculus = new DeadlineCalculus(calendar);
        this.rules = rules;
        this.measures = measures;
        this.seeds = seeds;
    }

    /** Loads the whole set from the class path; any fault stops here with file, line and reason. */
    public static PolicyBook load() {
        return load(null);
    }

    /**
     * Loads the set from the class path plus the parameter files of {@code extraParameters} (an agency's own, kept
     * outside the application; null for none), all checked together.
     */
    public static PolicyBook load(Path extraParameters) {
        Jurisdictions jurisdictions = new Jurisdictions(new ClassPathResource("policy/jurisdictions.yml"));
        List<YamlNode> files = new ArrayList<>(Parameters.files());
        if (extraParameters != null) {
            files.addAll(Parameters.files(extraParameters));
        }
        return load(jurisdictions, Parameters.from(files, jurisdictions),
                HolidayCalendar.load(new ClassPathResource("policy/holidays.yml")),
                new ClassPathResource("policy/measures.yml"), new ClassPathResource("policy/emergencies.yml"));
    }

    public static PolicyBook load(Jurisdictions jurisdictions, Parameters parameters, HolidayCalendar calendar,
                                  Resource measuresFile, Resource emergenciesFile) {
        Map<String, Clause> known = Clause.load(read(new ClassPathResource("policy/clauses.yml")));
        YamlNode m = read(measuresFile);
        m.onlyKeys("deadlineRules", "measures");
        Map<String, DeadlineRule> rules = new LinkedHashMap<>();
        for (YamlNode r : m.list("deadlineRules")) {
            r.onlyKeys("code", "basis", "period", "name", "nameEn", "clauses");
            String code = r.text("code");
            EmergencyDate basis = EmergencyDate.ofFileName(r.text("basis"));
            if (basis == null) {
                throw r.get("basis").error("basis must be declared, level1Ended or lifted, was '" + r.text("basis") + "'");
            }
            TimeLimit limit = TimeLimit.parseOrNull(r.text("period"));
            if (limit == null) {
                throw r.get("period").error("period must read like '3 months' or '15 days', was '" + r.text("period") + "'");
            }
            if (rules.put(code, new DeadlineRule(code, basis, limit, r.text("name"), r.text("nameEn"),
                    clauses(r, known))) != null) {
                throw r.error("deadline rule " + code + " is listed twice");
            }
        }
        Map<String, Measure> measures = new LinkedHashMap<>();
        for (YamlNode x : m.list("measures")) {
            x.onlyKeys("code", "name", "nameEn", "until", "applies", "waitsFor");
            String code = x.text("code");
            String until = until(x, rules);
            List<Measure.Scope> scopes = new ArrayList<>();
            Set<RegionCode> seen = new LinkedHashSet<>();
            for (YamlNode s : x.list("applies")) {
                s.onlyKeys("region", "clauses", "until");
                RegionCode region = region(s, jurisdictions);
                if (!seen.add(region)) {
                    throw s.error("measure " + code + " lists " + region + " twice");
                }
                scopes.add(new Measure.Scope(region, clauses(s, known), s.has("until") ? until(s, rules) : null));
            }
            if (scopes.isEmpty()) {
                throw x.error("measure " + code + " applies nowhere: list at least one jurisdiction under 'applies'");
            }
            scopes.sort(Comparator.comparingInt(sc -> depth(sc.region())));
            if (measures.put(code, new Measure(code, x.text("name"), x.text("nameEn"), until, List.copyOf(scopes),
                    x.has("waitsFor") ? x.integer("waitsFor") : null)) != null) {
                throw x.error("measure " + code + " is listed twice");
            }
        }
        List<EmergencySeed> seeds = new ArrayList<>();
        if (emergenciesFile != null && emergenciesFile.exists()) {
            YamlNode e = read(emergenciesFile);
            Set<String> keys = new LinkedHashSet<>();
            for (YamlNode s : e.onlyKeys("emergencies").list("emergencies")) {
                s.onlyKeys("key", "region", "name", "declaredOn", "level1EndedOn", "liftedOn", "source");
                String key = s.text("key");
                if (!keys.add(key)) {
                    throw s.error("emergency " + key + " is listed twice");
                }
                if (!s.has("source")) {
                    throw s.error("emergency " + key + " has no source");
                }
                LocalDate declared = s.date("declaredOn");
                LocalDate level1 = s.dateOrNull("level1EndedOn");
                LocalDate lifted = s.dateOrNull("liftedOn");
                String problem = checkDates(declared, level1, lifted);
                if (problem != null) {
                    throw s.error("emergency " + key + ": " + problem);
                }
                seeds.add(new EmergencySeed(key, region(s, jurisdictions), s.text("name"), declared, level1, lifted,
                        s.text("source")));
            }
        }
        return new PolicyBook(jurisdictions, parameters, calendar, rules, measures, List.copyOf(seeds), known);
    }

    /** Null when the dates are consistent, else the reason (in English, for files; screens use message codes). */
    public static String checkDates(LocalDate declared, LocalDate level1Ended, LocalDate lifted) {
        if (level1Ended != null && level1Ended.isBefore(declared)) {
            return "level1EndedOn " + level1Ended + " is before declaredOn " + declared;
        }
        if (lifted != null && lifted.isBefore(declared)) {
            return "liftedOn " + lifted + " is before declaredOn " + declared;
        }
        if (lifted != null && level1Ended != null && lifted.isBefore(level1Ended)) {
            return "liftedOn " + lifted + " is before level1EndedOn " + level1Ended;
        }
        return null;
    }

    private static YamlNode read(Resource r) {
        String file = "policy/" + r.getFilename();
        try (InputStream in = r.getInputStream()) {
            return YamlNode.parse(file, in);
        } catch (IOException e) {
            throw new PolicyFileException(file, 0, "cannot be read: " + e.getMessage());
        }
    }

    private static String until(YamlNode n, Map<String, DeadlineRule> rules) {
        String u = n.text("until");
        if (EmergencyDate.ofFileName(u) == null && !rules.containsKey(u)) {
            throw n.get("until").error("until must be lifted, level1Ended or a deadline rule code ("
                    + String.join(", ", rules.keySet()) + "), was '" + u + "'");
        }
        return u;
    }

    private static List<String> clauses(YamlNode n, Map<String, Clause> known) {
        List<String> out = n.texts("clauses");
        if (out.isEmpty()) {
            throw n.error("no clauses: cite the clause IDs of CLAUSES.md that require this");
        }
        for (int i = 0; i < out.size(); i++) {
            if (!CLAUSE.matcher(out.get(i)).matches()) {
                throw n.get("clauses").list().get(i).error("'" + out.get(i) + "' is not a clause ID like N-1c, SX-3 or FJ-1.3");
            }
            if (!known.containsKey(out.get(i))) {
                throw n.get("clauses").list().get(i).error("clause " + out.get(i) + " is not in policy/clauses.yml");
            }
        }
        return List.copyOf(out);
    }

    private static RegionCode region(YamlNode n, Jurisdictions jurisdictions) {
        String raw = n.text("region");
        try {
            RegionCode rc = new RegionCode(raw);
            if (jurisdictions.find(rc).isPresent()) {
                return rc;
            }
        } catch (InvalidInputException | IllegalArgumentException e) {
            // reported below
        }
        throw n.get("region").error("unknown region " + raw + " (not in policy/jurisdictions.yml)");
    }

    static int depth(RegionCode r) {
        return r.isNational() ? 0 : r.isProvince() ? 1 : r.isCity() ? 2 : 3;
    }

    public Jurisdictions jurisdictions() {
        return jurisdictions;
    }

    public Parameters parameters() {
        return parameters;
    }

    public HolidayCalendar calendar() {
        return calendar;
    }

    public DeadlineCalculus calculus() {
        return calculus;
    }

    /** The Civil Code's counting of periods, for other modules' rules. */
    public CivilPeriods periods() {
        return new CivilPeriods(calculus);
    }

    public List<DeadlineRule> rules() {
        return List.copyOf(rules.values());
    }

    public DeadlineRule rule(String code) {
        DeadlineRule r = rules.get(code);
        if (r == null) {
            throw new IllegalArgumentException("unknown deadline rule " + code);
        }
        return r;
    }

    /** The clauses of the notices by ID (policy/clauses.yml), in the notices' order. */
    public Map<String, Clause> clauses() {
        return clauses;
    }

    public List<Measure> measures() {
        return List.copyOf(measures.values());
    }

    public Measure measure(String code) {
        Measure m = measures.get(code);
        if (m == null) {
            throw new IllegalArgumentException("unknown measure " + code);
        }
        return m;
    }

    public List<EmergencySeed> emergencySeeds() {
        return seeds;
    }

    /** The deadline of a rule for one emergency: pending while its base date is unknown. */
    public Deadline deadline(DeadlineRule rule, Emergency e) {
        LocalDate base = e.date(rule.basis());
        if (base == null) {
            return new Deadline(rule, e.id(), null, null, null, true);
        }
        DeadlineCalculus.End end = calculus.endOf(base, rule.limit());
        return new Deadline(rule, e.id(), base, end.dueOn(), end.movedFrom(), end.calendarKnown());
    }

    /** The emergencies covering a region, the nearest jurisdiction first, the latest declared first. */
    public List<Emergency> covering(Collection<Emergency> all, RegionCode region) {
        return all.stream().filter(e -> e.covers(region))
                .sorted(Comparator.comparingInt((Emergency e) -> -depth(e.region()))
                        .thenComparing(Emergency::declaredOn, Comparator.reverseOrder()))
                .toList();
    }

    /** The emergency a region is in on a day (the nearest one), if any. */
    public Optional<Emergency> ongoing(Collection<Emergency> all, RegionCode region, LocalDate on) {
        return covering(all, region).stream().filter(e -> e.ongoingOn(on)).findFirst();
    }

    /** The emergency a deadline item of a region on a day hangs on: declared by then, the nearest one. */
    public Optional<Emergency> governing(Collection<Emergency> all, RegionCode region, LocalDate on) {
        return covering(all, region).stream().filter(e -> !on.isBefore(e.declaredOn())).findFirst();
    }

    /** Is measure M in force for region R on day D, given the emergencies? With the clauses that decide it. */
    public MeasureStatus measure(String code, RegionCode region, LocalDate on, Collection<Emergency> all) {
        Measure m = measure(code);
        List<String> clauses = new ArrayList<>();
        String until = m.until();
        for (Measure.Scope s : m.scopes()) {
            if (s.region().covers(region)) {
                clauses.addAll(s.clauses());
                if (s.until() != null) {
                    until = s.until();
                }
            }
        }
        if (clauses.isEmpty()) {
            return new MeasureStatus(m, false, List.of(), null, null, false, null, "measure.reason.notHere");
        }
        if (!m.implemented()) {
            return new MeasureStatus(m, false, List.copyOf(clauses), null, null, false, windowLabel(until),
                    "measure.reason.notImplemented");
        }
        MeasureStatus ended = null;
        for (Emergency e : covering(all, region)) {
            if (on.isBefore(e.declaredOn())) {
                continue;
            }
            LocalDate end = windowEnd(until, e);
            String label = windowLabel(until);
            if (end == null) {
                return new MeasureStatus(m, true, List.copyOf(clauses), e, null, true, label, "measure.reason.inForcePending");
            }
            if (!on.isAfter(end)) {
                return new MeasureStatus(m, true, List.copyOf(clauses), e, end, false, label, "measure.reason.inForce");
            }
            if (ended == null) {
                ended = new MeasureStatus(m, false, List.copyOf(clauses), e, end, false, label, "measure.reason.ended");
            }
        }
        return ended != null ? ended
                : new MeasureStatus(m, false, List.copyOf(clauses), null, null, false, windowLabel(until),
                        "measure.reason.noEmergency");
    }

    private LocalDate windowEnd(String until, Emergency e) {
        EmergencyDate d = EmergencyDate.ofFileName(until);
        return d != null ? e.date(d) : deadline(rule(until), e).dueOn();
    }

    /** What a window ends with, as the catalog says it: an emergency date (lifted …) or a deadline rule code. */
    private String windowLabel(String until) {
        return until;
    }
}
