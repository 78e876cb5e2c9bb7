package org.metshub.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.metshub.error.MetsHubException.BadInput;
import org.metshub.error.MetsHubException.Internal;
import org.metshub.error.MetsHubException.NotFound;
import org.metshub.ingest.infer.WorkBudget;
import org.metshub.kb.FrontMatterBinder;
import org.metshub.kb.FrontMatterException;
import org.metshub.kb.FrontMatterReader;
import org.metshub.kb.FrontMatterWriter;
import org.metshub.kb.KbDocument;
import org.metshub.kb.Problem;
import org.metshub.kb.RawFrontMatter;
import org.metshub.kb.ReviewSchedule;
import org.metshub.kb.SafeFiles;
import org.metshub.kb.Severity;
import org.metshub.kb.Validator;
import org.metshub.kb.Vocabularies;

/**
 * Imports sources of one kind into a KB folder: reads every source into items, gives each draft a
 * unique file, enriches it ({@link Enrichment}), checks the file it would write with the validator
 * (a file with errors is rejected, never written), and writes it ({@link ImportWriter}). The
 * analysis of each draft has a time budget ({@link #FILE_BUDGET}); a draft over it is rejected with
 * that reason. Drafts are enriched in parallel; files are written in source order, so a run is
 * deterministic and a second run on the same input changes nothing. Thread-safe.
 */
public final class Importer {
  /**
   * Time the analysis of one file (one draft) may take. The largest real files (NCI, about 1.1 MB)
   * take well under a second, and 1 MB of text on one line about a second since the inference is
   * linear; a minute leaves room for slow machines and still stops a file that something unforeseen
   * makes pathological.
   */
  public static final Duration FILE_BUDGET = Duration.ofSeconds(60);

