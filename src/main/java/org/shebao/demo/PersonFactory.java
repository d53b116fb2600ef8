package org.shebao.demo;

import java.time.LocalDate;
import java.util.SplittableRandom;
import org.shebao.common.IdNumber;

/**
 * Builds the k-th generated person deterministically from (seed, k), so that persons, their enrollments and their
 * histories can be streamed in three passes without keeping anything in memory, and so that ID numbers are unique:
 * k maps one-to-one onto (address code, birth date, sequence number).
 */
final class PersonFactory {
    /** Cities with some of their districts (GB/T 2260). Index = city of person k % 4. */
    static final String[] CITIES = {"350100", "350200", "140100", "140900"};
    private static final String[][] DISTRICTS = {
            {"350102", "350103", "350104", "350105", "350111", "350121", "350181"},
            {"350203", "350205", "350206", "350211", "350212", "350213"},
            {"140105", "140106", "140107", "140108", "140109", "140110", "140181"},
            {"140902", "140921", "140922", "140923", "140924", "140925", "140981"}};
    private static final String[] OTHER_PROVINCES = {"360102", "410102", "330102", "440106", "510104", "130102"};
    static final LocalDate FIRST_BIRTH = LocalDate.of(1955, 1, 1);
    static final int BIRTH_DAYS = 17532; // 1955-01-01 .. 2002-12-31
    private static final int DAY_STRIDE = 7919; // prime, coprime with BIRTH_DAYS: a permutation of the days
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华建国志红玉梅林海燕春晓文斌辉鹏飞丹萍宁健云凤琴雪颖亮浩宇欣怡佳俊晨阳丽萍婷慧";

    private final long seed;

    PersonFactory(long seed) {
        this.seed = seed;
    }

    record Generated(long k, String idNumber, String name, String gender, LocalDate birthDate, String phone,
                     String hukouRegion, String city, SplittableRandom random) {
    }

    Generated person(long k) {
        int city = (int) (k % CITIES.length);
        long r = k / CITIES.length;
        SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + k);
        String[] districts = DISTRICTS[city];
        int dayIndex = (int) ((r % BIRTH_DAYS) * DAY_STRIDE % BIRTH_DAYS);
        long s = r / BIRTH_DAYS; // 0.. ; capacity: 4 cities × 17532 days × 1000 sequence numbers × at least 6 districts / 2
        // district = (s / 500 + dayIndex) mod n spreads persons over the districts and stays reversible
        String address = districts[(int) ((s / 500 + dayIndex) % districts.length)];
        int genderBit = Integer.bitCount(dayIndex * 31 + city) & 1; // fixed per (city, day): keeps k ↦ id one-to-one
        int seq = (int) (s % 500) * 2 + genderBit;
        if (s / 500 >= districts.length) {
            throw new IllegalStateException("person index " + k + " exceeds the generator's capacity");
        }
        LocalDate birth = FIRST_BIRTH.plusDays(dayIndex);
        String first17 = address + birth.toString().replace("-", "") + zeroPadded(seq, 3);
        String id = first17 + IdNumber.checkChar(first17);
        String hukou = rnd.nextInt(10) == 0 ? OTHER_PROVINCES[rnd.nextInt(OTHER_PROVINCES.length)] : address;
        String name = SURNAMES.charAt(rnd.nextInt(SURNAMES.length())) + given(rnd);
        String phone = "1" + "3456789".charAt(rnd.nextInt(7)) + zeroPadded(rnd.nextInt(1_000_000_000), 9);
        return new Generated(k, id, name, seq % 2 == 1 ? "MALE" : "FEMALE", birth, phone, hukou, CITIES[city], rnd);
    }

    /** What the enrollments and histories of person k depend on. */
    record Basics(LocalDate birthDate, boolean male, String city, SplittableRandom random) {
    }

    /**
     * The same as {@link #person(long)} without building the strings: the random generator has made the same draws
     * and is where {@code person(k).random()} would be (for the enrollment and history passes).
     */
    Basics basics(long k) {
        int city = (int) (k % CITIES.length);
        long r = k / CITIES.length;
        SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + k);
        int dayIndex = (int) ((r % BIRTH_DAYS) * DAY_STRIDE % BIRTH_DAYS);
        long s = r / BIRTH_DAYS;
        int genderBit = Integer.bitCount(dayIndex * 31 + city) & 1;
        int seq = (int) (s % 500) * 2 + genderBit;
        if (s / 500 >= DISTRICTS[city].length) {
            throw new IllegalStateException("person index " + k + " exceeds the generator's capacity");
        }
        if (rnd.nextInt(10) == 0) { // hukou
            rnd.nextInt(OTHER_PROVINCES.length);
        }
        rnd.nextInt(SURNAMES.length()); // name
        rnd.nextInt(GIVEN.length());
        if (rnd.nextInt(3) != 0) {
            rnd.nextInt(GIVEN.length());
        }
        rnd.nextInt(7); // phone
        rnd.nextInt(1_000_000_000);
        return new Basics(FIRST_BIRTH.plusDays(dayIndex), seq % 2 == 1, CITIES[city], rnd);
    }

    /** {@code String.format("%0<digits>d", v)} for 0 ≤ v, without the formatter's cost (millions of calls). */
    static String zeroPadded(int v, int digits) {
        String s = Integer.toString(v);
        return s.length() >= digits ? s : "0".repeat(digits - s.length()) + s;
    }

    private static String given(SplittableRandom rnd) {
        String a = String.valueOf(GIVEN.charAt(rnd.nextInt(GIVEN.length())));
        return rnd.nextInt(3) == 0 ? a : a + GIVEN.charAt(rnd.nextInt(GIVEN.length()));
    }

}
