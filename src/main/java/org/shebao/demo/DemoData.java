package org.shebao.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.shebao.common.DeferredIndexes;
import org.shebao.common.PgCopy;
import org.springframework.jdbc.datasource.DataSourceUtils;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.shebao.common.CreditCode;
import org.shebao.common.IdNumber;
import org.shebao.common.Money;
import org.shebao.common.RegionCode;
import org.shebao.policy.Parameters;
import org.shebao.contribution.Contributions;
import org.shebao.contribution.Contributions.YearRow;
import org.shebao.identity.Role;
import org.shebao.identity.ShebaoUser;
import org.shebao.identity.Users;
import org.shebao.workinjury.Institutions;
import org.shebao.registry.EnrollmentCategory;
import org.shebao.registry.InsuranceType;
import org.shebao.registry.Persons;
import org.shebao.registry.Employers;
import org.shebao.registry.Enrollments;
import org.shebao.registry.RegistryBulkLoad;
import org.shebao.registry.RegistryBulkLoad.EmployerRow;
import org.shebao.registry.RegistryBulkLoad.EnrollmentRow;
import org.shebao.registry.RegistryBulkLoad.PersonRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import java.time.YearMonth;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.shebao.pension.PensionFacts;
import org.shebao.pension.Pensions;
import org.shebao.platform.DatabaseOwner;
import org.shebao.platform.FirstStart;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.shebao.platform.PlatformProperties;
import org.springframework.core.annotation.Order;

/**
 * Seeds the demo on first start ({@code shebao.demo.enabled}, on by default; off in production): both provinces'
 * users for every role, employers, persons with enrollments and contribution histories. With
 * {@code --demo.persons=N} it adds N more generated persons now (for benchmarks), and {@code --demo.exit=true}
 * stops the platform afterwards.
 */
