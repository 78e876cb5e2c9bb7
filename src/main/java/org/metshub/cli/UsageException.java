package org.metshub.cli;

import org.metshub.error.MetsHubException.BadInput;

/**
 * A command was called wrongly in a way picocli cannot see: bad input on the command line itself,
 * which {@link Main#exitCode} gives 64 like picocli's own usage errors.
 */
final class UsageException extends BadInput {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
