package org.shebao.common;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.shebao.identity.UserAdministration.NewAccount;
import org.shebao.policy.Emergencies.Declaration;
import org.shebao.registry.EmployerData;
import org.shebao.registry.PersonData;

/**
 * The simple field rules, once written by hand in the services (Violations.text / phone, the name and user-name
 * patterns), are annotations on the request records now: each input the old checks refused is refused with the same
 * message key on the same field, and what they accepted still passes. Plain Bean Validation, no Spring.
 */
@DisplayName("Field rules as annotations refuse what the hand-written checks refused, with the same messages")
class FieldRulesTest {
    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    /** The violations as the user gets them: field, message key and its arguments. */
    private static List<String> refused(Object request) {
        return FieldRules.of(VALIDATOR.validate(request)).stream()
                .map(v -> v.field() + ":" + v.code() + (v.args().isEmpty() ? "" : v.args())).toList();
    }

    private static PersonData person(String name, String phone) {
        return new PersonData("350104198506150014", name, phone, "350104", "350100");
    }

    @ParameterizedTest(name = "name \"{0}\" → {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "NULL|name:error.required",
            "'   '|name:error.required",
            "王王王王王王王王王王王王王王王王王王王王王王王王王王王王王王王王王王王王王王王王王王王王王王王王王王王王王|name:error.tooLong[50]",
            "王2|name:error.name.characters",
            "Li\u0007Lei|name:error.name.characters",
            "林测试|",
            "' 阿依古丽·买买提 '|",
            "Zhang San|"})
    @DisplayName("a person's name: required, at most 50 characters, letters, '·' and spaces only")
    void personName(String name, String expected) {
        assertThat(refused(person(name, null))).isEqualTo(expected == null ? List.of() : List.of(expected));
    }

    @Test
    @DisplayName("a name of 50 characters outside the BMP is 50 characters, as the database counts them")
    void codePoints() {
        assertThat(refused(person("𠮷".repeat(50), null))).isEmpty();
        assertThat(refused(person("𠮷".repeat(51), null))).containsExactly("name:error.tooLong[50]");
    }

    @ParameterizedTest(name = "phone \"{0}\" → {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "12345|phone:error.phone",
            "1390591009|phone:error.phone",
            "2390591009 9|phone:error.phone",
            "139059100991390591009|phone:error.tooLong[20]",
            "NULL|",
            "'  '|",
            "13905910099|",
            "' 13905910099 '|",
            "0591-87654321|",
            "059187654321|"})
    @DisplayName("a phone: optional, a mobile or a landline, at most 20 characters")
    void phone(String phone, String expected) {
        assertThat(refused(person("林测试", phone))).isEqualTo(expected == null ? List.of() : List.of(expected));
    }

    @Test
    @DisplayName("the record keeps the text trimmed, and a blank optional field as no value")
    void trimmed() {
        PersonData p = person(" 林测试 ", "  ");
        assertThat(p.name()).isEqualTo("林测试");
        assertThat(p.phone()).isNull();
    }

    @Test
    @DisplayName("several bad fields are all listed, one message each, in the record's order")
    void allAtOnce() {
        assertThat(refused(person("", "abc"))).containsExactly("name:error.required", "phone:error.phone");
        EmployerData e = new EmployerData("91350100MA0000000X", "厂".repeat(101), "350100", "路".repeat(201),
                "a\u0000b", "12345", "fz.clerk", "0591-87654321");
        assertThat(refused(e)).containsExactly("name:error.tooLong[100]", "address:error.tooLong[200]",
                "contactName:error.format", "contactPhone:error.phone");
    }

    @Test
    @DisplayName("an employer: the name required (at most 100), the rest optional with their lengths and phones")
    void employer() {
        assertThat(refused(new EmployerData(null, " ", null, null, null, null, null, null)))
                .containsExactly("name:error.required");
        assertThat(refused(new EmployerData(null, "福州测试科技有限公司", null, "", null, null, "林".repeat(51),
                "0591-8765"))).containsExactly("agencyContact:error.tooLong[50]", "agencyContactPhone:error.phone");
        assertThat(refused(new EmployerData(null, "福州测试科技有限公司", null, "福州市鼓楼区", "林小燕",
                "13905910099", null, null))).isEmpty();
    }

    @ParameterizedTest(name = "user name \"{0}\" → {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "NULL|username:error.user.username",
            "ab|username:error.user.username",
            "Fz.clerk|username:error.user.username",
            "1clerk|username:error.user.username",
            "fz clerk|username:error.user.username",
            "' fz.clerk9 '|",
            "xm.review_2|"})
    @DisplayName("a staff account's user name: 3 to 32 lower-case letters, digits, '.', '-', '_', a letter first")
    void username(String username, String expected) {
        NewAccount a = new NewAccount(username, "厦门受理 王芳", "CLERK", "350200");
        assertThat(refused(a)).isEqualTo(expected == null ? List.of() : List.of(expected));
    }

    @Test
    @DisplayName("a staff account's name and an emergency's name: required, with their maximum lengths")
    void names() {
        assertThat(refused(new NewAccount("xm.clerk9", "", "CLERK", "350200")))
                .containsExactly("displayName:error.required");
        assertThat(refused(new NewAccount("xm.clerk9", "王".repeat(51), "CLERK", "350200")))
                .containsExactly("displayName:error.tooLong[50]");
        assertThat(refused(new Declaration("350000", null, "2020-01-24"))).containsExactly("name:error.required");
        assertThat(refused(new Declaration("350000", "疫".repeat(101), "2020-01-24")))
                .containsExactly("name:error.tooLong[100]");
        assertThat(refused(new Declaration("350000", "新冠肺炎疫情一级响应", "2020-01-24"))).isEmpty();
    }
}
