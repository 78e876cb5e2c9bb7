package org.metshub.curation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Argon2id password hashes in PHC format, and the rules for a new password. */
class PasswordsTest {
  private static final String PASSWORD = "correct horse battery staple";

  /** One real hash, made once: each costs tens of milliseconds. */
  private static final String STORED = Passwords.hash(PASSWORD);

  private static final String[] PARTS = STORED.split("\\$");

  @Test
  void aHashVerifiesItsOwnPasswordOnly() {
    assertThat(Passwords.verify(PASSWORD, STORED)).isTrue();
    assertThat(Passwords.verify("correct horse battery stapl", STORED)).isFalse();
    assertThat(Passwords.verify("Correct horse battery staple", STORED)).isFalse();
    assertThat(Passwords.verify(PASSWORD + " ", STORED)).isFalse();
    assertThat(Passwords.verify("", STORED)).isFalse();
  }

  @Test
  void nonAsciiPasswordsRoundTrip() {
    String pw = "contraseña-ñandú-東京-🙂";
    String h = Passwords.hash(pw);
    assertThat(Passwords.verify(pw, h)).isTrue();
    assertThat(Passwords.verify("contrasena-nandu-東京-🙂", h)).isFalse();
  }

  @Test
  void twoHashesOfOnePasswordDifferBecauseOfTheSalt() {
    String other = Passwords.hash(PASSWORD);
    assertThat(other).isNotEqualTo(STORED);
    assertThat(other.split("\\$")[4]).isNotEqualTo(PARTS[4]);
    assertThat(Passwords.verify(PASSWORD, other)).isTrue();
  }

  @Test
  void hashesAreArgon2idPhcStringsWithTheOwaspCost() {
    assertThat(STORED).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    assertThat(PARTS).hasSize(6);
    // 16-byte salt and 32-byte hash, unpadded standard Base64.
    assertThat(PARTS[4]).matches("[A-Za-z0-9+/]{22}");
    assertThat(PARTS[5]).matches("[A-Za-z0-9+/]{43}");
    assertThat(STORED).doesNotContain(PASSWORD);
  }

  static Stream<Arguments> malformed() {
    String salt = PARTS[4];
    String hash = PARTS[5];
    return Stream.of(
        Arguments.of("null", null),
        Arguments.of("empty", ""),
        Arguments.of("plain text", PASSWORD),
        Arguments.of(
            "argon2i instead of argon2id", "$argon2i$v=19$m=19456,t=2,p=1$" + salt + "$" + hash),
        Arguments.of("bcrypt", "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy"),
        Arguments.of("other version", "$argon2id$v=16$m=19456,t=2,p=1$" + salt + "$" + hash),
        Arguments.of("too few parts", "$argon2id$v=19$m=19456,t=2,p=1$" + salt),
        Arguments.of(
            "too many parts", "$argon2id$v=19$m=19456,t=2,p=1$" + salt + "$" + hash + "$x"),
        Arguments.of("bad base64 salt", "$argon2id$v=19$m=19456,t=2,p=1$!!!$" + hash),
        Arguments.of("bad base64 hash", "$argon2id$v=19$m=19456,t=2,p=1$" + salt + "$@@@@"),
        Arguments.of("empty salt", "$argon2id$v=19$m=19456,t=2,p=1$$" + hash),
        Arguments.of("empty hash", "$argon2id$v=19$m=19456,t=2,p=1$" + salt + "$"),
        Arguments.of("hash too short", "$argon2id$v=19$m=19456,t=2,p=1$" + salt + "$AAAA"),
        Arguments.of("absurd memory", "$argon2id$v=19$m=999999999,t=2,p=1$" + salt + "$" + hash),
        Arguments.of(
            "memory beyond int", "$argon2id$v=19$m=99999999999,t=2,p=1$" + salt + "$" + hash),
        Arguments.of("absurd passes", "$argon2id$v=19$m=19456,t=100000,p=1$" + salt + "$" + hash),
        Arguments.of("zero lanes", "$argon2id$v=19$m=19456,t=2,p=0$" + salt + "$" + hash),
        Arguments.of("negative memory", "$argon2id$v=19$m=-5,t=2,p=1$" + salt + "$" + hash),
        Arguments.of("not a number", "$argon2id$v=19$m=lots,t=2,p=1$" + salt + "$" + hash),
        Arguments.of("unknown parameter", "$argon2id$v=19$m=19456,t=2,q=1$" + salt + "$" + hash),
        Arguments.of(
            "different cost than hashed with",
            "$argon2id$v=19$m=19456,t=3,p=1$" + salt + "$" + hash),
        Arguments.of("other salt", "$argon2id$v=19$m=19456,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$" + hash),
        Arguments.of(
            "one hash bit flipped",
            "$argon2id$v=19$m=19456,t=2,p=1$" + salt + "$" + flipFirst(hash)));
  }

  private static String flipFirst(String b64) {
    char c = b64.charAt(0);
    return (c == 'A' ? 'B' : 'A') + b64.substring(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void malformedOrTamperedStoredStringsVerifyFalseWithoutThrowing(String what, String stored) {
    assertThatCode(() -> assertThat(Passwords.verify(PASSWORD, stored)).isFalse())
        .doesNotThrowAnyException();
  }

  @Test
  void aNullPasswordNeverMatches() {
    assertThat(Passwords.verify(null, STORED)).isFalse();
    assertThat(Passwords.verify(null, null)).isFalse();
  }

  @Test
  void aCostParameterWithoutValueVerifiesFalse() {
    String salt = PARTS[4];
    String hash = PARTS[5];
    for (String stored :
        new String[] {
          "$argon2id$v=19$m,t=2,p=1$" + salt + "$" + hash,
          "$argon2id$v=19$m=19456,t=2,p=1,x$" + salt + "$" + hash,
          "$argon2id$v=19$$" + salt + "$" + hash
        }) {
      assertThatCode(() -> assertThat(Passwords.verify(PASSWORD, stored)).isFalse())
          .as(stored)
          .doesNotThrowAnyException();
    }
  }

  @Test
  void newPasswordRules() {
    assertThat(Passwords.problem(null)).contains("empty");
    assertThat(Passwords.problem("")).contains("empty");
    assertThat(Passwords.problem("a".repeat(11)))
        .contains("too short")
        .contains("12")
        .contains("got 11");
    assertThat(Passwords.problem("a".repeat(12))).isNull();
    assertThat(Passwords.problem("a".repeat(200))).isNull();
    assertThat(Passwords.problem("a".repeat(201))).contains("too long");
    assertThat(Passwords.problem("abcdefghijk\u0007")).contains("control");
    assertThat(Passwords.problem("abcdefghijkl\n")).contains("control");
    assertThat(Passwords.problem("abcdef\tghijkl")).contains("control");
    assertThat(Passwords.problem("abcdefghijkl\u007f")).contains("control");
    // Length counts characters, not UTF-16 units: 11 emoji are 22 chars but still too short.
    assertThat(Passwords.problem("🙂".repeat(11))).contains("too short");
    assertThat(Passwords.problem("🙂".repeat(12))).isNull();
    assertThat(Passwords.problem("   spaces are fine   ")).isNull();
  }
}
