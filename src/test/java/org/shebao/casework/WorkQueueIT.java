package org.shebao.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.ApiClient;
import org.shebao.ApiClient.FilePart;
import org.shebao.ShebaoIntegrationTest;
import org.shebao.TestUsers;
import org.shebao.WebSession;
import org.shebao.casework.CaseQueries.QueueFilter;
import org.shebao.casework.CaseQueries.QueuePage;
import org.shebao.casework.CaseQueries.QueueSort;
import org.shebao.common.InvalidInputException;
import org.shebao.identity.ShebaoUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 17 item 5: the staff work queue filtered, searched, sorted and paged, with totals of what the filter
 * matches. Cases are made through the API by citizen.ty (Taiyuan); other tests make cases too, so counts are taken
 * before and after (tests of one context run one at a time).
 */
@ShebaoIntegrationTest
@DisplayName("Work queue (issue 17 item 5): filters, search, sorting, page numbers, totals of the filter")
class WorkQueueIT {
    @Autowired
    ApiClient api;
    @Autowired
    CaseQueries queries;
    @Autowired
    TestUsers staff;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    private static QueueFilter filter(CaseStatus status, CaseType type, Channel channel, boolean overdue, boolean green,
                                      String q) {
        return new QueueFilter(status, type, channel, overdue, green, q, QueueSort.PRIORITY, false, 0);
    }

    private long submit(boolean greenChannel) {
        Map<String, Object> form = Map.of("type", "WORK_INJURY_BENEFIT", "form", Map.of("injuryDate", "2026-02-03",
                "description", "救治患者时感染", "medicalWorker", String.valueOf(greenChannel), "infectedAtWork", "true",
                "sentToEpidemicArea", "false", "bankAccount", "6222021001001234567"));
        List<FilePart> files = List.of(
                new FilePart("INJURY_RECOGNITION", "decision.pdf", "application/pdf", ArchiveTest.PDF),
                new FilePart("MEDICAL_RECORDS", "records.jpg", "image/jpeg", ArchiveTest.JPEG));
        JsonNode c = api.multipart("citizen.ty", "/api/v1/cases", form, files, Map.of()).body();
        assertThat(c.path("greenChannel").asBoolean()).isEqualTo(greenChannel);
        return c.path("id").asLong();
    }

    private String applicantName(long caseId) {
        return jdbc.sql("SELECT applicant_name FROM casework_case WHERE id = :id").param("id", caseId)
                .query(String.class).single();
    }

