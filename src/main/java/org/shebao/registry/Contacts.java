package org.shebao.registry;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * How to reach many persons or units at once (a targeted notice, N-6): name and mobile phone of persons, name and
 * contact phone of units. Not a screen's data: the caller prints names only on letters for posting.
 */
@Service
@RequiredArgsConstructor
public class Contacts {
    private static final int CHUNK = 5000;
    private final JdbcClient jdbc;

    /** A person's or unit's name and phone (null when none is recorded). */
    public record Contact(long id, String name, String phone) {
    }

    public Map<Long, Contact> ofPersons(Collection<Long> ids) {
        return load("SELECT id, name, phone FROM registry_person WHERE id IN (:ids)", ids);
    }

    public Map<Long, Contact> ofEmployers(Collection<Long> ids) {
        return load("SELECT id, name, contact_phone AS phone FROM registry_employer WHERE id IN (:ids)", ids);
    }

    private Map<Long, Contact> load(String sql, Collection<Long> ids) {
        Map<Long, Contact> out = new HashMap<>();
        List<Long> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += CHUNK) {
            jdbc.sql(sql).param("ids", all.subList(from, Math.min(all.size(), from + CHUNK)))
                    .query((rs, i) -> {
                        String phone = rs.getString("phone");
                        return out.put(rs.getLong("id"), new Contact(rs.getLong("id"), rs.getString("name"),
                                phone == null || phone.isBlank() ? null : phone));
                    }).list();
        }
        return out;
    }
}
