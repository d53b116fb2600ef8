package org.shebao.policy.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.shebao.common.RegionCode;
import org.shebao.policy.Deadline;
import org.shebao.policy.internal.DeadlineCalculus;
import org.shebao.policy.Emergency;
import org.shebao.policy.internal.EmergencyDate;
import org.shebao.policy.MeasureStatus;
import org.shebao.policy.ParameterValue;
import org.shebao.policy.Parameters;
import org.shebao.policy.PolicyBook;
import org.shebao.policy.internal.PolicyFileException;
import org.shebao.policy.ScenarioExtension;
import org.shebao.policy.internal.TimeLimit;
import org.shebao.policy.internal.YamlNode;
import java.util.HashSet;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.shebao.policy.Measures;

/**
 * Replays a scenario file (format: {@code docs/scenarios.md}) against the policy set: emergency dates, a clock,
 * tracked items, dated events, and expectations on deadlines, measures (decisions with their clauses) and
 * parameters. The same pure functions the platform uses answer ({@link PolicyBook}); the emergencies and tracked
 * items live in memory, exactly as the database services keep them.
 */
public final class ScenarioRunner {

    /** One checked expectation: where it is in the file, what it checked, and whether it held. */
    public record Outcome(int line, String what, boolean passed, String detail, List<String> clauses) {
    }

    /** The result of one file. */
    public record Result(String file, String title, List<String> clauses, List<Outcome> outcomes) {
        public boolean passed() {
            return outcomes.stream().allMatch(Outcome::passed);
        }

        /** The clauses the header names that no expectation of the file exercises (should be none). */
        public List<String> unexercised() {
            Set<String> seen = new HashSet<>();
            outcomes.forEach(o -> seen.addAll(o.clauses()));
            return clauses.stream().filter(c -> !seen.contains(c)).toList();
        }
    }

    private record Item(String ref, String rule, long emergencyId, RegionCode region, boolean open) {
    }

    private static final List<ScenarioExtension> EXTENSIONS = ServiceLoader.load(ScenarioExtension.class)
            .stream().map(ServiceLoader.Provider::get).toList();
    private final PolicyBook base;

    public ScenarioRunner(PolicyBook base) {
        this.base = base;
    }

