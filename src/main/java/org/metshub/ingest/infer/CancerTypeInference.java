package org.metshub.ingest.infer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.metshub.kb.Term;
import org.metshub.kb.Vocabulary;

/**
 * Infers which primary cancers a document is about, from the cancer-types vocabulary.
 *
 * <p>Each mention of a term's words is weighed by where it is (title, URL, heading, body) and by
 * how surely it names a cancer: a disease word ("melanoma", "NSCLC", "metastatic") names one by
 * itself, an organ word ("breast", "liver") only in a phrase such as "breast cancer" or "cancer of
 * the liver" — "spread to the liver" or "skin rash" is not liver or skin cancer. Negated and
 * set-aside mentions ("not lung cancer", "this summary does not cover ...") do not count.
 *
 * <p>A type is chosen when the title or URL names it, or when its body and heading mentions are at
 * least {@link #MIN_STRENGTH} (one in a text of fewer than {@link #SHORT_TEXT_WORDS} words) and at
 * least {@link #DOMINANCE} of the strongest type's. A page that names more than {@link #MAX_TYPES}
 * types without naming any in its title or URL is about cancer in general. Thread-safe.
 */
public final class CancerTypeInference {
  /** Body mentions (headings count twice) a type needs to be chosen without title or URL. */
  static final int MIN_STRENGTH = 3;

  /** Share of the strongest type's mentions a type needs: keeps side mentions out. */
  static final double DOMINANCE = 0.35;

  /** More types than this, none in the title or URL, means a page about cancer in general. */
  static final int MAX_TYPES = 5;

  /**
   * Share of the strongest type's mentions a listed type needs to stay on a source's list: a
   * Hodgkin lymphoma summary that names breast cancer twice, as a late effect, is not about breast
   * cancer.
   */
  static final double PLAUSIBLE_SHARE = 0.1;

  public static final String GENERAL = "general";
  public static final String METASTATIC = "metastatic cancer";

  /**
   * Words of spread, which name metastatic cancer only when said of cancer: "cancer that has
   * spread", "when cancer spreads to bone", "the spread of breast cancer" (not "spread the word").
   * The vocabulary lists "spread"; its other forms are looked for here.
   */
  private static final Set<String> SPREAD_FORMS =
      Set.of("spread", "spreads", "spreading", "diseminado", "diseminó", "disemina", "diseminada");

  /**
   * Largest share of the mentions the most named type may have in a page about cancer in general;
   * set on the NCI corpus, where indexes and many-indication drug pages fall below it and pages
   * about one or two cancers above.
   */
  static final double BROAD_SHARE = 0.25;

  /** Body mentions a type needs when a source's list is replaced because none was plausible. */
  static final int FALLBACK_STRENGTH = 2;

  /** Texts shorter than this (news items, summaries) need only one body mention per type. */
  static final int SHORT_TEXT_WORDS = 200;

  /**
   * Words for young people, which name childhood cancer only as "cancer in children" or "children
   * with cancer", never as "talk to your children about cancer".
   */
  private static final Set<String> YOUNG =
      Set.of(
          "children",
          "child",
          "niños",
          "adolescents",
          "adolescent",
          "young adults",
          "young adult",
          "adolescents and young adults");

  /** Synonyms that are also everyday words, so a URL segment spelled so names nothing. */
  private static final Set<String> URL_WORDS_TOO_COMMON = Set.of("net", "cup", "all", "any");

