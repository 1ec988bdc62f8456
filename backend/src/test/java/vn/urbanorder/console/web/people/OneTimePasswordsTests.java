package vn.urbanorder.console.web.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class OneTimePasswordsTests {

    private final OneTimePasswords passwords = new OneTimePasswords();

    @Test
    void threeGroupsOfFourWithNothingThatLooksAlikeAndLongEnoughForTheApi() {
        StepVerifier.create(passwords.next())
                .assertNext(password -> {
                    assertThat(password).matches("[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}");
                    assertThat(password).doesNotContainAnyWhitespaces().hasSizeGreaterThanOrEqualTo(10);
                    assertThat(password.replace("-", "")).doesNotContain("0", "1", "o", "l", "i");
                })
                .verifyComplete();
    }

    @Test
    void everyPasswordIsNew() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            seen.add(passwords.next().block());
        }
        assertThat(seen).hasSize(2000);
    }

    @Test
    void theAlphabetHasNoLookAlikes() {
        assertThat(OneTimePasswords.ALPHABET).hasSize(31).doesNotContain("0", "1", "o", "l", "i");
    }
}
