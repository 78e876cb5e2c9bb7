package org.metshub.ingest.infer;

import org.metshub.error.MetsHubException.Unavailable;

/**
 * The checkpoint of a time budget: the importer interrupts the thread that analyses a file when the
 * file's time is up (see {@code Importer}), and the inference loops call {@link #checkpoint} once
 * per mention, so the analysis stops there instead of running on. Interruption is Java's own way to
 * ask a thread to stop; checking it costs a field read.
 */
public final class WorkBudget {
  private WorkBudget() {}

  /**
   * The analysis of a file ran out of time. The importer catches it and rejects the file; were it
   * to escape, it is a failure that passes (a retry with more time, or a smaller file).
   */
  public static final class Exceeded extends Unavailable {
    private static final long serialVersionUID = 1L;

    Exceeded() {
      super("the analysis ran out of time");
    }
  }

  /** Throws {@link Exceeded} when this thread has been asked to stop. */
  public static void checkpoint() {
    if (Thread.currentThread().isInterrupted()) {
      throw new Exceeded();
    }
  }
}
