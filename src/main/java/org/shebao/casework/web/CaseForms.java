package org.shebao.casework.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.shebao.casework.Upload;
import org.springframework.util.MultiValueMap;
import org.springframework.web.multipart.MultipartFile;

/**
 * Reads an application form as the screens post it: type fields as {@code f.NAME}, files as {@code file.ITEM},
 * committed items as {@code commit} (SX-3), the typed signature and the form's idempotency key.
 */
final class CaseForms {
    private CaseForms() {
    }

    static Map<String, String> fields(Map<String, String> params) {
        Map<String, String> form = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith("f.")) {
                form.put(k.substring(2), v);
            }
        });
        return form;
    }

    static List<Upload> uploads(MultiValueMap<String, MultipartFile> files) {
        List<Upload> out = new ArrayList<>();
        if (files == null) {
            return out;
        }
        files.forEach((name, list) -> {
            if (!name.startsWith("file.")) {
                return;
            }
            for (MultipartFile f : list) {
                if (f.isEmpty() && (f.getOriginalFilename() == null || f.getOriginalFilename().isBlank())) {
                    continue; // a file input left empty
                }
                out.add(upload(name.substring(5), f));
            }
        });
        return out;
    }

    static Upload upload(String item, MultipartFile f) {
        try {
            return new Upload(item, f.getOriginalFilename(), f.getContentType(), f.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Set<String> commitments(List<String> commit) {
        return commit == null ? Set.of() : new LinkedHashSet<>(commit);
    }
}
