package org.shebao.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.common.InvalidInputException;
import org.shebao.common.RegionCode;
import org.springframework.core.io.ClassPathResource;

@DisplayName("Jurisdictions (GB/T 2260) as data")
class JurisdictionsTest {
    private final Jurisdictions jurisdictions = new Jurisdictions(new ClassPathResource("policy/jurisdictions.yml"));

    @Test
    @DisplayName("national, Shanxi with Taiyuan and Xinzhou, Fujian with Fuzhou and Xiamen")
    void tree() {
        assertThat(jurisdictions.all()).extracting(j -> j.code().value())
                .containsExactly("000000", "140000", "140100", "140900", "350000", "350100", "350200");
        assertThat(jurisdictions.path(new RegionCode("350100"))).extracting(Jurisdiction::name)
                .containsExactly("全国", "福建省", "福州市");
        assertThat(jurisdictions.servedWithin(new RegionCode("140000"))).extracting(Jurisdiction::name)
                .containsExactly("太原市", "忻州市");
    }

    @Test
    @DisplayName("an unknown region is refused with the code named")
    void unknownRegion() {
        assertThatThrownBy(() -> jurisdictions.requireServed("350199", "regionCode"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.violations().get(0).code()).isEqualTo("error.region.unknown");
                    assertThat(e.violations().get(0).args()).containsExactly("350199");
                });
        assertThatThrownBy(() -> jurisdictions.requirePlausibleAddress("990101", "hukouRegion"))
                .isInstanceOf(InvalidInputException.class);
        assertThat(jurisdictions.requirePlausibleAddress("410102", "hukouRegion").value()).isEqualTo("410102");
    }

    @Test
    @DisplayName("issue 17: a place is named for people, also a district below a served city or province, never a "
            + "bare code when its province is served")
    void placeOf() {
        assertThat(jurisdictions.placeOf("350100", java.util.Locale.SIMPLIFIED_CHINESE)).isEqualTo("福州市");
        assertThat(jurisdictions.placeOf("350102", java.util.Locale.SIMPLIFIED_CHINESE)).isEqualTo("福州市辖区县");
        assertThat(jurisdictions.placeOf("350102", java.util.Locale.ENGLISH)).isEqualTo("a district of Fuzhou");
        assertThat(jurisdictions.placeOf("350402", java.util.Locale.SIMPLIFIED_CHINESE)).isEqualTo("福建省辖区县");
        assertThat(jurisdictions.placeOf("", java.util.Locale.SIMPLIFIED_CHINESE)).isEmpty();
    }

    @Test
    @DisplayName("a broken file stops the platform with the file and the reason")
    void brokenFile() {
        assertThatThrownBy(() -> new Jurisdictions(new ClassPathResource("policy-broken/missing-parent.yml")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("missing-parent.yml")
                .hasMessageContaining("parent 350000 must be listed before 350100");
    }
}
