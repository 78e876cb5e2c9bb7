package org.metshub.answer.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.metshub.answer.Conversation;
import org.metshub.answer.ConversationStore;
import org.metshub.store.Database;
import org.metshub.testing.MutableClock;
import org.metshub.testing.TestDatabases;

/** Conversation contexts in SQL: what is kept, what is not, expiry, and bad ids. */
class SqlConversationsTest {
  private static final Instant START = Instant.parse("2026-11-23T09:00:00Z");

  @ParameterizedTest
  @MethodSource("org.metshub.testing.TestDatabases#vendors")
  void aContextIsKeptAndReplacedTurnByTurn(String vendor, @TempDir Path dir) {
    Database db = TestDatabases.open(vendor, dir);
    MutableClock clock = new MutableClock(START);
    SqlConversations store = new SqlConversations(db, clock);
    String id = store.newId();
    assertThat(store.get(id)).isEmpty();

    store.put(
        new Conversation(
            id,
            List.of("breast", "metastatic cancer"),
            List.of("bone"),
            "pain relief",
            "en",
            clock.instant(),
            "bone-metastases#how-it-is-treated"));
    Conversation got = store.get(id).orElseThrow();
    assertThat(got.id()).isEqualTo(id);
    assertThat(got.cancerTypes()).containsExactly("breast", "metastatic cancer");
    assertThat(got.sites()).containsExactly("bone");
    assertThat(got.topic()).isEqualTo("pain relief");
    assertThat(got.language()).isEqualTo("en");
    assertThat(got.lastUsed()).isEqualTo(START);
    assertThat(got.section()).isEqualTo("bone-metastases#how-it-is-treated");

    clock.advance(Duration.ofMinutes(10));
    store.put(new Conversation(id, List.of(), List.of(), "", "es", clock.instant()));
    got = store.get(id).orElseThrow();
    assertThat(got.cancerTypes()).isEmpty();
    assertThat(got.sites()).isEmpty();
    assertThat(got.topic()).isEmpty();
    assertThat(got.language()).isEqualTo("es");
    assertThat(got.section()).as("a turn not answered from a section").isEmpty();
    assertThat(store.size()).isEqualTo(1);
  }

  @ParameterizedTest
  @MethodSource("org.metshub.testing.TestDatabases#vendors")
  void aContextExpiresThirtyMinutesAfterItsLastTurnAndIsSweptLater(
      String vendor, @TempDir Path dir) {
    Database db = TestDatabases.open(vendor, dir);
    MutableClock clock = new MutableClock(START);
    SqlConversations store = new SqlConversations(db, clock);
    String old = store.newId();
    store.put(new Conversation(old, List.of("lung"), List.of(), "x", "en", clock.instant()));
    clock.advance(ConversationStore.TTL);
    assertThat(store.get(old)).as("exactly at the limit").isPresent();
    clock.advance(Duration.ofSeconds(1));
    assertThat(store.get(old)).as("one second later").isEmpty();
    assertThat(store.size()).as("not yet swept").isEqualTo(1);

    String fresh = store.newId();
    store.put(new Conversation(fresh, List.of(), List.of(), "y", "en", clock.instant()));
    assertThat(store.size()).as("the write swept the expired row").isEqualTo(1);
    assertThat(store.get(fresh)).isPresent();
  }

  @ParameterizedTest
  @MethodSource("org.metshub.testing.TestDatabases#vendors")
  void theTableHoldsNeitherTheIdNorAnythingButTheContext(String vendor, @TempDir Path dir)
      throws Exception {
    Database db = TestDatabases.open(vendor, dir);
    SqlConversations store = new SqlConversations(db, new MutableClock(START));
    String id = store.newId();
    String longTopic = "word ".repeat(400);
    store.put(
        new Conversation(
            id,
            List.of("colorectal"),
            List.of("liver"),
            longTopic,
            "en",
            START,
            "liver-metastases#symptoms"));
    List<String> row =
        db.tx(
            c -> {
              List<String> cells = new ArrayList<>();
              try (PreparedStatement ps = c.prepareStatement("SELECT * FROM conversations");
                  ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                  cells.add(rs.getString(i));
                }
                assertThat(rs.next()).isFalse();
              }
              return cells;
            });
    assertThat(row).hasSize(7).noneMatch(cell -> cell.contains(id));
    assertThat(row).contains("liver-metastases#symptoms");
    assertThat(row.get(0)).matches("[0-9a-f]{64}");
    assertThat(store.get(id).orElseThrow().topic()).hasSize(SqlConversations.MAX_TOPIC);
    // An address longer than any KB section's is not kept.
    store.put(
        new Conversation(
            id,
            List.of(),
            List.of(),
            "t",
            "en",
            START,
            "x".repeat(SqlConversations.MAX_SECTION + 1)));
    assertThat(store.get(id).orElseThrow().section()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("org.metshub.testing.TestDatabases#vendors")
  void unknownMalformedAndHugeIdsFindNothing(String vendor, @TempDir Path dir) {
    Database db = TestDatabases.open(vendor, dir);
    SqlConversations store = new SqlConversations(db, new MutableClock(START));
    store.put(new Conversation(store.newId(), List.of(), List.of(), "t", "en", START));
    for (String bad :
        new String[] {null, "", "   ", "nope", "' OR '1'='1", "x".repeat(10_000), "\u0000"}) {
      assertThat(store.get(bad)).as(String.valueOf(bad).length() + " chars").isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("org.metshub.testing.TestDatabases#vendors")
  void aLanguageOtherThanEnglishOrSpanishIsRefusedByTheSchema(String vendor, @TempDir Path dir) {
    Database db = TestDatabases.open(vendor, dir);
    SqlConversations store = new SqlConversations(db, new MutableClock(START));
    String id = store.newId();
    assertThatThrownBy(
            () -> store.put(new Conversation(id, List.of(), List.of(), "t", "fr", START)))
        .isInstanceOf(RuntimeException.class);
    assertThat(store.get(id)).isEmpty();
    assertThat(store.size()).isZero();
  }

  @ParameterizedTest
  @MethodSource("org.metshub.testing.TestDatabases#vendors")
  void idsAreUnguessable(String vendor, @TempDir Path dir) {
    SqlConversations store =
        new SqlConversations(TestDatabases.open(vendor, dir), new MutableClock(START));
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String id = store.newId();
      assertThat(id).matches("[A-Za-z0-9_-]{22}");
      ids.add(id);
    }
    assertThat(ids).hasSize(1000);
  }
}