  /** Rings the budgets; a daemon, so it never keeps the JVM alive. */
  private static final ScheduledExecutorService ALARMS =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "import-budget");
            t.setDaemon(true);
            return t;
          });

  private final Vocabularies vocab;
  private final ImportOptions options;
  private final Duration budget;
  private final FrontMatterWriter frontMatterWriter = new FrontMatterWriter();
  private final FrontMatterReader frontMatterReader = new FrontMatterReader();

  public Importer(Vocabularies vocab, ImportOptions options) {
    this(vocab, options, FILE_BUDGET);
  }

  /** With another time budget per file (tests use a tiny one). */
  Importer(Vocabularies vocab, ImportOptions options, Duration budget) {
    this.vocab = vocab;
    this.options = options;
    this.budget = budget;
  }

  /** The outcome of enriching and checking one draft. */
  private sealed interface Checked permits Ready, Failed {}

  private record Ready(Enrichment.Prepared prepared, String text) implements Checked {}

  private record Failed(ImportItem.Rejected rejected) implements Checked {}

  /**
   * Imports the sources into {@code out}.
   *
   * @throws Internal when the output folder cannot be written
   */
  public ImportReport run(ImportKind kind, List<Path> sources, Path out) {
    return run(kind, sources, out, (done, total) -> {});
  }

  /** Hears how many drafts of how many are enriched and checked (from several threads). */
  @FunctionalInterface
  public interface Progress {
    void drafts(long done, long total);
  }

  /**
   * Imports the sources into {@code out}, telling {@code progress} as drafts are enriched.
   *
   * @throws Internal when the output folder cannot be written
   */
  public ImportReport run(ImportKind kind, List<Path> sources, Path out, Progress progress) {
    long start = System.nanoTime();
    SourceReader reader = kind.reader(options, vocab);
    List<ImportItem> items = new ArrayList<>();
    for (Path source : sources) {
      items.addAll(read(kind, reader, source));
    }
    items = Candidates.merge(items);
    items = uniquePaths(items);

    Enrichment enrichment = new Enrichment(vocab, options, kind.id());
    FrontMatterBinder binder = new FrontMatterBinder(vocab);
    Validator validator = new Validator(vocab, ReviewSchedule.systemDefault());
    // Enrichment and checking are the costly part and independent per draft.
    long drafts = items.stream().filter(i -> i instanceof ImportItem.Draft).count();
    java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
    progress.drafts(0, drafts);
    List<Checked> checked =
        items.parallelStream()
            .filter(i -> i instanceof ImportItem.Draft)
            .map(
                i -> {
                  Checked c = check(enrichment, binder, validator, (ImportItem.Draft) i);
                  progress.drafts(done.incrementAndGet(), drafts);
                  return c;
                })
            .toList();

    ImportWriter writer = new ImportWriter(out, options.dryRun());
    List<ImportReport.FileEntry> files = new ArrayList<>();
    List<ImportReport.Rejection> rejected = new ArrayList<>();
    List<Correction> corrections = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    int normalised = 0;
    int k = 0;
    for (ImportItem item : items) {
      if (item instanceof ImportItem.Rejected r) {
        rejected.add(new ImportReport.Rejection(r.origin(), r.reason()));
        continue;
      }
      switch (checked.get(k++)) {
        case Failed f ->
            rejected.add(new ImportReport.Rejection(f.rejected().origin(), f.rejected().reason()));
        case Ready ready -> {
          Enrichment.Prepared p = ready.prepared();
          ImportWriter.Outcome outcome = writer.write(p.draft().relativePath(), ready.text());
          files.add(
              new ImportReport.FileEntry(
                  p.draft().relativePath(),
                  p.draft().origin(),
                  p.draft().type().plural(),
                  outcome.label(),
                  p.frontMatter().language(),
                  p.frontMatter().audienceLevel(),
                  p.frontMatter().cancerTypes(),
                  p.readability().grade(),
                  p.readability().formula()));
          if (outcome == ImportWriter.Outcome.KEPT) {
            warnings.add(
                p.draft().relativePath()
                    + ": kept as it is: edited since the last"
                    + " import (or not written by the import); not overwritten");
          } else {
            corrections.addAll(p.corrections());
            warnings.addAll(p.warnings());
            normalised += p.normalisedTypes();
          }
        }
      }
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    return new ImportReport(
        kind.id(),
        sources.stream().map(Path::toString).toList(),
        options.dryRun(),
        files,
        rejected,
        corrections,
        warnings,
        normalised,
        millis);
  }

  /**
   * The items of one named source. Only regular files are read; a link is followed only inside the
   * folder it is in unless the options allow more; every entry passed over (a FIFO, a device, a
   * link out of the folder) is a rejected item that says why.
   */
  private List<ImportItem> read(ImportKind kind, SourceReader reader, Path source) {
    if (!Files.exists(source, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return List.of(
          new ImportItem.Rejected(source.toString(), source + ": no such file or folder"));
    }
    if (kind == ImportKind.KB) {
      return reader.read(source);
    }
    SafeFiles.Listing listing;
    try {
      listing = SafeFiles.list(List.of(source), reader::accepts, options.followLinks());
    } catch (BadInput | NotFound e) {
      return List.of(new ImportItem.Rejected(source.toString(), e.getMessage()));
    }
    List<ImportItem> items = new ArrayList<>();
    for (Path f : listing.files()) {
      items.addAll(reader.read(f));
    }
    for (SafeFiles.Skipped s : listing.skipped()) {
      items.add(new ImportItem.Rejected(s.path().toString(), s.describe()));
    }
    return items;
  }

  /**
   * Runs {@code work} on this thread within the budget: when the time is up the thread is
   * interrupted, the inference stops at its next checkpoint ({@link WorkBudget}), and the result is
   * empty. Either way the thread leaves with its interrupt flag clear.
   */
  private <T> Optional<T> withinBudget(Supplier<T> work) {
    Thread worker = Thread.currentThread();
    Object lock = new Object();
    boolean[] state = {false, false}; // {done, rang}
    ScheduledFuture<?> alarm =
        ALARMS.schedule(
            () -> {
              synchronized (lock) {
                if (!state[0]) {
                  state[1] = true;
                  worker.interrupt();
                }
              }
            },
            budget.toNanos(),
            TimeUnit.NANOSECONDS);
    T result = null;
    try {
      result = work.get();
    } catch (WorkBudget.Exceeded e) {
      // the alarm rang: reported below
    } finally {
      synchronized (lock) {
        state[0] = true;
      }
      alarm.cancel(false);
      if (state[1]) {
        Thread.interrupted(); // the flag was ours; clear it for the pool's next task
      }
    }
    return state[1] ? Optional.empty() : Optional.ofNullable(result);
  }

  /**
   * Gives drafts that would share a file distinct ids, in item order: the second {@code x.md}
   * becomes {@code x-2.md}. Order is the sources' sorted order, so the same input always gives the
   * same names.
   */
  private static List<ImportItem> uniquePaths(List<ImportItem> items) {
    Set<String> taken = new HashSet<>();
    List<ImportItem> out = new ArrayList<>(items.size());
    for (ImportItem item : items) {
      if (item instanceof ImportItem.Draft d) {
        ImportItem.Draft unique = d;
        for (int n = 2; !taken.add(unique.relativePath()); n++) {
          unique = d.withId(d.id() + "-" + n);
        }
        out.add(unique);
      } else {
        out.add(item);
      }
    }
    return out;
  }

  /**
   * Enriches a draft and checks the file it gives as {@code metshub validate} would: the front
   * matter is read back from the written text (so what is checked is what is written); the body is
   * the draft's, already cut into sections by the enrichment.
   */
  private Checked check(
      Enrichment enrichment, FrontMatterBinder binder, Validator validator, ImportItem.Draft d) {
    Optional<Enrichment.Prepared> prepared = withinBudget(() -> enrichment.prepare(d));
    if (prepared.isEmpty()) {
      return new Failed(
          new ImportItem.Rejected(
              d.origin(),
              "took longer than the time "
                  + "allowed for one file ("
                  + budget.toSeconds()
                  + " s) to analyse; split it into "
                  + "smaller files, or check that it is text with sentences"));
    }
    Enrichment.Prepared p = prepared.get();
    String text = ImportWriter.sealed(frontMatterWriter.write(p.frontMatter(), p.body()));
    String path = d.relativePath();
    List<Problem> problems = new ArrayList<>();
    try {
      RawFrontMatter raw = frontMatterReader.read(text);
      FrontMatterBinder.Bound bound = binder.bind(path, d.id(), raw);
      problems.addAll(bound.problems());
      KbDocument doc =
          new KbDocument(
              path, bound.frontMatter(), raw.body(), p.sections(), bound.problems(), raw.lines());
      problems.addAll(validator.check(doc));
    } catch (FrontMatterException e) {
      problems.add(e.toProblem(path));
    }
    List<String> errors =
        problems.stream().filter(x -> x.severity() == Severity.ERROR).map(Problem::format).toList();
    if (!errors.isEmpty()) {
      return new Failed(
          new ImportItem.Rejected(
              d.origin(), "the file it would give is not valid: " + String.join("; ", errors)));
    }
    return new Ready(p, text);
  }
}
