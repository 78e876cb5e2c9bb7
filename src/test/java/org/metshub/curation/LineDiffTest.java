package org.metshub.curation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.metshub.error.MetsHubException.BadInput;

/** The line diff of the version history. */
class LineDiffTest {
  private static List<String> ops(List<LineDiff.Line> diff) {
    return diff.stream().map(l -> l.op() + l.text()).toList();
  }

  @Test
  void identicalTextsHaveNoChanges() {
    List<LineDiff.Line> d = LineDiff.diff("a\nb\nc", "a\nb\nc");
    assertThat(ops(d)).containsExactly(" a", " b", " c");
    assertThat(LineDiff.changes(d)).isZero();
    assertThat(d).extracting(LineDiff.Line::css).containsOnly("same");
  }

  @Test
  void anInsertedLine() {
    List<LineDiff.Line> d = LineDiff.diff("a\nb", "a\nx\nb");
    assertThat(ops(d)).containsExactly(" a", "+x", " b");
    assertThat(LineDiff.changes(d)).isEqualTo(1);
    assertThat(d.get(1).css()).isEqualTo("added");
  }

  @Test
  void aDeletedLine() {
    List<LineDiff.Line> d = LineDiff.diff("a\nx\nb", "a\nb");
    assertThat(ops(d)).containsExactly(" a", "-x", " b");
    assertThat(d.get(1).css()).isEqualTo("removed");
  }

  @Test
  void aReplacedLine() {
    List<LineDiff.Line> d = LineDiff.diff("a\nb\nc", "a\nB\nc");
    assertThat(ops(d)).containsExactly(" a", "-b", "+B", " c");
    assertThat(LineDiff.changes(d)).isEqualTo(2);
  }

  @Test
  void emptyTexts() {
    assertThat(LineDiff.changes(LineDiff.diff("", ""))).isZero();
    assertThat(ops(LineDiff.diff("", "a\nb"))).contains("+a", "+b").doesNotContain(" a");
    assertThat(ops(LineDiff.diff("a\nb", ""))).contains("-a", "-b");
  }

  @Test
  void lineEndingsDoNotCountAsChanges() {
    assertThat(LineDiff.changes(LineDiff.diff("a\r\nb\r\n", "a\nb\n"))).isZero();
  }

  @Test
  void theDiffRebuildsBothTextsWithALongestCommonSubsequence() {
    Random random = new Random(42);
    for (int round = 0; round < 300; round++) {
      String[] a = randomLines(random);
      String[] b = randomLines(random);
      List<LineDiff.Line> d = LineDiff.diff(String.join("\n", a), String.join("\n", b));
      List<String> left = new ArrayList<>();
      List<String> right = new ArrayList<>();
      int same = 0;
      for (LineDiff.Line l : d) {
        assertThat(l.op()).isIn(' ', '+', '-');
        if (l.op() != '+') {
          left.add(l.text());
        }
        if (l.op() != '-') {
          right.add(l.text());
        }
        if (l.op() == ' ') {
          same++;
        }
      }
      assertThat(left).as("round %d", round).containsExactly(a);
      assertThat(right).as("round %d", round).containsExactly(b);
      assertThat(same).as("kept lines are a longest common subsequence").isEqualTo(lcs(a, b));
      assertThat(LineDiff.changes(d)).isEqualTo(a.length + b.length - 2 * same);
    }
  }

  private static String[] randomLines(Random random) {
    int n = 1 + random.nextInt(8);
    String[] out = new String[n];
    for (int i = 0; i < n; i++) {
      out[i] = String.valueOf((char) ('a' + random.nextInt(4)));
    }
    return out;
  }

  private static int lcs(String[] a, String[] b) {
    int[][] t = new int[a.length + 1][b.length + 1];
    for (int i = 1; i <= a.length; i++) {
      for (int j = 1; j <= b.length; j++) {
        t[i][j] =
            a[i - 1].equals(b[j - 1]) ? t[i - 1][j - 1] + 1 : Math.max(t[i - 1][j], t[i][j - 1]);
      }
    }
    return t[a.length][b.length];
  }

  @Test
  void hugeTextsAreRefusedNotCompared() {
    String big = String.join("\n", java.util.Collections.nCopies(LineDiff.MAX_LINES + 1, "x"));
    assertThatThrownBy(() -> LineDiff.diff(big, "x")).isInstanceOf(BadInput.class);
    assertThatThrownBy(() -> LineDiff.diff("x", big)).isInstanceOf(BadInput.class);
    String ok = String.join("\n", java.util.Collections.nCopies(LineDiff.MAX_LINES, "x"));
    assertThat(LineDiff.changes(LineDiff.diff(ok, ok))).isZero();
    assertThat(Arrays.asList(ok.split("\n"))).hasSize(LineDiff.MAX_LINES);
  }
}
