package vn.teleconsult.identity.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.teleconsult.platform.problem.ProblemException;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "12345678",
                "password",
                "Demo@2026",
                "short pass",
                "123qweasdzxc",
                "1qaz2wsx3edc",
                "QWERTY123456",
                "Password1234!",
                "!!iloveyou2026",
                "aaaaaaaaaaaaaa",
                "abcabcabcabc",
                "123456789012",
                "abcdefghijklm",
                "bs.nguyen.hoa",
                "Teleconsult2026!"
            })
    void shouldRefuseShortCommonRepetitiveAndContextPasswords(String password) {
        var refused = assertThrows(ProblemException.class, () -> policy.accept("bs.nguyen.hoa", password));
        assertEquals(400, refused.status());
        assertTrue(refused.getMessage().startsWith("password: "), refused.getMessage());
    }

    @Test
    void shouldSayWhatToChange() {
        var tooShort = assertThrows(ProblemException.class, () -> policy.accept("an", "12345678"));
        assertTrue(tooShort.getMessage().contains("at least 12 characters"), tooShort.getMessage());
        var common = assertThrows(ProblemException.class, () -> policy.accept("an", "password1234"));
        assertTrue(common.getMessage().contains("most common passwords"), common.getMessage());
        var ownName = assertThrows(ProblemException.class, () -> policy.accept("nguyen.van.an", "Nguyen.Van.An1"));
        assertTrue(ownName.getMessage().contains("user name"), ownName.getMessage());
    }

    @Test
    void shouldAcceptLongPassphrasesInAnyScriptAndCountCharactersNotBytes() {
        assertEquals("correct horse battery", policy.accept("an", "correct horse battery"));
        assertEquals("Demo-Consult-2026", policy.accept("doctor", "Demo-Consult-2026"));
        // 12 Vietnamese letters: 12 characters, though more bytes and (decomposed) more chars
        assertEquals("mậtkhẩudàiđủ", policy.accept("an", "mậtkhẩudàiđủ"));
        String sixtyFour = "ngựa đúng pin kẹp giấy ".repeat(3).substring(0, 64);
        assertEquals(sixtyFour, policy.accept("an", sixtyFour));
        assertThrows(ProblemException.class, () -> policy.accept("an", "x".repeat(150) + "y".repeat(51)));
    }

    @Test
    void shouldNormaliseToNfkcSoTheSameTextTypedDifferentlyMatches() {
        String decomposed = "me\u0323\u0302t kha\u0302\u0309u da\u0300i";
        String composed = "mệt khẩu dài";
        assertEquals(composed, policy.accept("an", decomposed));
        // full-width letters are the same letters
        assertEquals("password1234", PasswordPolicy.normalize("ｐａｓｓｗｏｒｄ１２３４"));
        assertThrows(ProblemException.class, () -> policy.accept("an", "ｐａｓｓｗｏｒｄ１２３４"));
    }

    @Test
    void shouldRefuseControlCharactersAndBrokenUnicode() {
        assertThrows(ProblemException.class, () -> policy.accept("an", "correct horse\u0000battery"));
        assertThrows(ProblemException.class, () -> policy.accept("an", "correct horse \ud800battery"));
        assertThrows(ProblemException.class, () -> policy.accept("an", null));
        assertThrows(ProblemException.class, () -> policy.accept("an", ""));
    }

    @Test
    void shouldMatchHashesMadeBeforeAndAfterNormalisation() {
        var hasher = new PasswordHasher();
        String decomposed = "me\u0323\u0302t kha\u0302\u0309u da\u0300i";
        assertTrue(hasher.matches("mệt khẩu dài", hasher.hash(decomposed)));
        assertTrue(hasher.matches(decomposed, hasher.hash("mệt khẩu dài")));
    }
}
