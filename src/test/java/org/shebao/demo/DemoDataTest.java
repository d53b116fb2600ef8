package org.shebao.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.common.IdNumber;
import org.shebao.identity.Role;

@DisplayName("Demo users and named persons")
class DemoDataTest {
    @Test
    @DisplayName("every staff role exists in both provinces")
    void everyRoleInBothProvinces() {
        for (String province : new String[]{"35", "14"}) {
            Set<Role> roles = DemoData.STAFF.stream().filter(u -> u.region().startsWith(province))
                    .map(DemoData.StaffUser::role).collect(Collectors.toSet());
            assertThat(roles).as(province).containsExactlyInAnyOrder(Role.CLERK, Role.REVIEWER, Role.FINANCE,
                    Role.AUDITOR, Role.HALL_MANAGER, Role.ADMIN, Role.SECURITY_ADMIN, Role.INJURY_RECOGNITION, Role.PUBLICITY);
        }
    }

    @Test
    @DisplayName("named persons have valid ID numbers; employer org codes carry the GB 11714 check")
    void namedPersons() {
        DemoData.NAMED.forEach(n -> assertThat(IdNumber.isValid(n.idNumber())).as(n.name()).isTrue());
        // the organisation code inside Tencent's published credit code 9144030071526726XG
        assertThat(DemoData.orgCheck("71526726")).isEqualTo('X');
        assertThat(DemoData.orgCheck("12345678")).isEqualTo('8');
    }
}