    @Test
    @DisplayName("filters by type, channel, green channel and overdue; the totals count every matching case, not the page")
    void filtersAndTotals() {
        ShebaoUser clerk = staff.get("ty.clerk");
        long first = submit(false);
        String name = applicantName(first);
        QueuePage before = queries.queue(clerk, filter(null, CaseType.WORK_INJURY_BENEFIT, Channel.MOBILE_API, false, false, name));
        QueuePage beforeGreen = queries.queue(clerk, filter(null, CaseType.WORK_INJURY_BENEFIT, null, false, true, name));
        QueuePage beforeOverdue = queries.queue(clerk, filter(null, null, null, true, false, name));

        long green = submit(true);
        long late = submit(false);
        // the time limit of one case passed yesterday (set up in the table: the clock is the platform's)
        jdbc.sql("UPDATE casework_case SET due_on = :d WHERE id = :id").param("d", LocalDate.now().minusDays(1))
                .param("id", late).update();

        QueuePage after = queries.queue(clerk, filter(null, CaseType.WORK_INJURY_BENEFIT, Channel.MOBILE_API, false, false, name));
        assertThat(after.total()).isEqualTo(before.total() + 2);
        assertThat(after.green()).isEqualTo(before.green() + 1);
        assertThat(after.overdue()).isEqualTo(before.overdue() + 1);
        assertThat(after.rows()).allMatch(l -> l.c().type() == CaseType.WORK_INJURY_BENEFIT
                && l.c().channel() == Channel.MOBILE_API && l.applicantName().equals(name));

        QueuePage onlyGreen = queries.queue(clerk, filter(null, CaseType.WORK_INJURY_BENEFIT, null, false, true, name));
        assertThat(onlyGreen.total()).isEqualTo(beforeGreen.total() + 1);
        assertThat(onlyGreen.rows()).isNotEmpty().allMatch(l -> l.c().greenChannel());
        assertThat(onlyGreen.rows()).extracting(l -> l.c().id()).contains(green).doesNotContain(late);

        QueuePage overdue = queries.queue(clerk, filter(null, null, null, true, false, name));
        assertThat(overdue.total()).isEqualTo(beforeOverdue.total() + 1);
        assertThat(overdue.rows()).extracting(l -> l.c().id()).contains(late).doesNotContain(green);
        assertThat(overdue.rows()).allMatch(l -> l.c().dueOn().isBefore(LocalDate.now()));

        QueuePage byReference = queries.queue(clerk, filter(null, null, null, false, false,
                jdbc.sql("SELECT reference FROM casework_case WHERE id = :id").param("id", green).query(String.class).single()));
        assertThat(byReference.total()).isEqualTo(1);
        assertThat(byReference.rows()).extracting(l -> l.c().id()).containsExactly(green);

        QueuePage fax = queries.queue(clerk, filter(null, CaseType.WORK_INJURY_BENEFIT, Channel.FAX, false, false, name));
        assertThat(fax.rows()).extracting(l -> l.c().id()).doesNotContain(first, green, late);
        // the app's API: the same filter, the total in X-Total-Count; a value no list has is a 400 naming the field
        ApiClient.Response viaApi = api.get("ty.clerk", "/api/v1/cases?type=WORK_INJURY_BENEFIT&green=true&q="
                + URLEncoder.encode(name, StandardCharsets.UTF_8));
        assertThat(viaApi.status()).isEqualTo(200);
        assertThat(viaApi.raw().headers().firstValue("X-Total-Count")).hasValue(String.valueOf(onlyGreen.total()));
        assertThat(viaApi.body().size()).isEqualTo((int) Math.min(onlyGreen.total(), CaseQueries.PAGE_SIZE));
        ApiClient.Response bad = api.get("ty.clerk", "/api/v1/cases?channel=PIGEON");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().toString()).contains("channel").contains("PIGEON");
        // another region's clerk does not see them, whatever the filter
        QueuePage xiamen = queries.queue(staff.get("xm.clerk"), filter(null, null, null, false, false, name));
        assertThat(xiamen.rows()).extracting(l -> l.c().id()).doesNotContain(first, green, late);
    }

    @Test
    @DisplayName("sorted by a column both ways; pages hold 20 rows each and do not overlap; the page count follows the total")
    void sortingAndPages() {
        ShebaoUser clerk = staff.get("ty.clerk");
        while (queries.queue(clerk, filter(null, null, null, false, false, null)).total() <= CaseQueries.PAGE_SIZE) {
            submit(false);
        }
        QueueFilter asc = new QueueFilter(null, null, null, false, false, null, QueueSort.REFERENCE, false, 0);
        QueueFilter desc = new QueueFilter(null, null, null, false, false, null, QueueSort.REFERENCE, true, 0);
        List<String> up = queries.queue(clerk, asc).rows().stream().map(l -> l.c().reference()).toList();
        List<String> down = queries.queue(clerk, desc).rows().stream().map(l -> l.c().reference()).toList();
        assertThat(up).isSorted().hasSize(CaseQueries.PAGE_SIZE);
        assertThat(down).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(down.get(0)).isGreaterThan(up.get(up.size() - 1));

        QueuePage page0 = queries.queue(clerk, asc);
        QueuePage page1 = queries.queue(clerk, new QueueFilter(null, null, null, false, false, null, QueueSort.REFERENCE, false, 1));
        assertThat(page0.pages()).isEqualTo((int) ((page0.total() + 19) / 20)).isGreaterThan(1);
        assertThat(page1.rows()).isNotEmpty();
        assertThat(page1.rows().get(0).c().reference()).isGreaterThan(up.get(up.size() - 1));

        assertThatThrownBy(() -> queries.queue(clerk, new QueueFilter(null, null, null, false, false, "x".repeat(41),
                QueueSort.PRIORITY, false, 0))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> queries.queue(clerk, new QueueFilter(null, null, null, false, false, null,
                QueueSort.PRIORITY, false, -1))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    @DisplayName("the page: the filter kept in the form, the totals sentence, page numbers, sortable headers; a name with % finds nothing; the return dialog pre-ticks the missing items")
    void page() throws Exception {
        long id = submit(true);
        String name = applicantName(id);
        WebSession clerk = WebSession.login(port, "ty.clerk");
        String q = URLEncoder.encode(name, StandardCharsets.UTF_8);
        HttpResponse<String> r = clerk.get("/casework/queue?type=WORK_INJURY_BENEFIT&green=true&q=" + q + "&sort=due&dir=desc");
        assertThat(r.statusCode()).isEqualTo(200);
        QueuePage p = queries.queue(staff.get("ty.clerk"), new QueueFilter(null, CaseType.WORK_INJURY_BENEFIT, null, false,
                true, name, QueueSort.DUE, true, 0));
        assertThat(r.body()).contains("符合条件的共 " + p.total() + " 件，其中已超时限 " + p.overdue() + " 件、绿色通道 " + p.green() + " 件")
                .contains("value=\"" + name + "\"")
                .containsPattern("id=\"green\"[^>]*checked")
                .contains("aria-sort=\"descending\"")
                .contains(p.rows().get(0).c().reference());
        HttpResponse<String> wild = clerk.get("/casework/queue?q=" + URLEncoder.encode("%", StandardCharsets.UTF_8));
        assertThat(wild.body()).contains("符合条件的共 0 件");
        // the return dialog of a case sent without a required item has that item ticked already
        JsonNode partial = api.multipart("citizen.ty", "/api/v1/cases", Map.of("type", "WORK_INJURY_BENEFIT", "form",
                Map.of("injuryDate", "2026-02-03", "description", "救治患者时感染", "medicalWorker", "false",
                        "infectedAtWork", "true", "sentToEpidemicArea", "false", "bankAccount", "6222021001001234567")),
                List.of(new FilePart("INJURY_RECOGNITION", "decision.pdf", "application/pdf", ArchiveTest.PDF)), Map.of()).body();
        assertThat(partial.path("missing").toString()).contains("MEDICAL_RECORDS");
        String casePage = clerk.get("/casework/cases/" + partial.path("id").asLong()).body();
        assertThat(casePage).containsPattern("id=\"missing-MEDICAL_RECORDS-return\"[^>]*checked")
                .doesNotContainPattern("id=\"missing-INJURY_RECOGNITION-return\"[^>]*checked")
                .contains("已勾选申请人未提交、也未承诺补交的必需材料");
        HttpResponse<String> all = clerk.get("/casework/queue");
        if (queries.queue(staff.get("ty.clerk"), QueueFilter.open()).pages() > 1) {
            assertThat(all.body()).contains("id=\"queue-pages\"").contains("aria-current=\"page\"");
        }
    }
}