    public Result run(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return run(YamlNode.parse(file.toString(), in));
        } catch (IOException e) {
            throw new PolicyFileException(file.toString(), 0, "cannot be read: " + e.getMessage());
        }
    }

    public Result run(YamlNode root) {
        root.onlyKeys("scenario", "clauses", "region", "clock", "emergencies", "parameters", "facts", "steps");
        PolicyBook book = base;
        Parameters parameters = base.parameters();
        if (root.has("parameters")) {
            List<YamlNode> docs = new ArrayList<>(Parameters.files());
            docs.add(root);
            parameters = Parameters.from(docs, base.jurisdictions());
        }
        State s = new State(book, parameters, root.date("clock"),
                base.jurisdictions().requireServed(root.text("region"), "region").code());
        for (YamlNode e : root.list("emergencies")) {
            s.declare(e);
        }
        if (root.has("facts")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> facts = (Map<String, Object>) root.get("facts").plain();
            s.facts = facts;
        }
        for (YamlNode step : root.list("steps")) {
            s.step(step);
        }
        return new Result(root.file(), root.text("scenario"), root.texts("clauses"), s.outcomes);
    }

    private static final class State {
        private final PolicyBook book;
        private final Parameters parameters;
        private LocalDate today;
        private final RegionCode region;
        private final Map<String, Emergency> emergencies = new LinkedHashMap<>();
        private final Map<String, Item> items = new LinkedHashMap<>();
        private final List<Outcome> outcomes = new ArrayList<>();
        private int lastGotDeadline = -1;
        private Map<String, Object> facts = Map.of();

        State(PolicyBook book, Parameters parameters, LocalDate today, RegionCode region) {
            this.book = book;
            this.parameters = parameters;
            this.today = today;
            this.region = region;
        }

        void declare(YamlNode e) {
            e.onlyKeys("id", "region", "name", "declaredOn", "level1EndedOn", "liftedOn");
            String id = e.text("id");
            LocalDate declared = e.date("declaredOn");
            LocalDate level1 = e.dateOrNull("level1EndedOn");
            LocalDate lifted = e.dateOrNull("liftedOn");
            String problem = PolicyBook.checkDates(declared, level1, lifted);
            if (problem != null) {
                throw e.error("emergency " + id + ": " + problem);
            }
            if (emergencies.containsKey(id)) {
                throw e.error("emergency id " + id + " is used twice");
            }
            RegionCode r = region(e, "region");
            emergencies.put(id, new Emergency(emergencies.size() + 1, r, e.has("name") ? e.text("name") : id,
                    declared, level1, lifted, 0));
        }

        private RegionCode region(YamlNode n, String key) {
            if (!n.has(key)) {
                return region;
            }
            String raw = n.text(key);
            try {
                return book.jurisdictions().requireServed(raw, key).code();
            } catch (RuntimeException x) {
                throw n.get(key).error("unknown region " + raw);
            }
        }

        void step(YamlNode step) {
            step.onlyKeys("at", "track", "enter", "close", "expect");
            if (step.has("at")) {
                LocalDate at = step.date("at");
                if (at.isBefore(today)) {
                    throw step.get("at").error("the clock cannot go back (" + at + " is before " + today + ")");
                }
                today = at;
            }
            if (step.has("track")) {
                track(step.get("track"));
            }
            if (step.has("enter")) {
                enter(step.get("enter"));
            }
            if (step.has("close")) {
                String ref = step.text("close");
                Item it = items.get(ref);
                if (it == null) {
                    throw step.get("close").error("no tracked item " + ref);
                }
                items.put(ref, new Item(ref, it.rule(), it.emergencyId(), it.region(), false));
            }
            if (step.has("expect")) {
                YamlNode ex = step.get("expect");
                for (YamlNode e : ex.isList() ? ex.list() : List.of(ex)) {
                    expect(e);
                }
            }
        }

        private Emergency byId(long id) {
            return emergencies.values().stream().filter(e -> e.id() == id).findFirst().orElseThrow();
        }

        private void track(YamlNode t) {
            t.onlyKeys("item", "rule", "on", "region");
            String rule = t.text("rule");
            requireRule(t.get("rule"), rule);
            RegionCode r = region(t, "region");
            LocalDate on = t.has("on") ? t.date("on") : today;
            Emergency e = book.governing(emergencies.values(), r, on).orElseThrow(() ->
                    t.error("no emergency covers " + r + " on " + on + ": rule " + rule + " does not apply"));
            items.put(t.text("item"), new Item(t.text("item"), rule, e.id(), r, true));
        }

        private void requireRule(YamlNode n, String rule) {
            try {
                book.rule(rule);
            } catch (IllegalArgumentException x) {
                throw n.error("unknown deadline rule " + rule);
            }
        }

        private void enter(YamlNode n) {
            n.onlyKeys("emergency", "level1EndedOn", "liftedOn", "reason");
            String id = n.text("emergency");
            Emergency before = emergencies.get(id);
            if (before == null) {
                throw n.get("emergency").error("no emergency with id " + id);
            }
            Emergency after = before;
            if (n.has("level1EndedOn")) {
                after = after.with(EmergencyDate.LEVEL1_ENDED, n.date("level1EndedOn"));
            }
            if (n.has("liftedOn")) {
                after = after.with(EmergencyDate.LIFTED, n.date("liftedOn"));
            }
            String problem = PolicyBook.checkDates(after.declaredOn(), after.level1EndedOn(), after.liftedOn());
            if (problem != null) {
                throw n.error("emergency " + id + ": " + problem);
            }
            boolean correction = (before.level1EndedOn() != null && !Objects.equals(before.level1EndedOn(), after.level1EndedOn()))
                    || (before.liftedOn() != null && !Objects.equals(before.liftedOn(), after.liftedOn()));
            if (correction && !n.has("reason")) {
                throw n.error("correcting a date already entered needs a reason");
            }
            int got = 0;
            for (Item it : items.values()) {
                if (it.open() && it.emergencyId() == before.id()) {
                    Deadline old = book.deadline(book.rule(it.rule()), before);
                    Deadline now = book.deadline(book.rule(it.rule()), after);
                    if (old.isPending() && !now.isPending()) {
                        got++;
                    }
                }
            }
            emergencies.put(id, after);
            lastGotDeadline = got;
        }

        private void expect(YamlNode e) {
            int line = e.line();
            if (e.has("deadline")) {
                e.onlyKeys("deadline", "pending", "due", "movedFrom", "status");
                String ref = e.text("deadline");
                Item it = items.get(ref);
                if (it == null) {
                    throw e.get("deadline").error("no tracked item " + ref);
                }
                Deadline d = book.deadline(book.rule(it.rule()), byId(it.emergencyId()));
                String want;
                String got;
                if (e.bool("pending", false)) {
                    want = "pending";
                    got = d.isPending() ? "pending" : "due " + d.dueOn();
                } else {
                    want = "due " + e.date("due");
                    got = d.isPending() ? "pending" : "due " + d.dueOn();
                    if (e.has("movedFrom")) {
                        want += movedText(dateOrNone(e, "movedFrom"));
                        got += d.isPending() ? "" : movedText(d.movedFrom());
                    }
                    if (e.has("status")) {
                        want += ", " + e.text("status");
                        got += ", " + d.status(today).name().toLowerCase();
                    }
                }
                check(line, "deadline of " + ref + " (" + it.rule() + ")", want, got, book.rule(it.rule()).clauses());
            } else if (e.has("period")) {
                e.onlyKeys("period", "due", "movedFrom");
                YamlNode p = e.get("period");
                p.onlyKeys("from", "plus");
                TimeLimit limit = TimeLimit.parseOrNull(p.text("plus"));
                if (limit == null) {
                    throw p.get("plus").error("'plus' must read like '3 months' or '15 days'");
                }
                DeadlineCalculus.End end = book.calculus().endOf(p.date("from"), limit);
                String got = "due " + end.dueOn() + (e.has("movedFrom") ? movedText(end.movedFrom()) : "");
                String want = "due " + e.date("due") + (e.has("movedFrom") ? movedText(dateOrNone(e, "movedFrom")) : "");
                check(line, p.date("from") + " + " + limit, want, got);
            } else if (e.has("measure")) {
                e.onlyKeys("measure", "on", "region", "inForce", "clauses", "until", "reason");
                String code = e.text("measure");
                LocalDate on = e.has("on") ? e.date("on") : today;
                RegionCode r = region(e, "region");
                MeasureStatus st;
                try {
                    st = book.measure(code, r, on, emergencies.values());
                } catch (IllegalArgumentException x) {
                    throw e.get("measure").error("unknown measure " + code);
                }
                StringBuilder want = new StringBuilder(e.bool("inForce", true) ? "in force" : "not in force");
                StringBuilder got = new StringBuilder(st.inForce() ? "in force" : "not in force");
                if (e.has("clauses")) {
                    want.append(" ").append(e.texts("clauses"));
                    got.append(" ").append(st.clauses());
                }
                if (e.has("until")) {
                    want.append(" until ").append(e.text("until"));
                    got.append(" until ").append(st.untilPending() ? "pending" : String.valueOf(st.until()));
                }
                if (e.has("reason")) {
                    want.append(" (").append(e.text("reason")).append(")");
                    got.append(" (").append(st.reason()).append(")");
                }
                // a measure not built yet exercises no clause: the expectation only shows the catalog says so
                check(line, "measure " + code + " in " + r + " on " + on, want.toString(), got.toString(),
                        st.measure().implemented() ? st.clauses() : List.of());
            } else if (e.has("parameter")) {
                e.onlyKeys("parameter", "on", "region", "value", "source", "definedBy", "illustrative", "none");
                String key = e.text("parameter");
                LocalDate on = e.has("on") ? e.date("on") : today;
                RegionCode r = region(e, "region");
                ParameterValue v;
                try {
                    v = parameters.find(key, r, on).orElse(null);
                } catch (IllegalArgumentException x) {
                    throw e.get("parameter").error("unknown parameter " + key);
                }
                String what = "parameter " + key + " for " + r + " on " + on;
                if (e.bool("none", false)) {
                    check(line, what, "no value", v == null ? "no value" : v.display());
                    return;
                }
                String want = e.text("value") + (e.has("source") ? " [" + e.text("source") + "]" : "")
                        + (e.has("definedBy") ? " from " + e.text("definedBy") : "")
                        + (e.has("illustrative") ? (e.bool("illustrative", false) ? " illustrative" : " official") : "");
                String got = v == null ? "no value" : normalise(v.value(), e.text("value"))
                        + (e.has("source") ? " [" + v.source() + "]" : "")
                        + (e.has("definedBy") ? " from " + v.region() : "")
                        + (e.has("illustrative") ? (v.illustrative() ? " illustrative" : " official") : "");
                check(line, what, want, got, v == null ? List.of() : clausesIn(v.source()));
            } else if (e.has("retirement")) {
                e.onlyKeys("retirement", "birth", "region", "reachedOn");
                String key = e.text("retirement");
                LocalDate birth = e.date("birth");
                check(line, key + " for someone born " + birth, "reached on " + e.date("reachedOn"),
                        "reached on " + parameters.retirementDate(key, region(e, "region"), birth));
            } else if (e.has("itemsGotDeadline")) {
                e.onlyKeys("itemsGotDeadline");
                check(line, "open items that got a deadline at the last date entry", e.text("itemsGotDeadline"),
                        String.valueOf(lastGotDeadline));
            } else {
                for (ScenarioExtension x : EXTENSIONS) {
                    for (String kind : x.kinds()) {
                        if (e.has(kind)) {
                            ScenarioExtension.Check c;
                            try {
                                @SuppressWarnings("unchecked")
                                Map<String, Object> plain = (Map<String, Object>) e.plain();
                                c = x.check(plain, context());
                            } catch (IllegalArgumentException | IllegalStateException ex) {
                                throw e.error(ex.getMessage());
                            }
                            check(line, c.what(), c.want(), c.got(), c.clauses());
                            return;
                        }
                    }
                }
                throw e.error("unknown expectation: use deadline, period, measure, parameter, retirement, "
                        + "itemsGotDeadline" + EXTENSIONS.stream().flatMap(x -> x.kinds().stream())
                        .map(k -> ", " + k).reduce("", String::concat));
            }
        }

        private ScenarioExtension.Context context() {
            State self = this;
            return new ScenarioExtension.Context() {
                @Override
                public LocalDate today() {
                    return self.today;
                }

                @Override
                public RegionCode region() {
                    return self.region;
                }

                @Override
                public Parameters parameters() {
                    return self.parameters;
                }

                @Override
                public MeasureStatus measure(String code, RegionCode r, LocalDate on) {
                    return book.measure(code, r, on, emergencies.values());
                }

                @Override
                public Measures measures() {
                    return Measures.over(book, emergencies::values);
                }

                @Override
                public Map<String, Object> facts() {
                    return self.facts;
                }
            };
        }

        private static String movedText(LocalDate d) {
            return d == null ? ", not moved" : ", moved from " + d;
        }

        private static LocalDate dateOrNone(YamlNode e, String key) {
            return "none".equals(e.get(key).text()) ? null : e.date(key);
        }

        private void check(int line, String what, String want, String got) {
            check(line, what, want, got, List.of());
        }

        private void check(int line, String what, String want, String got, List<String> clauses) {
            boolean ok = want.equals(got);
            outcomes.add(new Outcome(line, what, ok, ok ? got : "expected " + want + ", got " + got, List.copyOf(clauses)));
        }

        private static final Pattern CLAUSE_ID =
                Pattern.compile("\\b(N|SX|FJ)-\\d+(\\.\\d+)?[a-z]?\\b");

        /** The clause IDs a parameter's source cites (e.g. "FJ-1.3", "N-1c（…）"). */
        private static List<String> clausesIn(String source) {
            List<String> out = new ArrayList<>();
            Matcher m = CLAUSE_ID.matcher(source == null ? "" : source);
            while (m.find()) {
                out.add(m.group());
            }
            return out;
        }

        private static String normalise(Object value, String wanted) {
            if (value instanceof BigDecimal b) {
                try {
                    return b.compareTo(new BigDecimal(wanted)) == 0 ? wanted : b.toPlainString();
                } catch (NumberFormatException x) {
                    return b.toPlainString();
                }
            }
            return String.valueOf(value);
        }
    }
}
