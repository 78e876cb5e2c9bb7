package org.metshub.curation;

import java.util.ArrayList;
import java.util.List;
import org.metshub.error.MetsHubException.BadInput;

/**
 * A line diff of two texts (longest common subsequence), for the version history page. KB files are
 * a few hundred lines, so the quadratic table is small; larger inputs are refused rather than
 * allowed to take the server's memory.
 */
public final class LineDiff {
  static final int MAX_LINES = 5000;

  private LineDiff() {}

  /** One line of a diff: {@code ' '} kept, {@code '-'} removed, {@code '+'} added. */
  public record Line(char op, String text) {
    public String css() {
      return op == '+' ? "added" : op == '-' ? "removed" : "same";
    }
  }

  public static List<Line> diff(String a, String b) {
    String[] x = a.split("\r?\n", -1);
    String[] y = b.split("\r?\n", -1);
    if (x.length > MAX_LINES || y.length > MAX_LINES) {
      throw new BadInput(
          "the versions are too long to compare (more than " + MAX_LINES + " lines)");
    }
    int n = x.length;
    int m = y.length;
    int[][] lcs = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        lcs[i][j] =
            x[i].equals(y[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<Line> out = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < n && j < m) {
      if (x[i].equals(y[j])) {
        out.add(new Line(' ', x[i]));
        i++;
        j++;
      } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
        out.add(new Line('-', x[i++]));
      } else {
        out.add(new Line('+', y[j++]));
      }
    }
    while (i < n) {
      out.add(new Line('-', x[i++]));
    }
    while (j < m) {
      out.add(new Line('+', y[j++]));
    }
    return out;
  }

  /** Lines changed (added plus removed). */
  public static int changes(List<Line> diff) {
    return (int) diff.stream().filter(l -> l.op() != ' ').count();
  }
}
