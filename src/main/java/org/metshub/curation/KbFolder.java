package org.metshub.curation;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.metshub.kb.KbFile;
import org.metshub.kb.KbReader;
import org.metshub.kb.ReviewSchedule;
import org.metshub.kb.Validator;
import org.metshub.kb.Vocabularies;

/**
 * A {@link KbLive} over a KB folder: every file read and validated on construction and on
 * {@link #refresh}, which then hands the new files to {@code onRefresh} (the application brings
 * its index and directory up to date there) before they become {@link #files}. Thread-safe;
 * refreshes are serialised.
 */
public final class KbFolder implements KbLive {
  private final Path root;
  private final Vocabularies vocab;
  private final ReviewSchedule schedule;
  private final Function<List<KbFile>, String> onRefresh;
  private volatile List<KbFile> files;

  public KbFolder(Path root, Vocabularies vocab, ReviewSchedule schedule,
      Function<List<KbFile>, String> onRefresh) {
    this.root = root;
    this.vocab = vocab;
    this.schedule = schedule;
    this.onRefresh = onRefresh;
    this.files = read();
  }

  private List<KbFile> read() {
    return new Validator(vocab, schedule).validate(new KbReader(vocab).readAll(List.of(root)));
  }

  @Override
  public Path root() {
    return root;
  }

  @Override
  public List<KbFile> files() {
    return files;
  }

  @Override
  public KbFile check(String relativePath, String text) {
    Path p = root.resolve(relativePath);
    String name = p.getFileName().toString();
    KbFile f = new KbReader(vocab).parse(p.toString(),
        name.endsWith(".md") ? name.substring(0, name.length() - 3) : name, text);
    return new Validator(vocab, schedule).validate(List.of(f)).get(0);
  }

  @Override
  public synchronized String refresh() {
    List<KbFile> fresh = read();
    String summary = onRefresh.apply(fresh);
    this.files = fresh;
    return summary;
  }
}
