package org.metshub.cli;

import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.metshub.App;
import org.metshub.curation.ReviewQueue;
import org.metshub.kb.ReviewSchedule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code metshub review-due}: documents whose review is overdue or due soon, for a scheduled job or
 * a mail script. Exit code 0 either way; the output (or {@code --json}) says what is due.
 */
@Command(
    name = "review-due",
    mixinStandardHelpOptions = true,
    description = {
      "List KB documents whose review is overdue or due within a window, soonest first.",
      "One line per document: state, due date, days (negative when overdue), id, title, file. "
          + "Archived and retired documents are left out. For cron or a mail script; "
          + "--json gives one object with a list."
    })
final class ReviewDueCommand implements Callable<Integer> {
  private final Env env;

  @Mixin KbOptions kbOptions = new KbOptions();

  @Option(
      names = "--within",
      paramLabel = "DAYS",
      defaultValue = "30d",
      description = "The window: a number of days, such as 30d or 14 (default: 30d).")
  String within;

  @Option(names = "--json", description = "Print JSON instead of lines.")
  boolean json;

  ReviewDueCommand(Env env) {
    this.env = env;
  }

  @Override
  public Integer call() throws Exception {
    if (!within.matches("[0-9]{1,4}d?")) {
      throw new UsageException("--within is a number of days such as 30d, got '" + within + "'");
    }
    int days = Integer.parseInt(within.replace("d", ""));
    java.nio.file.Path kb = env.config(kbOptions.flags()).kb();
    if (!Files.isDirectory(kb)) {
      throw new UsageException(kb + ": no such KB folder");
    }
    ReviewSchedule schedule = App.reviewSchedule(env.clock());
    var files = App.validatedKb(kb, schedule);
    List<ReviewQueue.Due> due = ReviewQueue.due(files, schedule, days);
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("today", schedule.today().toString());
      m.put("withinDays", days);
      m.put("overdue", due.stream().filter(ReviewQueue.Due::overdue).count());
      m.put("dueSoon", due.stream().filter(d -> !d.overdue()).count());
      m.put(
          "documents",
          due.stream()
              .map(
                  d -> {
                    Map<String, Object> x = new LinkedHashMap<>();
                    x.put("id", d.docId());
                    x.put("title", d.title());
                    x.put("path", d.path());
                    x.put("state", d.state());
                    x.put("due", d.due().toString());
                    x.put("days", d.days());
                    x.put(
                        "lastReviewed",
                        d.lastReviewed() == null ? null : d.lastReviewed().toString());
                    x.put("reviewedBy", d.reviewedBy());
                    x.put("status", d.status());
                    return x;
                  })
              .toList());
      env.printJson(m);
      return Main.OK;
    }
    for (ReviewQueue.Due d : due) {
      env.out()
          .printf(
              "%-8s %s %5d  %s  %s  (%s)%n",
              d.state(), d.due(), d.days(), d.docId(), d.title(), d.path());
    }
    long overdue = due.stream().filter(ReviewQueue.Due::overdue).count();
    env.err()
        .printf(
            "%d overdue, %d due within %d days (today %s)%n",
            overdue, due.size() - overdue, days, schedule.today());
    return Main.OK;
  }
}
