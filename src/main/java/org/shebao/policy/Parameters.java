package org.shebao.policy;

import org.shebao.policy.internal.ParameterDefinition;
import org.shebao.policy.internal.ParameterType;
import org.shebao.policy.internal.PolicyFileException;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.shebao.common.InvalidInputException;
import org.shebao.common.Money;
import org.shebao.common.RegionCode;
import org.shebao.policy.ParameterValues.Brackets;
import org.shebao.policy.ParameterValues.Range;
import org.shebao.policy.ParameterValues.RateTable;
import org.shebao.policy.ParameterValues.RetirementAge;
import org.shebao.policy.ParameterValues.Table;
import org.shebao.policy.internal.YamlNode;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Policy parameters as data (OpenFisca-style): each value has an effective period, a jurisdiction and a source.
 * A lookup asks “value of P for region R on date D”: the nearest jurisdiction on the path R → province → national
 * that has a value in force on D answers. A province overriding a national value must say so ({@code overrides}),
 * and two values for the same key, region and date are a load error, as is a missing source or an unknown region.
 */
public final class Parameters {
    public static final String LOCATION = "classpath*:policy/parameters/*.yml";

    private final Map<String, ParameterDefinition> definitions;
    private final Map<String, Map<RegionCode, List<ParameterValue>>> values;
    private final Jurisdictions jurisdictions;

    private Parameters(Map<String, ParameterDefinition> definitions,
                       Map<String, Map<RegionCode, List<ParameterValue>>> values, Jurisdictions jurisdictions) {
        this.definitions = definitions;
        this.values = values;
        this.jurisdictions = jurisdictions;
    }

    /** Reads every file under {@code policy/parameters/} on the class path. */
    public static Parameters load(Jurisdictions jurisdictions) {
        return from(files(), jurisdictions);
    }