@Component
@Order(0) // after the emergency import, before the benchmarks that use its users
class DemoData implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final String DEMO_PASSWORD = "Shebao@2020";
    private static final String BY = "demo";

    private final Persons persons;
    private final Employers employers;
    private final Enrollments enrollments;
    private final RegistryBulkLoad bulk;
    private final Contributions contributions;
    private final Users users;
    private final PasswordEncoder encoder;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ConfigurableApplicationContext context;
    private final boolean enabled;
    private final int basePersons;
    private final int employersPerCity;
    private final long extraPersons;
    private final boolean exitAfter;
    private final boolean benchmark;
    private final DataSource dataSource;
    private final DataSource appDataSource;
    private final PersonFactory factory;
    private final Parameters parameters;
    private final Pensions pensions;
    private final JdbcClient jdbc;
    private final Institutions institutions;
    private final Map<Integer, Money> wageCache = new ConcurrentHashMap<>();
    private final Map<Integer, BigDecimal> rateCache = new ConcurrentHashMap<>();
    private final Map<Long, Integer> retirementYears = new ConcurrentHashMap<>();

    DemoData(Persons persons, Employers employers, Enrollments enrollments, RegistryBulkLoad bulk, Contributions contributions, Users users,
             PasswordEncoder encoder, TransactionTemplate tx, Clock clock, ConfigurableApplicationContext context,
             PlatformProperties platform, DemoProperties settings, DatabaseOwner owner, Parameters parameters,
             Pensions pensions, JdbcClient jdbc, DataSource appDataSource, Institutions institutions) {
        this.appDataSource = appDataSource;
        this.institutions = institutions;
        this.jdbc = jdbc;
        this.persons = persons;
        this.employers = employers;
        this.enrollments = enrollments;
        this.bulk = bulk;
        this.contributions = contributions;
        this.users = users;
        this.encoder = encoder;
        this.tx = tx;
        this.clock = clock;
        this.context = context;
        this.enabled = platform.demo().enabled();
        this.basePersons = settings.basePersons();
        this.employersPerCity = settings.employersPerCity();
        this.extraPersons = settings.persons();
        this.exitAfter = settings.exit();
        this.benchmark = settings.bench();
        this.dataSource = owner.dataSource(); // drops and makes indexes, and the baseline's scratch tables: the owner
        this.factory = new PersonFactory(settings.seed());
        this.parameters = parameters;
        this.pensions = pensions;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (enabled && users.count() == 0 && persons.countAllPersons() == 0) {
            long t0 = System.nanoTime();
            boolean seeded = Boolean.TRUE.equals(tx.execute(s -> {
                FirstStart.lock(jdbc); // several nodes started at once on an empty database: one seeds
                if (users.count() > 0 || persons.countAllPersons() > 0) {
                    return false;
                }
                seedDemo();
                return true;
            }));
            if (seeded) {
                log.info("Demo data seeded in {} ms", (System.nanoTime() - t0) / 1_000_000);
            }
        }
        if (extraPersons > 0) {
            generatePersons(extraPersons);
        }
        if (exitAfter) {
            int code = SpringApplication.exit(context, () -> 0);
            System.exit(code);
        }
    }

    // ------------------------------------------------------------------ the demo

    /** A staff user of the demo: username, display name, role, region. */
    record StaffUser(String username, String displayName, Role role, String region) {
    }

    static final List<StaffUser> STAFF = List.of(
            new StaffUser("admin", "系统管理员", Role.ADMIN, "000000"),
            new StaffUser("security", "安全管理员", Role.SECURITY_ADMIN, "000000"),
            new StaffUser("audit", "审计管理员", Role.AUDIT_ADMIN, "000000"),
            new StaffUser("fj.security", "福建安全管理员", Role.SECURITY_ADMIN, "350000"),
            new StaffUser("fj.admin", "福建管理员", Role.ADMIN, "350000"),
            // the province's finance section: checks the runs of cities without a finance section of their own (Xiamen)
            new StaffUser("fj.finance", "福建省财务 陈静", Role.FINANCE, "350000"),
            new StaffUser("fj.auditor", "福建省稽核 郑敏", Role.AUDITOR, "350000"),
            new StaffUser("fj.injury", "福建省人社厅工伤认定 高志远", Role.INJURY_RECOGNITION, "350000"),
            new StaffUser("fz.clerk", "福州受理 林小燕", Role.CLERK, "350100"),
            new StaffUser("fz.clerk2", "福州受理 陈伟", Role.CLERK, "350100"),
            new StaffUser("fz.reviewer", "福州审核 黄建华", Role.REVIEWER, "350100"),
            new StaffUser("fz.finance", "福州财务 吴丽", Role.FINANCE, "350100"),
            // issue 15, item 3: a run is approved by a second finance user, not the one who started it
            new StaffUser("fz.finance2", "福州财务复核 周敏", Role.FINANCE, "350100"),
            new StaffUser("fz.auditor", "福州稽核 郭强", Role.AUDITOR, "350100"),
            new StaffUser("fz.hall", "福州大厅主管 刘芳", Role.HALL_MANAGER, "350100"),
            // issue 14 item 7: targeted notices (N-6, FJ-7)
            new StaffUser("fz.publicity", "福州宣传 郑晓婷", Role.PUBLICITY, "350100"),
            new StaffUser("xm.clerk", "厦门受理 蔡明", Role.CLERK, "350200"),
            new StaffUser("xm.reviewer", "厦门审核 许静", Role.REVIEWER, "350200"),
            new StaffUser("sx.admin", "山西管理员", Role.ADMIN, "140000"),
            new StaffUser("sx.security", "山西安全管理员", Role.SECURITY_ADMIN, "140000"),
            new StaffUser("sx.auditor", "山西省稽核 赵刚", Role.AUDITOR, "140000"),
            new StaffUser("sx.injury", "山西省人社厅工伤认定 任晓东", Role.INJURY_RECOGNITION, "140000"),
            new StaffUser("ty.clerk", "太原受理 王丽", Role.CLERK, "140100"),
            new StaffUser("ty.clerk2", "太原受理 张勇", Role.CLERK, "140100"),
            new StaffUser("ty.reviewer", "太原审核 李娜", Role.REVIEWER, "140100"),
            new StaffUser("ty.finance", "太原财务 杨洋", Role.FINANCE, "140100"),
            new StaffUser("ty.finance2", "太原财务复核 孙磊", Role.FINANCE, "140100"),
            new StaffUser("ty.auditor", "太原稽核 郝磊", Role.AUDITOR, "140100"),
            new StaffUser("ty.hall", "太原大厅主管 武敏", Role.HALL_MANAGER, "140100"),
            new StaffUser("ty.publicity", "太原宣传 田静", Role.PUBLICITY, "140100"),
            new StaffUser("xz.clerk", "忻州受理 段军", Role.CLERK, "140900"),
            new StaffUser("xz.reviewer", "忻州审核 薛红", Role.REVIEWER, "140900"));

    /** The demo's agreement hospital account (Taiyuan). */
    static final String HOSPITAL_USER = "ty.hospital";

    /** Named persons the portal demo users log in as (addresses outside the generator's, so no clash). */
    record NamedPerson(String portalUser, String address, LocalDate birth, int seq, String name, String city,
                       String phone) {
        String idNumber() {
            String first17 = address + birth.toString().replace("-", "") + String.format("%03d", seq);
            return first17 + IdNumber.checkChar(first17);
        }
    }

    static final List<NamedPerson> NAMED = List.of(
            // reaches 60 in February 2020: the Fujian new-retiree scenario of FJ-1.2 / FJ-1.3
            new NamedPerson("citizen.fz", "350128", LocalDate.of(1960, 2, 12), 231, "陈志强", "350100", "13905910001"),
            new NamedPerson("citizen.xm", "350128", LocalDate.of(1975, 8, 3), 242, "黄雅琴", "350200", "13805920002"),
            new NamedPerson("citizen.ty", "140121", LocalDate.of(1962, 5, 20), 115, "王建国", "140100", "13903510003"),
            new NamedPerson("citizen.xz", "140121", LocalDate.of(1970, 3, 9), 126, "李秀兰", "140900", "13803500004"),
            // not insured yet: enrolls online as a flexible worker (N-3a, SX-3 / FJ-3 journeys)
            new NamedPerson("citizen.fz2", "350102", LocalDate.of(1998, 6, 18), 262, "林小燕", "350100", "13905910005"));

    /** Named persons with no enrollment or contribution history yet. */
    private static final Set<String> UNINSURED = Set.of("citizen.fz2");

    private void seedDemo() {
        String hash = encoder.encode(DEMO_PASSWORD);
        for (StaffUser u : STAFF) {
            users.create(new Users.NewUser(u.username(), hash, u.displayName(), u.role(), new RegionCode(u.region()),
                    null, null));
        }
        // SX-1b (issue 12, item 4): a Taiyuan agreement hospital, registered by the city's reviewer with its account
        users.create(new Users.NewUser(HOSPITAL_USER, hash, "太原市中心医院医保办 赵红", Role.HOSPITAL,
                new RegionCode("140100"), null, null));
        institutions.register((ShebaoUser) users.loadUserByUsername("ty.reviewer"), new Institutions.NewInstitution(
                null, "太原市中心医院", "并工伤医协〔2020〕001号", "2020-01-01", "2028-12-31", HOSPITAL_USER));
        Map<String, List<Long>> employersByCity = seedEmployers();
        // named persons first, then the generated ones
        long firstNamed = bulk.reservePersonIds(NAMED.size());
        bulk.copyPersons(out -> {
            for (int i = 0; i < NAMED.size(); i++) {
                NamedPerson n = NAMED.get(i);
                IdNumber id = IdNumber.parse(n.idNumber());
                out.accept(new PersonRow(firstNamed + i, id.value(), n.name(), id.gender().name(), n.birth(),
                        n.phone(), n.address(), n.city()));
            }
        }, BY);
        List<EnrollmentRow> namedEnrollments = new ArrayList<>();
        List<YearRow> namedYears = new ArrayList<>();
        for (int i = 0; i < NAMED.size(); i++) {
            NamedPerson n = NAMED.get(i);
            long personId = firstNamed + i;
            long employerId = employersByCity.get(n.city()).get(0);
            users.create(new Users.NewUser(n.portalUser(), hash, n.name(), Role.INSURED_PERSON,
                    new RegionCode(n.city()), personId, null));
            if (UNINSURED.contains(n.portalUser())) {
                continue;
            }
            LocalDate first = LocalDate.of(Math.max(1992, n.birth().getYear() + 20), 7, 1);
            SplittableRandom rnd = new SplittableRandom(personId);
            namedEnrollments.add(new EnrollmentRow(personId, employerId, EnrollmentCategory.EMPLOYEE,
                    InsuranceType.ENTERPRISE_PENSION, first, n.city()));
            namedEnrollments.add(new EnrollmentRow(personId, employerId, EnrollmentCategory.EMPLOYEE,
                    InsuranceType.UNEMPLOYMENT, first, n.city()));
            int lastYear = Math.min(retirementYear(n.birth(), true, n.city()), LocalDate.now(clock).getYear() - 1);
            history(personId, n.city(), employerId, first, lastYear, 1.3, rnd, namedYears::add);
            if ("citizen.ty".equals(n.portalUser())) {
                // gone to work in Fuzhou (the pension transfer's demo, issue 16): 3 months paid there, illustrative;
                // he applies there for the transfer (暂行办法 第八条)
                namedYears.add(new YearRow(personId, lastYear, "350100", null, 3, Money.yuan("6000.00"),
                        Money.yuan("1440.00")));
            }
        }
        bulk.copyEnrollments(out -> namedEnrollments.forEach(out), BY);
        contributions.copyYears(out -> namedYears.forEach(out));
        for (String city : PersonFactory.CITIES) {
            String prefix = switch (city) {
                case "350100" -> "fz";
                case "350200" -> "xm";
                case "140100" -> "ty";
                default -> "xz";
            };
            long employerId = employersByCity.get(city).get(0);
            users.create(new Users.NewUser("employer." + prefix, hash, "单位经办人", Role.EMPLOYER,
                    new RegionCode(city), null, employerId));
            // issue 11: the portal employers are classified by the city's clerk, so that their bills can be assessed
            // with the 2020 relief (small and micro: exempt; large: halved to 2020-06); the others stay unclassified
            ShebaoUser clerk = (ShebaoUser) users.loadUserByUsername(CLERKS.get(city));
            String size = switch (prefix) {
                case "fz" -> "SMALL";
                case "xm" -> "MEDIUM";
                case "ty" -> "LARGE";
                default -> "MICRO";
            };
            employers.classifySize(clerk, employerId, employers.employer(clerk, employerId).version(), size,
                    "示例数据（demo）：按工信部联企业〔2011〕300号划型");
        }
        long firstGenerated = loadGeneratedPersons(basePersons, employersByCity);
        // N-5b / FJ-5b: the city's clerk registers the deferral of two in three flexible workers with an incomplete
        // 2020, through the same service as the screen and the API (deadline pending until the lifted date is
        // entered); the others are left for a demo user to register or apply for
        int deferred = 0;
        for (String city : PersonFactory.CITIES) {
            ShebaoUser clerk = (ShebaoUser) users.loadUserByUsername(CLERKS.get(city));
            List<Long> candidates = contributions.deferralCandidates(new RegionCode(city), 2020);
            for (int i = 0; i < candidates.size(); i++) {
                if (i % 3 != 2) {
                    contributions.defer(clerk, candidates.get(i), 2020);
                    deferred++;
                }
            }
        }
        log.info("Demo: {} flexible workers' 2020 contributions deferred (N-5b)", deferred);
        log.info("Demo: {} pension recipients on the payroll", seedRecipients(firstGenerated, basePersons));
    }

    /**
     * Generated persons who retired before 2020 receive their computed pension (国发〔2005〕38号) through the payroll;
     * one in seven had their yearly certification due at the end of January 2020 (the N-1c case).
     */
    private int seedRecipients(long first, long n) {
        int count = 0;
        LocalDate cutoff = LocalDate.of(2020, 1, 1);
        for (long k = first; k < first + n; k++) {
            PersonFactory.Generated g = factory.person(k);
            boolean male = "MALE".equals(g.gender());
            RegionCode region = new RegionCode(g.city());
            String key = male ? "retirement.age.male" : "retirement.age.female.cadre";
            LocalDate retired = parameters.retirementDate(key, region, g.birthDate());
            if (!retired.isBefore(cutoff) || retired.isBefore(LocalDate.of(2006, 1, 1))) {
                continue;
            }
            int age = retired.getYear() - g.birthDate().getYear();
            PensionFacts f = pensions.facts(k, region, retired, age);
            if (f.contributionMonths() < parameters.integer("pension.minimumContributionMonths", region, retired)) {
                continue; // too few years for a monthly pension
            }
            Money monthly = pensions.calculate(f).total();
            pensions.startPayment(k, region, monthly, YearMonth.from(retired).plusMonths(1),
                    k % 7 == 0 ? LocalDate.of(2020, 1, 31) : LocalDate.of(2026, 12, 31),
                    "6222" + String.format("%012d", k), g.name(), "demo");
            count++;
        }
        return count;
    }

    /** The clerk of each demo city. */
    private static final Map<String, String> CLERKS = Map.of("350100", "fz.clerk", "350200", "xm.clerk",
            "140100", "ty.clerk", "140900", "xz.clerk");

    private Map<String, List<Long>> seedEmployers() {
        int n = employersPerCity * PersonFactory.CITIES.length;
        long first = bulk.reserveEmployerIds(n);
        String[] fujianWords = {"闽江", "海峡", "榕城", "鹭岛", "恒信", "宏达", "华兴", "新世纪", "东方", "安泰"};
        String[] shanxiWords = {"晋阳", "汾河", "五台", "三晋", "瑞丰", "同舟", "永安", "鼎盛", "佳和", "中天"};
        String[] trades = {"电子科技", "建筑工程", "物流", "食品", "纺织", "医疗器械", "软件", "机械制造", "商贸", "餐饮管理",
                "煤业", "化工", "印刷", "物业服务", "汽车销售"};
        Map<String, String> cityNames = Map.of("350100", "福州", "350200", "厦门", "140100", "太原", "140900", "忻州");
        // the agency contact of each city's employers (SX-5): a clerk of that city (a staff user, with their name)
        Map<String, String[]> agencyContacts = Map.of(
                "350100", new String[]{"fz.clerk", "福州受理 林小燕", "0591-87654321"},
                "350200", new String[]{"xm.clerk", "厦门受理 蔡明", "0592-5012345"},
                "140100", new String[]{"ty.clerk", "太原受理 王丽", "0351-4012345"},
                "140900", new String[]{"xz.clerk", "忻州受理 段军", "0350-3012345"});
        Map<String, List<Long>> byCity = new HashMap<>();
        SplittableRandom rnd = new SplittableRandom(7);
        bulk.copyEmployers(out -> {
            for (int i = 0; i < n; i++) {
                String city = PersonFactory.CITIES[i % PersonFactory.CITIES.length];
                long id = first + i;
                byCity.computeIfAbsent(city, c -> new ArrayList<>()).add(id);
                String org8 = String.format("%08d", (id * 7919 + rnd.nextInt(1000)) % 100_000_000);
                String first17 = "91" + city.substring(0, 4) + String.format("%02d", 2 + i % 5) + org8 + orgCheck(org8);
                String credit = first17 + CreditCode.checkChar(first17);
                String[] words = city.startsWith("35") ? fujianWords : shanxiWords;
                String name = cityNames.get(city) + words[rnd.nextInt(words.length)] + trades[rnd.nextInt(trades.length)]
                        + (i / PersonFactory.CITIES.length % 3 == 0 ? "有限公司" : "股份有限公司");
                String[] agency = i % 10 == 9 ? new String[]{null, null, null} : agencyContacts.get(city);
                out.accept(new EmployerRow(id, credit, name + (i / 4 + 1) + "号", city,
                        cityNames.get(city) + "市" + (i % 30 + 1) + "号路", "人事专员" + (i % 7 + 1),
                        "1390000" + String.format("%04d", i), agency[0], agency[1], agency[2]));
            }
        }, BY);
        return byCity;
    }

    /** GB 11714 check character of an organisation code's first eight digits. */
    static char orgCheck(String first8) {
        int[] w = {3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (first8.charAt(i) - '0') * w[i];
        }
        int c = 11 - sum % 11;
        return c == 10 ? 'X' : c == 11 ? '0' : (char) ('0' + c);
    }

    // ------------------------------------------------------------------ generated persons

    /**
     * Adds {@code n} generated persons with enrollments and histories, through COPY, in one transaction of the
     * schema's owner; logs rows per second. When the database holds no more persons than are added (the benchmark's
     * case), the three tables' indexes, unique and foreign keys are made after the rows are in, in the same
     * transaction ({@link DeferredIndexes}): other sessions then wait to read those tables until the load commits.
     */
    public void generatePersons(long n) {
        Map<String, List<Long>> employersByCity = new HashMap<>();
        for (String city : PersonFactory.CITIES) {
            employersByCity.put(city, bulk.employerIdsIn(city));
        }
        if (employersByCity.values().stream().anyMatch(List::isEmpty)) {
            throw new IllegalStateException("demo.persons needs the demo employers: start once with shebao.demo.enabled=true");
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("at most " + Integer.MAX_VALUE + " persons at a time");
        }
        long t0 = System.nanoTime();
        long first = bulk.reservePersonIds((int) n);
        Phases phases = new Phases();
        long rows;
        boolean deferred;
        try (Connection con = dataSource.getConnection()) { // the owner: only it may drop and make indexes
            con.setAutoCommit(false);
            try (Statement st = con.createStatement()) {
                deferred = fewerPersonsThan(con, n);
                DeferredIndexes indexes = null;
                if (deferred) {
                    st.execute("SET LOCAL maintenance_work_mem = '1GB'"); // sort each index in memory
                    indexes = DeferredIndexes.drop(con, LOADED_TABLES);
                    phases.end("drop indexes");
                }
                rows = copyGeneratedPersons(con, first, n, employersByCity, phases);
                st.execute("ANALYZE registry_person, registry_employer, registry_enrollment, contribution_year");
                phases.end("analyze");
                if (indexes != null) {
                    indexes.restore();
                    phases.end("indexes and keys");
                }
                con.commit();
                phases.end("commit");
            } catch (SQLException | RuntimeException e) {
                con.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("loading " + n + " generated persons failed: " + e.getMessage(), e);
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        log.info("Generated {} persons ({} rows in all) in {} s: {} rows/s{}", n, rows, String.format("%.1f", secs),
                String.format("%.0f", rows / secs), deferred ? "; indexes and keys made after the rows" : "");
        if (benchmark) {
            try {
                double raw = LoadBenchmark.rawCopySeconds(dataSource, first);
                System.out.printf("BENCH demo-load: %d persons, %d rows; generate+load %.2f s (%.0f rows/s); "
                                + "raw COPY of the same rows into empty tables %.2f s (%.0f rows/s); ratio %.2f%n",
                        n, rows, secs, rows / secs, raw, rows / raw, secs / raw);
                System.out.printf("BENCH demo-load phases (s): %s; %d generating threads; indexes %s%n", phases,
                        WORKERS, deferred ? "made after the load" : "kept up row by row");
            } catch (Exception e) {
                throw new IllegalStateException("benchmark baseline failed", e);
            }
        }
    }

    /** The tables that generated persons are loaded into. */
    static final String[] LOADED_TABLES = {"registry_person", "registry_enrollment", "contribution_year"};
    /** Threads that generate and format rows while the connection's thread sends them. */
    private static final int WORKERS = Math.max(2, Runtime.getRuntime().availableProcessors());
    /** Persons per chunk handed to a generating thread. */
    private static final int CHUNK = 2000;

    /** Whether the database holds no more persons than {@code n} (counting at most n + 1 of them). */
    private static boolean fewerPersonsThan(Connection con, long n) throws SQLException {
        try (Statement st = con.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM (SELECT 1 FROM registry_person LIMIT " + (n + 1) + ") p")) {
            rs.next();
            return rs.getLong(1) <= n;
        }
    }

    /** Wall-clock time of each step of a load, for the benchmark. */
    private static final class Phases {
        private final Map<String, Double> seconds = new LinkedHashMap<>();
        private long last = System.nanoTime();

        void end(String phase) {
            long now = System.nanoTime();
            seconds.merge(phase, (now - last) / 1e9, Double::sum);
            last = now;
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder();
            seconds.forEach((k, v) -> b.append(b.isEmpty() ? "" : ", ").append(k).append(' ')
                    .append(String.format("%.2f", v)));
            return b.toString();
        }
    }

    /** The first start's generated persons, in its transaction (the app's connection); returns the first id. */
    private long loadGeneratedPersons(int n, Map<String, List<Long>> employersByCity) {
        long first = bulk.reservePersonIds(n);
        Connection con = DataSourceUtils.getConnection(appDataSource);
        try {
            copyGeneratedPersons(con, first, n, employersByCity, new Phases());
        } finally {
            DataSourceUtils.releaseConnection(con, appDataSource);
        }
        bulk.analyze();
        contributions.analyze();
        return first;
    }

    /**
     * COPY of persons first..first+n-1, then their enrollments, then their contribution years, on {@code con} (in
     * its transaction). Rows are generated in chunks of persons by {@link #WORKERS} threads while this one sends
     * them; returns the number of rows.
     */
    private long copyGeneratedPersons(Connection con, long first, long n, Map<String, List<Long>> employersByCity,
                                      Phases phases) {
        int chunks = (int) ((n + CHUNK - 1) / CHUNK);
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS, r -> {
            Thread t = new Thread(r, "demo-load");
            t.setDaemon(true);
            return t;
        });
        try {
            int ahead = 2 * WORKERS;
            long rows = PgCopy.copyChunks(con, bulk.personCopy(BY), chunks, (c, out) -> {
                for (long k = first + (long) c * CHUNK; k < Math.min(first + n, first + (long) (c + 1) * CHUNK); k++) {
                    PersonFactory.Generated g = factory.person(k);
                    out.accept(new PersonRow(k, g.idNumber(), g.name(), g.gender(), g.birthDate(), g.phone(),
                            g.hukouRegion(), g.city()));
                }
            }, workers, ahead);
            phases.end("persons");
            rows += PgCopy.copyChunks(con, bulk.enrollmentCopy(BY), chunks, (c, out) -> {
                for (long k = first + (long) c * CHUNK; k < Math.min(first + n, first + (long) (c + 1) * CHUNK); k++) {
                    plan(k, employersByCity, out, null);
                }
            }, workers, ahead);
            phases.end("enrollments");
            rows += PgCopy.copyChunks(con, contributions.yearCopy(), chunks, (c, out) -> {
                for (long k = first + (long) c * CHUNK; k < Math.min(first + n, first + (long) (c + 1) * CHUNK); k++) {
                    plan(k, employersByCity, null, out);
                }
            }, workers, ahead);
            phases.end("contribution years");
            return rows;
        } finally {
            workers.shutdownNow();
        }
    }

    /** Decides person k's enrollments and contribution years, the same way in every pass. */
    private void plan(long k, Map<String, List<Long>> employersByCity, Consumer<EnrollmentRow> enrollments,
                      Consumer<YearRow> years) {
        PersonFactory.Basics g = factory.basics(k);
        SplittableRandom rnd = g.random();
        LocalDate today = LocalDate.now(clock);
        int roll = rnd.nextInt(100);
        EnrollmentCategory category = roll < 70 ? EnrollmentCategory.EMPLOYEE
                : roll < 85 ? EnrollmentCategory.FLEXIBLE : EnrollmentCategory.RESIDENT;
        LocalDate first = g.birthDate().plusYears(18 + rnd.nextInt(12)).plusDays(rnd.nextInt(365));
        if (category == EnrollmentCategory.RESIDENT) {
            LocalDate schemeStart = LocalDate.of(2011, 7, 1);
            first = first.isBefore(schemeStart) ? schemeStart.plusDays(rnd.nextInt(200)) : first;
        } else if (first.isBefore(LocalDate.of(1992, 1, 1))) {
            first = LocalDate.of(1992, 1, 1).plusDays(rnd.nextInt(1500));
        }
        if (first.isAfter(today)) {
            return; // too young to be insured yet
        }
        List<Long> employers = employersByCity.get(g.city());
        Long employerId = category == EnrollmentCategory.EMPLOYEE ? employers.get(rnd.nextInt(employers.size())) : null;
        boolean institution = category == EnrollmentCategory.EMPLOYEE && rnd.nextInt(20) == 0;
        double factor = category == EnrollmentCategory.FLEXIBLE ? 0.6 + rnd.nextDouble() * 0.4
                : 0.6 + rnd.nextDouble() * 1.6;
        if (enrollments != null) {
            InsuranceType pension = switch (category) {
                case EMPLOYEE -> institution ? InsuranceType.INSTITUTION_PENSION : InsuranceType.ENTERPRISE_PENSION;
                case FLEXIBLE -> InsuranceType.ENTERPRISE_PENSION;
                case RESIDENT -> InsuranceType.RESIDENT_PENSION;
            };
            enrollments.accept(new EnrollmentRow(k, employerId, category, pension, first, g.city()));
            if (category == EnrollmentCategory.EMPLOYEE) {
                enrollments.accept(new EnrollmentRow(k, employerId, category, InsuranceType.UNEMPLOYMENT, first, g.city()));
                enrollments.accept(new EnrollmentRow(k, employerId, category, InsuranceType.WORK_INJURY, first, g.city()));
            }
        }
        if (years != null && category != EnrollmentCategory.RESIDENT) {
            int lastYear = Math.min(retirementYear(g.birthDate(), g.male(), g.city()), today.getYear() - 1);
            history(k, g.city(), employerId, first, lastYear, factor, rnd, years);
        }
    }

    /** The year the person reaches the statutory retirement age (parameters, with the 2025 gradual rise): the demo
     *  history stops there. Women are given the 55 (cadre) age here. */
    private int retirementYear(LocalDate birth, boolean male, String city) {
        // a cache: millions of generated rows, a few tens of thousands of (city, sex, birth date)
        long key = (birth.toEpochDay() * 2 + (male ? 1 : 0)) * 1_000_000L + Integer.parseInt(city);
        return retirementYears.computeIfAbsent(key, k -> parameters.retirementDate(
                male ? "retirement.age.male" : "retirement.age.female.cadre", new RegionCode(city), birth).getYear());
    }

    /** The province's average monthly wage of the year: the illustrative parameter wage.average.monthly. */
    private Money averageWage(String city, int year) {
        return wageCache.computeIfAbsent(Integer.parseInt(city.substring(0, 2)) * 10000 + year,
                k -> parameters.money("wage.average.monthly", new RegionCode(city), LocalDate.of(year, 7, 1)));
    }

    /** The personal-account share of the contribution base in that year (pension.personalAccount.rate). */
    private BigDecimal accountRate(int year) {
        return rateCache.computeIfAbsent(year, y -> parameters.decimal("pension.personalAccount.rate",
                RegionCode.NATIONAL, LocalDate.of(Math.max(y, 1998), 1, 1)));
    }

    private void history(long personId, String city, Long employerId, LocalDate first, int lastYear,
                         double factor, SplittableRandom rnd, Consumer<YearRow> out) {
        for (int y = first.getYear(); y <= lastYear; y++) {
            int months = y == first.getYear() ? 13 - first.getMonthValue() : 12;
            if (rnd.nextInt(20) == 0) {
                months = rnd.nextInt(months + 1); // an interrupted year
            }
            double f = Math.max(0.6, Math.min(3.0, factor * (0.9 + rnd.nextDouble() * 0.2)));
            Money base = averageWage(city, y).times(BigDecimal.valueOf(f));
            Money credit = base.times(months).times(accountRate(y));
            out.accept(new YearRow(personId, y, city, employerId, months, base, credit));
        }
    }
}
