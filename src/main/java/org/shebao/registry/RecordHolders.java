package org.shebao.registry;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.shebao.common.ConflictException;
import org.shebao.common.RegionCode;
import org.shebao.identity.ShebaoUser;
import org.shebao.policy.Jurisdiction;
import org.shebao.policy.Jurisdictions;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which agency holds a person's enterprise-pension record (issue 16 item 3, 国办发〔2009〕66号 暂行办法 第八条第（四）项),
 * decided in one place ({@link RecordAccess}): the registration region's until a transfer moves it; then the
 * receiving agency's, which serves the person, while the agencies that held it before read their part. The person's
 * region (the distribution column) never changes: a take-over is a row of its own, in the person's history too.
 */
@Service
@RequiredArgsConstructor
public class RecordHolders {
    private final RegistryStore store;
    private final JdbcClient jdbc;
    private final Jurisdictions jurisdictions;
    private final Clock clock;

    /** The agency (city) holding the person's enterprise-pension record, without access checks. */
    public String holdingRegion(long personId) {
        return store.holderRegion(store.loadPerson(personId));
    }

    /** The person's holdings after transfers, oldest first (empty: the registration region has always held it). */
    public List<RecordHolding> holdings(long personId) {
        return store.holdings(personId);
    }

    /** What the user's agency may do with the person's record: serve, read, or nothing. */
    public RecordAccess access(ShebaoUser by, long personId) {
        return store.access(by, store.loadPerson(personId));
    }

    /**
     * The receiving agency ({@code toRegion}) takes the record over from {@code fromRegion}, by the transfer
     * {@code reference}, with the record's months then (each counted once). In the caller's transaction; refused
     * (409, nothing written) when {@code fromRegion} does not hold the record now or the transfer took it over
     * already: two take-overs at once, one row (the current-holding index decides).
     */
    @Transactional
    public RecordHolding takeOver(ShebaoUser by, long personId, String fromRegion, String toRegion, String reference,
                                  int months, LocalDate on) {
        Person p = store.loadPerson(personId);
        if (!store.holderRegion(p).equals(fromRegion)) {
            throw new ConflictException("person", "error.person.recordHeld", agency(store.holderRegion(p)));
        }
        jdbc.sql("""
                UPDATE registry_record_holding SET until = :on
                 WHERE person_id = :p AND region_code = :region AND until IS NULL AND holder_region = :from""")
                .param("on", on).param("p", personId).param("region", p.regionCode()).param("from", fromRegion).update();
        try {
            jdbc.sql("""
                    INSERT INTO registry_record_holding (region_code, person_id, holder_region, from_region, since,
                                                         reference, months, created_by, created_at)
                    VALUES (:region, :p, :to, :from, :on, :ref, :months, :by, :now)""")
                    .param("region", p.regionCode()).param("p", personId).param("to", toRegion).param("from", fromRegion)
                    .param("on", on).param("ref", reference).param("months", months).param("by", by.getUsername())
                    .param("now", OffsetDateTime.now(clock)).update();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("person", "error.person.recordHeld", agency(toRegion));
        }
        store.insertChange(RegistryEntity.PERSON, personId, p.regionCode(), ChangeAction.TRANSFER, "recordHolder",
                fromRegion, toRegion, by.getUsername(), OffsetDateTime.now(clock));
        return new RecordHolding(toRegion, fromRegion, on, null, reference, months);
    }

    private String agency(String region) {
        return jurisdictions.find(new RegionCode(region)).map(Jurisdiction::agency).orElse(region);
    }
}
