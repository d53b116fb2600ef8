package org.shebao.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("GB/T 2260 region codes and scopes")
class RegionCodeTest {
    @Test
    @DisplayName("national covers all; a province its cities; a city its districts but not its neighbours")
    void covers() {
        RegionCode fujian = new RegionCode("350000");
        RegionCode fuzhou = new RegionCode("350100");
        assertThat(RegionCode.NATIONAL.covers(new RegionCode("140100"))).isTrue();
        assertThat(fujian.covers(fuzhou)).isTrue();
        assertThat(fuzhou.covers(new RegionCode("350102"))).isTrue();
        assertThat(fuzhou.covers(new RegionCode("350200"))).isFalse();
        assertThat(fuzhou.covers(new RegionCode("140100"))).isFalse();
        assertThat(fuzhou.covers(fujian)).isFalse();
        assertThat(new RegionCode("350102").city()).isEqualTo(fuzhou);
        assertThat(fuzhou.province()).isEqualTo(fujian);
    }

    @Test
    @DisplayName("anything but six digits is rejected")
    void format() {
        assertThatThrownBy(() -> RegionCode.parse("35010", "regionCode")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> RegionCode.parse("35O100", "regionCode")).isInstanceOf(InvalidInputException.class);
    }
}
