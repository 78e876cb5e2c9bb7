package org.metshub.error;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The one unchecked domain exception of MetsHub. Its kind says whose fault a failure is and what
 * the caller can do about it; there are exactly five, and the CLI's exit codes ({@code
 * cli.ExitCodes}) and the web's statuses ({@code web.Errors}) are the only two tables that map
 * them:
 *
 * <ul>
 *   <li>{@link BadInput}: the input breaks a rule (a malformed file, an unknown value, a field too
 *       long). Exit 65, HTTP 400.
 *   <li>{@link NotFound}: the input names something that does not exist (a user, a backup file, a
 *       document). Exit 66, HTTP 404.
 *   <li>{@link Conflict}: the input contradicts the data as it is now (a name already taken, a
 *       document someone else changed first). Exit 65, HTTP 409.
 *   <li>{@link Unavailable}: it cannot be done now, for a reason that passes or that an
 *       administrator must fix (a running server holds the index, the KB folder is read-only). Exit
 *       75, HTTP 503.
 *   <li>{@link Internal}: our own failure (an index that cannot be written, a bundled resource
 *       missing, a database error). Exit 70, HTTP 500.
 * </ul>
 *
 * <p>The message of every kind but {@link Internal} is written for the person who asked: it names
 * the input, the rule and the bad value, and may be shown to a web client. An {@link Internal}
 * message is for the log and the operator's console; the web never sends it. The cause, when there
 * is one, is kept.
 *
 * <p>A kind is subclassed only where a caller needs more than the message (the line of a front
 * matter error, the folder of a held index); such subclasses are still of their kind.
 */
public abstract sealed class MetsHubException extends RuntimeException
    permits MetsHubException.BadInput,
        MetsHubException.NotFound,
        MetsHubException.Conflict,
        MetsHubException.Unavailable,
        MetsHubException.Internal {
  private static final long serialVersionUID = 1L;

  private MetsHubException(String message, @Nullable Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
  }

  /** The message, which every kind has: the constructors take it, never null. */
  @Override
  public String getMessage() {
    return Objects.requireNonNull(super.getMessage());
  }

  /** The input breaks a rule; the message names the input, the rule and the bad value. */
  public static non-sealed class BadInput extends MetsHubException {
    private static final long serialVersionUID = 1L;

    public BadInput(String message) {
      super(message, null);
    }

    public BadInput(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The input names something that does not exist; the message says what was looked for. */
  public static final class NotFound extends MetsHubException {
    private static final long serialVersionUID = 1L;

    public NotFound(String message) {
      super(message, null);
    }

    public NotFound(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The input contradicts the data as it is now; the message says what to do instead. */
  public static non-sealed class Conflict extends MetsHubException {
    private static final long serialVersionUID = 1L;

    public Conflict(String message) {
      super(message, null);
    }

    public Conflict(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** It cannot be done now; the message says why, and what would make it work. */
  public static non-sealed class Unavailable extends MetsHubException {
    private static final long serialVersionUID = 1L;

    public Unavailable(String message) {
      super(message, null);
    }

    public Unavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * Our own failure; the message says what failed for which key, for the log. Never shown to a web
   * client.
   */
  public static final class Internal extends MetsHubException {
    private static final long serialVersionUID = 1L;

    public Internal(String message) {
      super(message, null);
    }

    public Internal(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
