package org.shebao.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.common.IdNumber;

@DisplayName("Demo person generator")
class PersonFactoryTest {

    @Test
    @DisplayName("200,000 generated persons: every ID number valid (GB 11643) and unique")
    void validAndUnique() {
        PersonFactory f = new PersonFactory(20200130);
        Set<String> seen = new HashSet<>();
        for (long k = 1; k <= 200_000; k++) {
            PersonFactory.Generated g = f.person(k);
            assertThat(IdNumber.isValid(g.idNumber())).as(g.idNumber()).isTrue();
            assertThat(seen.add(g.idNumber())).as("duplicate at k=%d", k).isTrue();
            assertThat(IdNumber.parse(g.idNumber()).birthDate()).isEqualTo(g.birthDate());
            assertThat(IdNumber.parse(g.idNumber()).gender().name()).isEqualTo(g.gender());
        }
    }

    @Test
    @DisplayName("the same seed gives the same persons; another seed other names")
    void deterministic() {
        PersonFactory a = new PersonFactory(1);
        PersonFactory b = new PersonFactory(1);
        PersonFactory c = new PersonFactory(2);
        int differentNames = 0;
        for (long k = 1; k <= 100; k++) {
            assertThat(a.person(k).idNumber()).isEqualTo(b.person(k).idNumber());
            assertThat(a.person(k).name()).isEqualTo(b.person(k).name());
            if (!a.person(k).name().equals(c.person(k).name())) {
                differentNames++;
            }
        }
        assertThat(differentNames).isGreaterThan(50);
    }

    @Test
    @DisplayName("both sexes and a spread of birth years")
    void plausible() {
        PersonFactory f = new PersonFactory(20200130);
        int men = 0;
        Set<Integer> years = new HashSet<>();
        for (long k = 1; k <= 4000; k++) {
            PersonFactory.Generated g = f.person(k);
            men += "MALE".equals(g.gender()) ? 1 : 0;
            years.add(g.birthDate().getYear());
        }
        assertThat(men).isBetween(1500, 2500);
        assertThat(years.size()).isGreaterThan(40);
    }

    @Test
    @DisplayName("basics(k) is person(k) without the strings: same birth date, sex and city, the generator at the same draw")
    void basicsMatchPerson() {
        PersonFactory f = new PersonFactory(20200130);
        for (long k = 1; k <= 20_000; k++) {
            PersonFactory.Generated g = f.person(k);
            PersonFactory.Basics b = f.basics(k);
            assertThat(b.birthDate()).isEqualTo(g.birthDate());
            assertThat(b.male()).isEqualTo("MALE".equals(g.gender()));
            assertThat(b.city()).isEqualTo(g.city());
            assertThat(b.random().nextLong()).as("k=%d", k).isEqualTo(g.random().nextLong());
        }
    }

    @Test
    @DisplayName("zeroPadded is String.format's %0Nd")
    void zeroPadded() {
        for (int v : new int[]{0, 7, 42, 999, 1000, 123456789, 999_999_999}) {
            assertThat(PersonFactory.zeroPadded(v, 3)).isEqualTo(String.format("%03d", v));
            assertThat(PersonFactory.zeroPadded(v, 9)).isEqualTo(String.format("%09d", v));
        }
    }
}
