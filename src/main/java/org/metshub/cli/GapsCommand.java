package org.metshub.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.metshub.answer.store.SqlGapLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code metshub gaps}: the content gaps (questions the KB could not answer, grouped), most asked
 * first, each with why and the sections its reader was offered, as the console's gaps page shows
 * them. For a weekly report or a mail script; teaching a question to a section is done in the
 * console, where a curator reads the section first.
 */
@Command(
    name = "gaps",
    mixinStandardHelpOptions = true,
    description = {
      "List the content gaps: questions the KB could not answer, grouped (scrubbed of personal "
          + "data), most asked first.",
      "Per group: times asked, language, last day, the question, then why there was no answer "
          + "and the sections the reader was offered (docId#heading), which a curator can teach "
          + "it to on the console's gaps page; a question asked as a follow-up is marked, as it "
          + "cannot be taught alone. The count of groups goes to standard error. --json gives "
          + "one object with a list."
    })
final class GapsCommand implements Callable<Integer> {
  private final Env env;

  @Mixin DbOptions db = new DbOptions();

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "100",
      description = "At most this many groups, 1 to 10000 (default: 100).")
  int limit;

  @Option(names = "--json", description = "Print JSON instead of lines.")
  boolean json;

  GapsCommand(Env env) {
    this.env = env;
  }

  @Override
  public Integer call() throws Exception {
    if (limit < 1 || limit > 10_000) {
      throw new UsageException("--limit is a number from 1 to 10000, got " + limit);
    }
    SqlGapLog gaps = new SqlGapLog(db.open(env), env.clock());
    List<SqlGapLog.Detail> details = gaps.details(limit);
    int total = gaps.count();
    long teachable = details.stream().filter(g -> !g.followUp() && !g.sections().isEmpty()).count();
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("groups", total);
      m.put("listed", details.size());
      m.put(
          "gaps",
          details.stream()
              .map(
                  g -> {
                    Map<String, Object> x = new LinkedHashMap<>();
                    x.put("question", g.question());
                    x.put("language", g.language());
                    x.put("count", g.count());
                    x.put("firstDay", g.firstDay());
                    x.put("lastDay", g.lastDay());
                    x.put("reason", g.reason());
                    x.put("followUp", g.followUp());
                    x.put("sections", g.sections());
                    return x;
                  })
              .toList());
      env.printJson(m);
      return Main.OK;
    }
    for (SqlGapLog.Detail g : details) {
      env.out().printf("%5d  %s  %s  %s%n", g.count(), g.language(), g.lastDay(), g.question());
      env.out().printf("       why: %s%n", g.reason());
      if (g.followUp()) {
        env.out().println("       asked as a follow-up: cannot be taught alone");
      }
      for (String s : g.sections()) {
        env.out().printf("       offered: %s%n", s);
      }
    }
    env.err()
        .printf(
            "%d of %d groups listed; %d of them can be taught to a section they were offered%n",
            details.size(), total, teachable);
    return Main.OK;
  }
}