  /** Disease words that name a cancer without "cancer" after them. */
  private static final Set<String> NAMES_A_CANCER =
      Set.of(
          "hepatocellular",
          "urothelial",
          "urotelial",
          "adrenocortical",
          "neuroendocrine",
          "neuroendocrino",
          "carcinoid",
          "myeloproliferative",
          "myelodysplastic",
          "mieloproliferativ",
          "polycythemia",
          "thrombocythemia",
          "myelofibrosis",
          "ewing",
          "wilms",
          "kaposi",
          "hodgkin",
          "langerhans",
          "nsclc",
          "sclc",
          "crpc",
          "mcrpc",
          "pdac",
          "hcc",
          "rcc",
          "crc",
          "gist",
          "hydatidiform",
          "trofoblástica",
          "uveal",
          "intraocular",
          "non-small cell",
          "small cell lung",
          "multiple endocrine neoplasia",
          "men1",
          "men2",
          "germ cell",
          "células germinales",
          "plasma cell",
          "merkel cell",
          "basal cell",
          "squamous cell skin",
          "unknown primary",
          "primario desconocido",
          "gestational trophoblastic",
          "ductal carcinoma",
          "lobular carcinoma",
          "metastatic",
          "metastasis",
          "metastases",
          "metastasize",
          "metastasized",
          "mets",
          "stage 4",
          "stage iv",
          "advanced cancer",
          "secondary cancer",
          "metastásico",
          "metastásica",
          "metástasis",
          "estadio 4",
          "estadio iv",
          "pediatric",
          "paediatric",
          "childhood",
          "neuroblastoma",
          "infantil");

  /** What the text says about one type. */
  public record Evidence(
      String id,
      boolean inTitle,
      boolean inUrl,
      int inHeadings,
      int inBody,
      int weak,
      int negated) {
    /** Any mention that names the cancer. */
    public boolean supported() {
      return inTitle || inUrl || inHeadings > 0 || inBody > 0;
    }

    /**
     * Title names it, or URL and text both do. A URL alone is not enough: NCI files melanoma pages
     * under {@code /types/skin/}, and the vocabulary keeps melanoma apart from skin cancer.
     */
    public boolean salient() {
      return inTitle || (inUrl && (inHeadings > 0 || inBody > 0));
    }

    /** Body mentions, headings counted twice. */
    public int strength() {
      return inBody + 2 * inHeadings;
    }

    /** A short account for warnings: "title, 3 headings, 41 body mentions". */
    public String describe() {
      List<String> parts = new ArrayList<>();
      if (inTitle) {
        parts.add("title");
      }
      if (inUrl) {
        parts.add("URL");
      }
      if (inHeadings > 0) {
        parts.add(inHeadings + (inHeadings == 1 ? " heading" : " headings"));
      }
      if (inBody > 0) {
        parts.add(inBody + (inBody == 1 ? " body mention" : " body mentions"));
      }
      if (parts.size() == 1 && inUrl) {
        return "named only in the URL, not as a cancer in the text";
      }
      if (parts.isEmpty()) {
        if (negated > 0) {
          return "only negated mentions";
        }
        return weak > 0
            ? "mentioned only as a body part or in passing, never as a cancer"
            : "never mentioned";
      }
      return String.join(", ", parts);
    }
  }

  /**
   * The chosen types, in order of evidence, and the evidence for every type mentioned.
   *
   * @param broad true when the text is about cancer in general though it names many types (see
   *     {@link #BROAD_SHARE})
   */
  public record Result(List<String> types, Map<String, Evidence> evidence, boolean broad) {
    public Result {
      types = List.copyOf(types);
      evidence = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
    }

    /** The evidence for one type (all zeros when it is never mentioned). */
    public Evidence of(String id) {
      return evidence.getOrDefault(id, new Evidence(id, false, false, 0, 0, 0, 0));
    }
  }

  private final Vocabulary types;
  private final TermMatcher matcher;

  public CancerTypeInference(Vocabulary cancerTypes) {
    this.types = cancerTypes;
    this.matcher = new TermMatcher(cancerTypes);
  }

  /** Gathers the evidence and chooses the types. */
  public Result infer(DocumentText text) {
    Map<String, int[]> counts = new LinkedHashMap<>();
    // counts[id] = {title, url, headings, body, weak, negated}
    count(text.titleTokens(), 0, counts);
    count(text.headingTokens(), 2, counts);
    count(text.bodyTokens(), 3, counts);
    for (String seg : text.urlSegments()) {
      urlType(seg).ifPresent(id -> counts.computeIfAbsent(id, k -> new int[6])[1] = 1);
    }
    Map<String, Evidence> evidence = new LinkedHashMap<>();
    for (Term t : types.terms()) {
      int[] c = counts.get(t.id());
      if (c != null) {
        evidence.put(t.id(), new Evidence(t.id(), c[0] > 0, c[1] > 0, c[2], c[3], c[4], c[5]));
      }
    }
    List<String> chosen = choose(evidence, text.words(), MIN_STRENGTH);
    boolean broad = broad(evidence);
    if (broad) {
      chosen = chosen.contains(METASTATIC) ? List.of(METASTATIC, GENERAL) : List.of(GENERAL);
    }
    return new Result(chosen, evidence, broad);
  }

