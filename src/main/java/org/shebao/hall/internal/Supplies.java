package org.shebao.hall.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.shebao.common.InvalidInputException;
import org.shebao.common.Violations;
import org.shebao.identity.ShebaoUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Protective supplies of a hall (N-2, FJ-2): receipts and issues, the stock per hall and item held by the database.
 * An issue takes its quantity by one conditional UPDATE ({@code stock >= quantity}, and a CHECK in the table), so
 * parallel issues never take the stock below zero; one larger than the stock is refused naming the field, nothing
 * written. A stock below the item's minimum (parameter) is a warning ({@link SupplyRule}).
 */
@Service
@RequiredArgsConstructor
public class Supplies {
    /** The largest quantity one receipt or issue may carry (a typing error beyond it). */
    static final int MAX_QUANTITY = 100_000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final HallParameters params;
    private final Appointments appointments;

    /** A supply's stock and minimum; low when below it ({@link SupplyRule}). */
    public record StockLine(SupplyItem item, int stock, int minimum, boolean low) {
        static StockLine of(SupplyItem item, int stock, int minimum) {
            return new StockLine(item, stock, minimum, SupplyRule.low(stock, minimum));
        }
    }

    public record Movement(OffsetDateTime movedAt, SupplyItem item, String kind, int quantity, int stockAfter,
                           String party, String note, String movedByName) {
    }

    private record Row(String item, int stock) {
    }

    /** The stock of each supply at a hall, with its minimum today. */
    @Transactional(readOnly = true)
    public List<StockLine> stock(ShebaoUser user, long hallId) {
        return stock(appointments.managed(user, hallId));
    }

    public List<StockLine> stock(Hall hall) {
        LocalDate today = LocalDate.now(clock);
        List<Row> rows = jdbc.sql("SELECT item, stock FROM hall_supply_stock WHERE hall_id = :h AND region_code = :r")
                .param("h", hall.id()).param("r", hall.regionCode()).query(Row.class).list();
        return Arrays.stream(SupplyItem.values()).map(i -> StockLine.of(i,
                rows.stream().filter(r -> r.item().equals(i.name())).mapToInt(Row::stock).findFirst().orElse(0),
                params.minimum(i, hall.regionCode(), today))).toList();
    }

    /** The latest receipts and issues of a hall, newest first. */
    @Transactional(readOnly = true)
    public List<Movement> movements(ShebaoUser user, long hallId) {
        Hall hall = appointments.managed(user, hallId);
        return jdbc.sql("""
                        SELECT moved_at, item, kind, quantity, stock_after, party, note, moved_by_name
                          FROM hall_supply_movement WHERE hall_id = :h AND region_code = :r
                         ORDER BY moved_at DESC, id DESC LIMIT 30""")
                .param("h", hall.id()).param("r", hall.regionCode())
                .query((rs, i) -> new Movement(rs.getObject("moved_at", OffsetDateTime.class)
                        .atZoneSameInstant(clock.getZone()).toOffsetDateTime(), SupplyItem.valueOf(rs.getString("item")),
                        rs.getString("kind"), rs.getInt("quantity"), rs.getInt("stock_after"), rs.getString("party"),
                        rs.getString("note"), rs.getString("moved_by_name"))).list();
    }

    /**
     * A receipt (RECEIPT: the stock grows by the quantity) or an issue (ISSUE: refused, 400 naming the quantity and
     * nothing written, when larger than the stock).
     */
    @Transactional
    public StockLine move(ShebaoUser user, long hallId, String directionRaw, String itemRaw, String quantityRaw,
                          String partyRaw, String noteRaw) {
        Hall hall = appointments.managed(user, hallId);
        Violations v = new Violations();
        String kind = "RECEIPT".equals(directionRaw) || "ISSUE".equals(directionRaw) ? directionRaw : null;
        if (kind == null) {
            v.add("direction", "error.choice");
        }
        SupplyItem item = v.oneOf(itemRaw, SupplyItem.class, "item");
        Integer quantity = Appointments.integer(v, quantityRaw, "quantity");
        if (quantity != null && (quantity <= 0 || quantity > MAX_QUANTITY)) {
            v.add("quantity", "error.hall.supply.quantity", MAX_QUANTITY);
        }
        boolean issue = "ISSUE".equals(kind);
        String party = v.text(partyRaw, "party", 100, issue);
        String note = v.text(noteRaw, "note", 200, false);
        v.throwIfAny();
        Integer after = jdbc.sql("UPDATE hall_supply_stock SET stock = stock " + (issue ? "-" : "+") + " :q "
                        + "WHERE hall_id = :h AND region_code = :r AND item = :i"
                        + (issue ? " AND stock >= :q" : "") + " RETURNING stock")
                .param("q", quantity).param("h", hall.id()).param("r", hall.regionCode()).param("i", item.name())
                .query(Integer.class).optional().orElse(null);
        if (after == null) { // the stock is smaller than the issue (read again: it may have moved meanwhile)
            int stock = stock(hall).stream().filter(s -> s.item() == item).findFirst().orElseThrow().stock();
            throw InvalidInputException.of("quantity", "error.hall.supply.moreThanStock",
                    String.valueOf(quantity), String.valueOf(stock));
        }
        jdbc.sql("""
                        INSERT INTO hall_supply_movement (region_code, hall_id, item, kind, quantity, stock_after, party,
                                                          note, moved_by, moved_by_name, moved_at)
                        VALUES (:r, :h, :i, :k, :q, :after, :party, :note, :by, :name, :at)""")
                .param("r", hall.regionCode()).param("h", hall.id()).param("i", item.name()).param("k", kind)
                .param("q", quantity).param("after", after).param("party", party).param("note", note)
                .param("by", user.getUsername()).param("name", user.displayName()).param("at", OffsetDateTime.now(clock))
                .update();
        return StockLine.of(item, after, params.minimum(item, hall.regionCode(), LocalDate.now(clock)));
    }
}