    /** The parameter files on the class path, parsed, in file-name order. */
    public static List<YamlNode> files() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources(LOCATION);
            Arrays.sort(files, Comparator.comparing(Resource::getFilename));
            List<YamlNode> docs = new ArrayList<>();
            for (Resource r : files) {
                try (InputStream in = r.getInputStream()) {
                    docs.add(YamlNode.parse("policy/parameters/" + r.getFilename(), in));
                }
            }
            if (docs.isEmpty()) {
                throw new PolicyFileException("policy/parameters", 0, "no parameter files found");
            }
            for (YamlNode d : docs) {
                d.onlyKeys("parameters");
            }
            return docs;
        } catch (IOException e) {
            throw new PolicyFileException("policy/parameters", 0, "cannot be read: " + e.getMessage());
        }
    }

    /** The parameter files ({@code *.yml}) of a directory, parsed, in file-name order. */
    public static List<YamlNode> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new PolicyFileException(dir.toString(), 0, "is not a directory");
        }
        try (Stream<Path> s = Files.list(dir)) {
            List<YamlNode> docs = new ArrayList<>();
            for (Path f : s.filter(x -> x.toString().endsWith(".yml")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(f)) {
                    YamlNode d = YamlNode.parse(f.toString(), in);
                    d.onlyKeys("parameters");
                    docs.add(d);
                }
            }
            return docs;
        } catch (IOException e) {
            throw new PolicyFileException(dir.toString(), 0, "cannot be read: " + e.getMessage());
        }
    }

    /** Builds the set from parsed files (in order), each with a {@code parameters} list; the same checks whatever
     *  the files' origin (the shipped files, or those plus a scenario's own values). */
    public static Parameters from(List<YamlNode> docs, Jurisdictions jurisdictions) {
        Map<String, ParameterDefinition> definitions = new LinkedHashMap<>();
        List<YamlNode[]> pending = new ArrayList<>();
        for (YamlNode doc : docs) {
            for (YamlNode p : doc.list("parameters")) {
                p.onlyKeys("key", "type", "name", "nameEn", "unit", "values");
                String key = p.text("key");
                if (p.has("type")) {
                    if (definitions.containsKey(key)) {
                        throw p.error("parameter '" + key + "' is defined twice (a file adding values to it must leave out 'type')");
                    }
                    String t = p.text("type");
                    ParameterType type = Arrays.stream(ParameterType.values())
                            .filter(x -> camel(x).equals(t)).findFirst()
                            .orElseThrow(() -> p.get("type").error("unknown type '" + t + "' (expected one of "
                                    + String.join(", ", ParameterValues.typeNames()) + ")"));
                    definitions.put(key, new ParameterDefinition(key, type, p.text("name"),
                            p.textOrNull("nameEn") == null ? key : p.textOrNull("nameEn"), p.textOrNull("unit")));
                }
                pending.add(new YamlNode[] {p});
            }
        }
        Map<String, Map<RegionCode, List<ParameterValue>>> values = new LinkedHashMap<>();
        for (YamlNode[] holder : pending) {
            YamlNode p = holder[0];
            String key = p.text("key");
            ParameterDefinition def = definitions.get(key);
            if (def == null) {
                throw p.error("unknown parameter '" + key + "': no file defines it (with a 'type')");
            }
            for (YamlNode v : p.list("values")) {
                ParameterValue pv = value(def, v, jurisdictions);
                values.computeIfAbsent(key, k -> new TreeMap<>(Comparator.comparing(RegionCode::value)))
                        .computeIfAbsent(pv.region(), r -> new ArrayList<>()).add(pv);
            }
        }
        for (ParameterDefinition def : definitions.values()) {
            if (!values.containsKey(def.key())) {
                throw new PolicyFileException("policy/parameters", 0, "parameter '" + def.key() + "' has no value");
            }
        }
        check(values, jurisdictions);
        return new Parameters(definitions, values, jurisdictions);
    }

    static String camel(ParameterType t) {
        String[] parts = t.name().toLowerCase().split("_");
        StringBuilder b = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            b.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return b.toString();
    }

    private static ParameterValue value(ParameterDefinition def, YamlNode v, Jurisdictions jurisdictions) {
        v.onlyKeys("region", "from", "to", "value", "source", "illustrative", "overrides", "note");
        String rawRegion = v.text("region");
        RegionCode region;
        try {
            region = new RegionCode(rawRegion);
        } catch (InvalidInputException | IllegalArgumentException e) {
            throw v.get("region").error("region '" + rawRegion + "' is not a six-digit GB/T 2260 code");
        }
        if (jurisdictions.find(region).isEmpty()) {
            throw v.get("region").error("unknown region " + rawRegion + " (not in policy/jurisdictions.yml)");
        }
        LocalDate from = v.date("from");
        LocalDate to = v.dateOrNull("to");
        if (to != null && to.isBefore(from)) {
            throw v.get("to").error("'to' " + to + " is before 'from' " + from);
        }
        if (!v.has("source") || v.text("source").isBlank()) {
            throw v.error("value of '" + def.key() + "' for " + rawRegion + " from " + from
                    + " has no source (a clause ID or a law article)");
        }
        RegionCode overrides = null;
        if (v.has("overrides")) {
            String o = v.text("overrides");
            try {
                overrides = new RegionCode(o);
            } catch (InvalidInputException | IllegalArgumentException e) {
                throw v.get("overrides").error("'overrides' must be a region code, was '" + o + "'");
            }
            if (overrides.equals(region) || !overrides.covers(region)) {
                throw v.get("overrides").error(o + " is not above " + rawRegion + ": a value can only override a higher jurisdiction's");
            }
        }
        Object value = typed(def, v.get("value"));
        return new ParameterValue(def, region, from, to, value, v.text("source"), v.bool("illustrative", false),
                overrides, v.textOrNull("note"), v.file(), v.line());
    }

    private static Object typed(ParameterDefinition def, YamlNode n) {
        return switch (def.type()) {
            case MONEY -> {
                BigDecimal b = n.decimal();
                if (b.signum() < 0 || b.scale() > 2) {
                    throw n.error("an amount in yuan must be non-negative with at most two decimals, was " + n.text());
                }
                yield Money.exact(b).amount();
            }
            case DECIMAL -> n.decimal();
            case INTEGER -> n.integer();
            case DATE -> n.date();
            case TEXT -> n.text();
            case RANGE -> {
                n.onlyKeys("min", "max");
                BigDecimal min = n.get("min").decimal();
                BigDecimal max = n.get("max").decimal();
                if (min.compareTo(max) > 0) {
                    throw n.error("range min " + min + " is above max " + max);
                }
                yield new Range(min, max);
            }
            case TABLE -> {
                TreeMap<Integer, Integer> rows = new TreeMap<>();
                for (Map.Entry<String, YamlNode> e : n.entries().entrySet()) {
                    int k = tableKey(e);
                    rows.put(k, e.getValue().integer());
                }
                if (rows.isEmpty()) {
                    throw n.error("the table is empty");
                }
                yield new Table(rows);
            }
            case RATE_TABLE -> {
                TreeMap<Integer, BigDecimal> rows = new TreeMap<>();
                for (Map.Entry<String, YamlNode> e : n.entries().entrySet()) {
                    int k = tableKey(e);
                    BigDecimal rate = e.getValue().decimal();
                    if (rate.signum() < 0) {
                        throw e.getValue().error("a rate must not be negative, was " + rate.toPlainString());
                    }
                    rows.put(k, rate);
                }
                if (rows.isEmpty()) {
                    throw n.error("the table is empty");
                }
                yield new RateTable(rows);
            }
            case BRACKETS -> {
                TreeMap<BigDecimal, Integer> steps = new TreeMap<>();
                for (YamlNode s : n.list()) {
                    s.onlyKeys("atLeast", "value");
                    BigDecimal at = s.get("atLeast").decimal();
                    if (steps.put(at, s.integer("value")) != null) {
                        throw s.error("threshold " + at + " is listed twice");
                    }
                }
                if (steps.isEmpty()) {
                    throw n.error("no brackets");
                }
                yield new Brackets(steps);
            }
            case RETIREMENT_AGE -> {
                n.onlyKeys("years", "riseFrom", "everyMonths", "maxRiseMonths");
                int years = n.integer("years");
                if (years < 40 || years > 70) {
                    throw n.get("years").error("a retirement age of " + years + " is outside 40–70");
                }
                if (n.has("riseFrom")) {
                    int every = n.integer("everyMonths");
                    int max = n.integer("maxRiseMonths");
                    if (every < 1 || max < 1) {
                        throw n.error("everyMonths and maxRiseMonths must be at least 1");
                    }
                    yield new RetirementAge(years, n.get("riseFrom").month(), every, max);
                }
                yield new RetirementAge(years, null, 0, 0);
            }
        };
    }

    private static void check(Map<String, Map<RegionCode, List<ParameterValue>>> values, Jurisdictions jurisdictions) {
        for (Map<RegionCode, List<ParameterValue>> byRegion : values.values()) {
            for (List<ParameterValue> list : byRegion.values()) {
                list.sort(Comparator.comparing(ParameterValue::from));
                for (int i = 1; i < list.size(); i++) {
                    ParameterValue a = list.get(i - 1);
                    ParameterValue b = list.get(i);
                    if (a.overlaps(b)) {
                        throw new PolicyFileException(b.file(), b.line(), "'" + b.key() + "' for " + b.region()
                                + " from " + b.from() + " overlaps the value from " + a.from()
                                + (a.to() == null ? " (no end date)" : " to " + a.to()) + " at " + a.where());
                    }
                }
            }
            for (List<ParameterValue> list : byRegion.values()) {
                for (ParameterValue v : list) {
                    checkOverride(v, byRegion, jurisdictions);
                }
            }
        }
    }

    /** A value below national must name the higher jurisdiction it overrides, and only if it really overlaps one. */
    private static void checkOverride(ParameterValue v, Map<RegionCode, List<ParameterValue>> byRegion,
                                      Jurisdictions jurisdictions) {
        List<Jurisdiction> path = jurisdictions.path(v.region());
        ParameterValue shadowed = null;
        for (int i = path.size() - 2; i >= 0 && shadowed == null; i--) {
            for (ParameterValue w : byRegion.getOrDefault(path.get(i).code(), List.of())) {
                if (w.overlaps(v)) {
                    shadowed = w;
                    break;
                }
            }
        }
        if (shadowed != null && !shadowed.region().equals(v.overrides())) {
            throw new PolicyFileException(v.file(), v.line(), "'" + v.key() + "' for " + v.region() + " from "
                    + v.from() + " is in force at the same time as the value of " + shadowed.region() + " at "
                    + shadowed.where() + "; say 'overrides: \"" + shadowed.region() + "\"' if it replaces it there");
        }
        if (shadowed == null && v.overrides() != null) {
            throw new PolicyFileException(v.file(), v.line(), "'" + v.key() + "' for " + v.region()
                    + " says it overrides " + v.overrides() + ", but " + v.overrides() + " has no value in force then");
        }
    }

    public List<ParameterDefinition> definitions() {
        return List.copyOf(definitions.values());
    }

    /** The keys of the parameters whose key starts with {@code prefix}, in the files' order (e.g. one per bank). */
    public List<String> keys(String prefix) {
        return definitions.keySet().stream().filter(k -> k.startsWith(prefix)).toList();
    }

    public Optional<ParameterDefinition> definition(String key) {
        return Optional.ofNullable(definitions.get(key));
    }

    /** Every value of a parameter, by region (national first) and date. */
    public List<ParameterValue> history(String key) {
        List<ParameterValue> out = new ArrayList<>();
        values.getOrDefault(key, Map.of()).values().forEach(out::addAll);
        return out;
    }

    /** The value of P for region R on date D, from the nearest jurisdiction that has one. */
    public Optional<ParameterValue> find(String key, RegionCode region, LocalDate on) {
        Map<RegionCode, List<ParameterValue>> byRegion = values.get(key);
        if (byRegion == null) {
            throw new IllegalArgumentException("unknown parameter " + key);
        }
        List<Jurisdiction> path = jurisdictions.path(region);
        if (path.isEmpty()) {
            path = jurisdictions.path(region.city());
        }
        if (path.isEmpty()) {
            path = jurisdictions.path(region.province());
        }
        if (path.isEmpty()) {
            path = List.of(jurisdictions.get(RegionCode.NATIONAL));
        }
        for (int i = path.size() - 1; i >= 0; i--) {
            for (ParameterValue v : byRegion.getOrDefault(path.get(i).code(), List.of())) {
                if (v.inForceOn(on)) {
                    return Optional.of(v);
                }
            }
        }
        return Optional.empty();
    }

    public ParameterValue require(String key, RegionCode region, LocalDate on) {
        return find(key, region, on).orElseThrow(() -> new MissingParameterException(key, region, on));
    }

    /** An amount parameter (type {@code money}) used as money. */
    public Money money(String key, RegionCode region, LocalDate on) {
        return new Money(as(key, region, on, BigDecimal.class));
    }

    public BigDecimal decimal(String key, RegionCode region, LocalDate on) {
        return as(key, region, on, BigDecimal.class);
    }

    public int integer(String key, RegionCode region, LocalDate on) {
        return as(key, region, on, Integer.class);
    }

    public LocalDate date(String key, RegionCode region, LocalDate on) {
        return as(key, region, on, LocalDate.class);
    }

    public Range range(String key, RegionCode region, LocalDate on) {
        return as(key, region, on, Range.class);
    }

    public Table table(String key, RegionCode region, LocalDate on) {
        return as(key, region, on, Table.class);
    }

    public RateTable rateTable(String key, RegionCode region, LocalDate on) {
        return as(key, region, on, RateTable.class);
    }

    public Brackets brackets(String key, RegionCode region, LocalDate on) {
        return as(key, region, on, Brackets.class);
    }

    /**
     * The day a person born on {@code birth} reaches the retirement age of {@code key} in {@code region}: the rule
     * in force on the day they reach its base age decides (so the 2025 gradual rise applies from its start date).
     */
    public LocalDate retirementDate(String key, RegionCode region, LocalDate birth) {
        RetirementAge before = as(key, region, birth.plusYears(60), RetirementAge.class);
        LocalDate base = birth.plusYears(before.years());
        return as(key, region, base, RetirementAge.class).reachedOn(birth);
    }

    private <T> T as(String key, RegionCode region, LocalDate on, Class<T> type) {
        Object v = require(key, region, on).value();
        if (!type.isInstance(v)) {
            throw new IllegalArgumentException("parameter " + key + " is not a " + type.getSimpleName());
        }
        return type.cast(v);
    }

    /** A rule asked for a value no file provides for that region and date. */
    public static class MissingParameterException extends IllegalStateException {
        public MissingParameterException(String key, RegionCode region, LocalDate on) {
            super("no value of parameter " + key + " for region " + region + " on " + on);
        }
    }

    /** A table's row key: a whole number (an age, a risk class). */
    private static int tableKey(Map.Entry<String, YamlNode> e) {
        try {
            return Integer.parseInt(e.getKey());
        } catch (NumberFormatException x) {
            throw e.getValue().error("table key '" + e.getKey() + "' must be a whole number");
        }
    }
}