  private void count(Tokens tokens, int slot, Map<String, int[]> counts) {
    List<TermMatcher.Mention> mentions = new ArrayList<>(matcher.find(tokens));
    for (int i = 0; i < tokens.size(); i++) {
      String t = tokens.get(i);
      if (SPREAD_FORMS.contains(t) && !t.equals("spread") && !t.equals("diseminado")) {
        mentions.add(new TermMatcher.Mention(METASTATIC, t, i, i + 1));
      }
    }
    for (TermMatcher.Mention m : mentions) {
      WorkBudget.checkpoint();
      int[] c = counts.computeIfAbsent(m.termId(), k -> new int[6]);
      if (Negation.negated(tokens, m.start())) {
        c[5]++;
      } else if (namesCancer(m, tokens)) {
        c[slot]++;
      } else {
        c[4]++;
      }
    }
  }

  private static boolean namesCancer(TermMatcher.Mention m, Tokens tokens) {
    String w = m.word();
    if (SPREAD_FORMS.contains(w)) {
      return MentionContext.spreadOfCancer(tokens, m.start(), m.end());
    }
    if (YOUNG.contains(w)) {
      return MentionContext.youngWithCancer(tokens, m.start(), m.end());
    }
    if (NAMES_A_CANCER.contains(w)
        || w.contains("cancer")
        || w.contains("cáncer")
        || w.contains("tumor")
        || w.contains("carcinoma")
        || endsLikeADisease(w)) {
      return true;
    }
    return MentionContext.namedAsCancer(tokens, m.start(), m.end());
  }

  private static boolean endsLikeADisease(String word) {
    return word.endsWith("oma")
        || word.endsWith("omas")
        || word.endsWith("emia")
        || word.endsWith("aemia")
        || word.endsWith("histiocytosis")
        || word.endsWith("histiocitosis")
        || word.equals("leucemia")
        || word.equals("linfoma")
        || word.equals("mieloma")
        || word.equals("mesotelioma")
        || word.equals("timoma");
  }

  /**
   * True when no type is named in the title or URL, more than {@link #MAX_TYPES} are named at least
   * twice, and none has {@link #BROAD_SHARE} of the mentions: an index of cancer types, a drug
   * approved for many, a supplement studied in many.
   */
  private static boolean broad(Map<String, Evidence> evidence) {
    int sum = 0;
    int max = 0;
    int named = 0;
    for (Evidence e : evidence.values()) {
      if (e.salient()) {
        return false;
      }
      if (!e.id().equals(METASTATIC)) {
        sum += e.strength();
        max = Math.max(max, e.strength());
        named += e.strength() >= 2 ? 1 : 0;
      }
    }
    return named > MAX_TYPES && max < BROAD_SHARE * sum;
  }

  /**
   * The types to use when none of a source's is plausible: the inferred ones, or when those are
   * only {@code general}, the types named at least {@link #FALLBACK_STRENGTH} times (a drug page
   * that names the tumours it treats twice is about them, not about cancer in general).
   */
  private static List<String> fallback(Result inferred) {
    if (!inferred.types().equals(List.of(GENERAL)) || inferred.broad()) {
      return inferred.types();
    }
    return choose(inferred.evidence(), Integer.MAX_VALUE, FALLBACK_STRENGTH);
  }

  /** The type a URL path segment names ("breast", "head-and-neck", "aya"), never "general". */
  private Optional<String> urlType(String segment) {
    Optional<Term> t = types.resolve(segment);
    if (t.isEmpty() || t.get().id().equals(GENERAL)) {
      return Optional.empty();
    }
    return URL_WORDS_TOO_COMMON.contains(segment) ? Optional.empty() : Optional.of(t.get().id());
  }

