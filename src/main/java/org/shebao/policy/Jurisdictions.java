package org.shebao.policy;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.shebao.common.InvalidInputException;
import org.shebao.common.RegionCode;
import org.springframework.core.io.Resource;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The jurisdiction tree, read from {@code policy/jurisdictions.yml} at start. A broken file stops the platform
 * with a message naming the file and the reason, rather than letting it run on a wrong tree.
 */
public class Jurisdictions {
    private final Map<RegionCode, Jurisdiction> byCode = new LinkedHashMap<>();
    private final Set<String> provinces = new TreeSet<>();

    public Jurisdictions(Resource file) {
        load(file);
    }

    private void load(Resource file) {
        String name = file.getFilename();
        JsonNode root;
        try (InputStream in = file.getInputStream()) {
            root = new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("policy/" + name + ": cannot be read: " + e.getMessage(), e);
        }
        for (JsonNode p : root.path("provinces")) {
            provinces.add(p.asString());
        }
        int index = 0;
        for (JsonNode n : root.path("jurisdictions")) {
            index++;
            String where = "policy/" + name + ", jurisdiction #" + index;
            String code = n.path("code").asString(null);
            if (code == null || !code.matches("\\d{6}")) {
                throw new IllegalStateException(where + ": code must be six digits (GB/T 2260), was " + code);
            }
            RegionCode rc = new RegionCode(code);
            if (byCode.containsKey(rc)) {
                throw new IllegalStateException(where + ": code " + code + " is listed twice");
            }
            RegionCode parent = null;
            if (n.hasNonNull("parent")) {
                parent = new RegionCode(n.get("parent").asString());
                if (!byCode.containsKey(parent)) {
                    throw new IllegalStateException(where + ": parent " + parent + " must be listed before " + code);
                }
                if (!parent.covers(rc) || parent.equals(rc)) {
                    throw new IllegalStateException(where + ": " + parent + " cannot be the parent of " + code);
                }
            } else if (!rc.isNational()) {
                throw new IllegalStateException(where + ": " + code + " needs a parent");
            }
            for (String field : List.of("name", "nameEn", "agency")) {
                if (n.path(field).asString("").isBlank()) {
                    throw new IllegalStateException(where + ": " + field + " is missing");
                }
            }
            if (!rc.isNational() && !provinces.contains(rc.province().value())) {
                throw new IllegalStateException(where + ": " + code + " is not in a GB/T 2260 province");
            }
            byCode.put(rc, new Jurisdiction(rc, n.get("name").asString(), n.get("nameEn").asString(), parent,
                    n.get("agency").asString()));
        }
        if (!byCode.containsKey(RegionCode.NATIONAL)) {
            throw new IllegalStateException("policy/" + name + ": the national jurisdiction 000000 is missing");
        }
    }

    public List<Jurisdiction> all() {
        return List.copyOf(byCode.values());
    }

    public Optional<Jurisdiction> find(RegionCode code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public Jurisdiction get(RegionCode code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException("unknown jurisdiction " + code));
    }

    /** The jurisdiction a record is managed by (参保地): must be one this platform serves. */
    public Jurisdiction requireServed(String raw, String field) {
        RegionCode code = RegionCode.parse(raw, field);
        return find(code).orElseThrow(() -> InvalidInputException.of(field, "error.region.unknown", code.value()));
    }

    /** A household registration (户籍地) may lie anywhere in the country, but in a real province. */
    public RegionCode requirePlausibleAddress(String raw, String field) {
        RegionCode code = RegionCode.parse(raw, field);
        if (code.isNational() || !provinces.contains(code.province().value())) {
            throw InvalidInputException.of(field, "error.region.unknown", code.value());
        }
        return code;
    }

    /** Cities (and below) this platform serves inside the given scope, e.g. for a clerk's region drop-down. */
    public List<Jurisdiction> servedWithin(RegionCode scope) {
        List<Jurisdiction> out = new ArrayList<>();
        for (Jurisdiction j : byCode.values()) {
            if (scope.covers(j.code()) && j.code().isCity()) {
                out.add(j);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** National → province → … → the code itself (only the levels this platform knows). */
    public List<Jurisdiction> path(RegionCode code) {
        List<Jurisdiction> out = new ArrayList<>();
        Jurisdiction j = byCode.get(code);
        while (j != null) {
            out.add(0, j);
            j = j.parent() == null ? null : byCode.get(j.parent());
        }
        return out;
    }

    /** A readable name for any code: the served jurisdiction's (Chinese) name, or the code itself. */
    public String nameOf(String code) {
        return nameOf(code, Locale.SIMPLIFIED_CHINESE);
    }

    /** The same in the reader's language (the English name for English). */
    public String nameOf(String code, Locale locale) {
        if (code == null) {
            return "";
        }
        try {
            return find(new RegionCode(code)).map(j -> j.displayName(locale)).orElse(code);
        } catch (InvalidInputException e) {
            return code;
        }
    }

    /**
     * A place named for people, also below the levels this platform serves: a district of a served city reads
     * "福州市辖区县" ("a district of Fuzhou"), one of a served province "福建省辖区县"; never the bare code unless the
     * province is unknown too.
     */
    public String placeOf(String code, Locale locale) {
        if (code == null || code.isBlank()) {
            return "";
        }
        try {
            RegionCode region = new RegionCode(code);
            Optional<Jurisdiction> known = find(region);
            if (known.isPresent()) {
                return known.get().displayName(locale);
            }
            boolean en = "en".equals(locale.getLanguage());
            for (RegionCode above : List.of(region.city(), region.province())) {
                Optional<Jurisdiction> j = find(above);
                if (j.isPresent()) {
                    return en ? "a district of " + j.get().displayName(locale) : j.get().displayName(locale) + "辖区县";
                }
            }
            return code;
        } catch (InvalidInputException e) {
            return code;
        }
    }
}
