package org.metshub.curation;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.jspecify.annotations.Nullable;

/**
 * Curator passwords hashed with Argon2id (Bouncy Castle), stored in the PHC string format {@code
 * $argon2id$v=19$m=19456,t=2,p=1$SALT$HASH}. The cost is OWASP's minimum recommendation for
 * Argon2id (19 MiB, 2 passes, 1 lane): about 50 ms a hash on this machine. Verification reads the
 * cost from the stored string, so it can be raised later without breaking old hashes.
 */
final class Passwords {
  /** Shortest and longest password accepted. */
  public static final int MIN_LENGTH = 12;

  public static final int MAX_LENGTH = 200;

  private static final int MEMORY_KIB = 19 * 1024;
  private static final int ITERATIONS = 2;
  private static final int LANES = 1;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getDecoder();

  private Passwords() {}

  /** Why a new password cannot be used, or null when it can. */
  public static @Nullable String problem(@Nullable String password) {
    if (password == null || password.isEmpty()) {
      return "the password is empty";
    }
    int n = password.codePointCount(0, password.length());
    if (n < MIN_LENGTH) {
      return "the password is too short: use at least "
          + MIN_LENGTH
          + " characters (got "
          + n
          + ")";
    }
    if (n > MAX_LENGTH) {
      return "the password is too long: at most " + MAX_LENGTH + " characters";
    }
    if (password.chars().anyMatch(Character::isISOControl)) {
      return "the password contains control characters";
    }
    return null;
  }

  /** A new salted Argon2id hash of {@code password} in PHC format. */
  public static String hash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    byte[] out = derive(password, salt, MEMORY_KIB, ITERATIONS, LANES, HASH_BYTES);
    return "$argon2id$v=19$m="
        + MEMORY_KIB
        + ",t="
        + ITERATIONS
        + ",p="
        + LANES
        + "$"
        + B64.encodeToString(salt)
        + "$"
        + B64.encodeToString(out);
  }

  /** Whether {@code password} matches {@code stored}; false for anything malformed. */
  public static boolean verify(@Nullable String password, @Nullable String stored) {
    if (password == null || stored == null) {
      return false;
    }
    String[] parts = stored.split("\\$");
    // "", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash
    if (parts.length != 6 || !parts[1].equals("argon2id") || !parts[2].equals("v=19")) {
      return false;
    }
    try {
      int m = 0;
      int t = 0;
      int p = 0;
      for (String kv : parts[3].split(",")) {
        String[] x = kv.split("=", 2);
        if (x.length != 2) {
          return false;
        }
        int v = Integer.parseInt(x[1]);
        switch (x[0]) {
          case "m" -> m = v;
          case "t" -> t = v;
          case "p" -> p = v;
          default -> {
            return false;
          }
        }
      }
      // Bounds keep a tampered row from costing more than 256 MiB or many seconds.
      if (m < 8 || m > 256 * 1024 || t < 1 || t > 10 || p < 1 || p > 16) {
        return false;
      }
      byte[] salt = B64D.decode(parts[4]);
      byte[] expected = B64D.decode(parts[5]);
      if (expected.length < 16 || expected.length > 64) {
        return false;
      }
      byte[] actual = derive(password, salt, m, t, p, expected.length);
      return MessageDigest.isEqual(expected, actual);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Spends the time of one verification, so an unknown user name answers as slowly. */
  static void burn(@Nullable String password) {
    derive(
        password == null ? "" : password,
        new byte[SALT_BYTES],
        MEMORY_KIB,
        ITERATIONS,
        LANES,
        HASH_BYTES);
  }

  private static byte[] derive(String password, byte[] salt, int m, int t, int p, int len) {
    Argon2Parameters params =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(m)
            .withIterations(t)
            .withParallelism(p)
            .withSalt(salt)
            .build();
    Argon2BytesGenerator gen = new Argon2BytesGenerator();
    gen.init(params);
    byte[] out = new byte[len];
    gen.generateBytes(password.getBytes(java.nio.charset.StandardCharsets.UTF_8), out);
    return out;
  }
}