  private static List<String> choose(Map<String, Evidence> evidence, int words, int minStrength) {
    int max = evidence.values().stream().mapToInt(Evidence::strength).max().orElse(0);
    int min = words < SHORT_TEXT_WORDS ? 1 : minStrength;
    List<Evidence> chosen = new ArrayList<>();
    for (Evidence e : evidence.values()) {
      if (e.salient() || (e.strength() >= min && e.strength() >= DOMINANCE * max)) {
        chosen.add(e);
      }
    }
    chosen.sort(
        Comparator.comparing((Evidence e) -> !e.salient())
            .thenComparing(Comparator.comparingInt(Evidence::strength).reversed()));
    LinkedHashSet<String> ids = new LinkedHashSet<>();
    chosen.forEach(e -> ids.add(e.id()));
    long organs = ids.stream().filter(id -> !id.equals(METASTATIC)).count();
    boolean anySalient = chosen.stream().anyMatch(Evidence::salient);
    if (organs > MAX_TYPES && !anySalient) {
      boolean metastatic = ids.contains(METASTATIC);
      ids.clear();
      if (metastatic) {
        ids.add(METASTATIC);
      }
      ids.add(GENERAL);
    }
    if (ids.isEmpty()) {
      ids.add(GENERAL);
    }
    return List.copyOf(ids);
  }

  /** One change made to a source's list, with the evidence behind it. */
  public record Change(String value, boolean added, String reason) {}

  /** A source's list after checking it against the text. */
  public record Reconciled(List<String> types, List<Change> changes) {
    public Reconciled {
      types = List.copyOf(types);
      changes = List.copyOf(changes);
    }
  }

  /**
   * Checks a source's cancer types (vocabulary ids) against the text. A listed type stays when the
   * title or URL names it, or when the text names it as a cancer at least once and at least {@link
   * #PLAUSIBLE_SHARE} as often as the most named type; otherwise it is dropped. Types the title
   * names are added. {@code general} stays unless a primary cancer is left. When nothing plausible
   * is left, the inferred types are used.
   */
  public Reconciled reconcile(List<String> given, Result inferred) {
    List<Change> changes = new ArrayList<>();
    LinkedHashSet<String> kept = new LinkedHashSet<>();
    int max = inferred.evidence().values().stream().mapToInt(Evidence::strength).max().orElse(0);
    for (String id : given) {
      if (id.equals(GENERAL)) {
        kept.add(id);
        continue;
      }
      Evidence e = inferred.of(id);
      if (inferred.broad() && !e.salient()) {
        changes.add(
            new Change(
                id,
                false,
                "the page names many cancer types and its title"
                    + " none: it is about cancer in general"));
        continue;
      }
      // The source and its URL agreeing ("aya" under /types/aya/) is two signals, not one.
      if (e.salient() || e.inUrl() || (e.strength() > 0 && e.strength() >= PLAUSIBLE_SHARE * max)) {
        kept.add(id);
      } else if (e.strength() > 0) {
        changes.add(
            new Change(id, false, e.describe() + ", against " + max + " for the most named type"));
      } else {
        changes.add(new Change(id, false, e.describe()));
      }
    }
    for (String id : inferred.types()) {
      Evidence e = inferred.of(id);
      if (e.salient() && kept.add(id)) {
        changes.add(new Change(id, true, "named in the " + (e.inTitle() ? "title" : "URL")));
      }
    }
    // "metastatic cancer" is an umbrella like "general", not a primary: both may stand together.
    List<String> primaries =
        kept.stream().filter(id -> !id.equals(GENERAL) && !id.equals(METASTATIC)).toList();
    if (kept.contains(GENERAL) && !primaries.isEmpty()) {
      kept.remove(GENERAL);
      changes.add(new Change(GENERAL, false, "the page is about " + String.join(", ", primaries)));
    }
    if (kept.isEmpty()) {
      for (String id : fallback(inferred)) {
        kept.add(id);
        changes.add(
            new Change(
                id,
                true,
                id.equals(GENERAL)
                    ? "no listed type is named as a cancer in the text"
                    : inferred.of(id).describe()));
      }
    }
    return new Reconciled(List.copyOf(kept), changes);
  }
}
