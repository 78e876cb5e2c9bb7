package org.metshub.answer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.metshub.directory.Directory;
import org.metshub.directory.Organization;
import org.metshub.error.MetsHubException.BadInput;
import org.metshub.safety.ReaderContext;
import org.metshub.search.Fields;
import org.metshub.search.Hit;
import org.metshub.search.Search;
import org.metshub.search.SearchMode;
import org.metshub.search.SearchRequest;
import org.metshub.search.SearchResponse;
import org.metshub.text.QuestionScrubber;

/**
 * Answers questions from the KB only — grounded or silent. In order: the safety screen (urgent
 * symptoms, self-harm, requests for diagnosis, report reading, treatment choice or doses), the
 * follow-up resolution against the conversation, hybrid retrieval of public passages in the
 * question's language, the evidence gate (enough similar, quotable passages for the question type),
 * then 2–4 verbatim sentences, each cited. Otherwise it abstains, offers the closest pages and
 * helplines, and records the scrubbed question for curators. Thread-safe.
 */
public final class AnswerEngine {
  private static final int PASSAGES = 16;
  private static final int QUOTED_PASSAGES = 3;

  private final Search search;
  private final SafetyScreen safety;
  private final java.util.function.Supplier<Directory> directory;
  private final ConversationStore conversations;
  private final GapLog gaps;
  private final Thresholds thresholds;
  private final GenericWords generic;
  private final FollowUp followUp;
  private final Entities entities;
  private final Coverage coverage;
  private final Messages messages = Messages.bundled();
  private final IntentLexicon lexicon = IntentLexicon.bundled();
  private final SectionChoice chooser;
  private final EvidenceGate gate;
  private final Documents documents;
  private final org.metshub.kb.Vocabularies vocab;

  public AnswerEngine(
      Search search,
      SafetyScreen safety,
      Directory directory,
      ConversationStore conversations,
      GapLog gaps,
      org.metshub.kb.Vocabularies vocab) {
    this(search, safety, () -> directory, conversations, gaps, vocab, Thresholds.DEFAULT);
  }

  /** With the directory read at each answer (it changes when curators approve resources). */
  public AnswerEngine(
      Search search,
      SafetyScreen safety,
      java.util.function.Supplier<Directory> directory,
      ConversationStore conversations,
      GapLog gaps,
      org.metshub.kb.Vocabularies vocab) {
    this(search, safety, directory, conversations, gaps, vocab, Thresholds.DEFAULT);
  }

  AnswerEngine(
      Search search,
      SafetyScreen safety,
      java.util.function.Supplier<Directory> directory,
      ConversationStore conversations,
      GapLog gaps,
      org.metshub.kb.Vocabularies vocab,
      Thresholds thresholds) {
    // For tests over small made-up KBs: their own similarity thresholds, and only the gate's
    // absolute rules, since the learned confidence was trained on the bundled KB's scores.
    this(
        search,
        safety,
        directory,
        conversations,
        gaps,
        vocab,
        thresholds,
        Documents.NONE,
        EvidenceGate.rulesOnly());
  }

  /** With the KB documents that answers are cut from. */
  public AnswerEngine(
      Search search,
      SafetyScreen safety,
      java.util.function.Supplier<Directory> directory,
      ConversationStore conversations,
      GapLog gaps,
      org.metshub.kb.Vocabularies vocab,
      Documents documents) {
    this(
        search,
        safety,
        directory,
        conversations,
        gaps,
        vocab,
        Thresholds.DEFAULT,
        documents,
        new EvidenceGate());
  }

  AnswerEngine(
      Search search,
      SafetyScreen safety,
      java.util.function.Supplier<Directory> directory,
      ConversationStore conversations,
      GapLog gaps,
      org.metshub.kb.Vocabularies vocab,
      Thresholds thresholds,
      Documents documents,
      EvidenceGate gate) {
    this.gate = gate;
    this.documents = documents;
    this.vocab = vocab;
    this.search = search;
    this.safety = safety;
    this.directory = directory;
    this.conversations = conversations;
    this.gaps = gaps;
    this.thresholds = thresholds;
    this.generic = new GenericWords(search);
    this.coverage = new Coverage(search, vocab);
    this.entities = new Entities(vocab);
    this.followUp = new FollowUp(entities, lexicon);
    // A page title's cancers are found once per title, not on every question that meets it.
    java.util.Map<String, List<String>> titleCancers =
        new java.util.concurrent.ConcurrentHashMap<>();
    this.chooser =
        new SectionChoice(
            lexicon,
            SectionChoice.bundledWeights(),
            title -> titleCancers.computeIfAbsent(title, t -> entities.find(t).cancerTypes()),
            entities::wordsFor);
  }

  /**
   * A question: its text, the reader's language if known, conversation and country.
   *
   * @param language the language to answer in, when the caller says so ({@code lang}, {@code
   *     --lang}); otherwise it is guessed from the text
   * @param country the reader's country, when they chose one (ISO code or name)
   * @param interfaceLanguage the language of the page the question was asked on: safety replies and
   *     answers fall back to it when the message's own language is not clear (an answer keeps the
   *     conversation's language first)
   * @param region the region of the reader's preferred language ({@code en-GB} gives GB), for
   *     crisis lines and emergency numbers when no country is known
   */
  public record Question(
      String text,
      Optional<String> language,
      Optional<String> conversationId,
      Optional<String> country,
      Optional<String> interfaceLanguage,
      Optional<String> region) {
    public static final int MAX_CHARS = 500;

    public Question {
      text = text == null ? "" : text.strip();
      if (text.isEmpty()) {
        throw new BadInput("the question is empty");
      }
      if (text.length() > MAX_CHARS) {
        throw new BadInput(
            "the question must be at most " + MAX_CHARS + " characters, got " + text.length());
      }
      language.ifPresent(
          l -> {
            if (!l.equals("en") && !l.equals("es")) {
              throw new BadInput("language must be en or es, got '" + l + "'");
            }
          });
    }

    /** A question with no page language and no locale region. */
    public Question(
        String text,
        Optional<String> language,
        Optional<String> conversationId,
        Optional<String> country) {
      this(text, language, conversationId, country, Optional.empty(), Optional.empty());
    }

    public static Question of(String text) {
      return new Question(text, Optional.empty(), Optional.empty(), Optional.empty());
    }
  }

  /** Keeps what the next turn needs of this one (see {@link Conversation}). */
  private void remember(
      String conversationId, FollowUp.Resolved resolved, String language, String section) {
    conversations.put(
        new Conversation(
            conversationId,
            resolved.cancerTypes(),
            resolved.sites(),
            resolved.topic(),
            language,
            conversations.clock().instant(),
            section));
  }

  /**
   * The question to search with. A turn that only asks for another language ("and in spanish?")
   * after a turn answered from a section searches for that section in the page's translation
   * ({@code same}, from {@link #translated}), by its page title and heading there; otherwise {@link
   * FollowUp} decides.
   */
  private FollowUp.Resolved resolve(
      Question q,
      Optional<Conversation> previous,
      String language,
      Intent intent,
      Optional<Translations.Located> same) {
    if (same.isPresent()) {
      Conversation prev = previous.orElseThrow();
      return new FollowUp.Resolved(
          same.get().doc().frontMatter().title() + " " + same.get().section().title(),
          prev.cancerTypes(),
          prev.sites(),
          prev.topic(),
          true);
    }
    return followUp.resolve(q.text(), previous, language, intent);
  }

  /**
   * For a turn that only asks for another language after a turn answered from a section ({@code
   * docId#anchor}): that section in the page's translation into {@code language} (or in the page
   * itself, when it is in that language).
   */
  private Optional<Translations.Located> translated(
      Question q, Optional<Conversation> previous, String language) {
    if (previous.isEmpty() || FollowUp.requestedLanguage(q.text()).isEmpty()) {
      return Optional.empty();
    }
    String section = previous.get().section();
    int hash = section.indexOf('#');
    return hash < 0
        ? Optional.empty()
        : Translations.sameSection(
            documents, section.substring(0, hash), section.substring(hash + 1), language);
  }

  /**
   * The candidate that is the translation of the section the previous turn quoted, when this turn
   * only asks for it in another language and retrieval found it. That section passed the gate on
   * the previous turn and its translation says the same, so it is not weighed again: a weaker score
   * in the other language must not silence the same answer.
   */
  private static Optional<SectionChoice.Candidate> translation(
      Optional<Translations.Located> same, EvidenceGate.Evidence e) {
    return same.flatMap(
        l ->
            e.ranked().stream()
                .filter(c -> c.hit().docId().equals(l.doc().id()))
                .filter(c -> c.anchor().equals(l.section().anchor()))
                .findFirst());
  }

  /**
   * The language to answer in: the one a turn of a conversation asks for ("and in spanish?"), else
   * the caller's, else the one the question is written in. A question too short or too mixed to
   * tell ("hipec", "y eso?") keeps the conversation's language, else the page's, else English; the
   * KB's own use of the words helps tell ({@link Search#languageOf}).
   */
  private String language(Question q, Optional<Conversation> previous) {
    return previous
        .flatMap(p -> FollowUp.requestedLanguage(q.text()))
        .or(q::language)
        .orElseGet(
            () ->
                search.languageOf(
                    q.text(),
                    previous.map(Conversation::language).or(q::interfaceLanguage).orElse("en")));
  }

  /** The refusal kind whose reply offers the KB's general pages on the message's words. */
  static final String REPORT_REFUSAL = "interpret_report";

  /**
   * The closest pages to a message whose report we will not read, as an abstention would offer
   * them: the words it uses are often defined or explained in the KB.
   */
  private List<RelatedDocument> explaining(
      Question q, Optional<Conversation> previous, String language) {
    Intent intent = lexicon.of(q.text());
    FollowUp.Resolved resolved = resolve(q, previous, language, intent, Optional.empty());
    Retrieved r = retrieve(q.text(), intent, resolved, language, chooser);
    return closest(r.evidence().ranked(), r.found().hits(), r.evidence().qa().cancerTypes());
  }

  public Answer answer(Question q) {
    Optional<Conversation> previous = q.conversationId().flatMap(conversations::get);
    String language = language(q, previous);
    String conversationId = previous.map(Conversation::id).orElseGet(conversations::newId);
    String disclaimer = messages.get(language, "disclaimer");

    ReaderContext reader =
        new ReaderContext(
            q.language().or(q::interfaceLanguage).orElse(language), q.country(), q.region());
    SafetyScreen.Result screened = safety.screen(q.text(), reader, conversationId);
    if (screened.stop().isPresent()) {
      // Nothing quoted, nothing remembered of this turn. A report we will not read still gets the
      // KB's general pages on its words ("path report says HER2 low": what HER2-low means).
      return screened.stop().get() instanceof Answer.Refused r && r.kind().equals(REPORT_REFUSAL)
          ? r.explaining(explaining(q, previous, language))
          : screened.stop().get();
    }
    List<String> notes = screened.notes();
    Intent intent = lexicon.of(q.text());
    Optional<Translations.Located> same = translated(q, previous, language);
    FollowUp.Resolved resolved = resolve(q, previous, language, intent, same);
    Retrieved r = retrieve(q.text(), intent, resolved, language, chooser);
    // Remembered once the turn is decided (with the section it was answered from); a turn that
    // fails to retrieve leaves the context as it was.
    SearchResponse found = r.found();
    QuestionAnalysis qa = r.evidence().qa();
    DirectoryRoute route = directoryRoute(qa, q);
    Optional<String> place = route.placeOfCare();
    // A question that asks the directory for nothing it can filter by is answered from a KB
    // section on finding help for its subject when the gate takes one ("who can help me talk to
    // my children": the children page's "Where to find help", not any organisation).
    Optional<EvidenceGate.Decision> helpSection =
        route.organisations().isEmpty() || !DirectoryAnswer.asksNothingSpecific(directory.get(), qa)
            ? Optional.empty()
            : Optional.of(gate.decide(r.evidence()))
                .filter(
                    d ->
                        d instanceof EvidenceGate.Sufficient ok
                            && lexicon.headingFits(Intent.FINDING_HELP, ok.section().heading()));
    if (!route.organisations().isEmpty() && helpSection.isEmpty()) {
      remember(conversationId, resolved, language, "");
      return directoryAnswer(
          route.organisations(), qa, language, found, disclaimer, conversationId, notes);
    }
    Optional<SectionChoice.Candidate> translation = translation(same, r.evidence());
    EvidenceGate.Decision decision =
        helpSection.isPresent()
            ? helpSection.get()
            : place.isPresent()
                ? new EvidenceGate.Insufficient(
                    new Reason(
                        "placeOfCare",
                        List.of(place.get()),
                        "the question asks for a hospital or clinic ('"
                            + place.get()
                            + "'); the directory lists patient organisations, not places of care"))
                : translation.isPresent()
                    ? new EvidenceGate.Sufficient(translation.get(), 1)
                    : gate.decide(r.evidence());
    java.util.function.Function<Reason, Answer> abstaining =
        reason ->
            abstain(
                q,
                language,
                closest(r.evidence().ranked(), found.hits(), qa.cancerTypes()),
                conversationId,
                disclaimer,
                reason,
                notes,
                resolved.followUp());
    if (decision instanceof EvidenceGate.Insufficient no) {
      remember(conversationId, resolved, language, "");
      return abstaining.apply(no.why());
    }
    SectionChoice.Candidate chosen = ((EvidenceGate.Sufficient) decision).section();
    Optional<Quoted> first = quote(chosen, 1, qa, language);
    remember(
        conversationId,
        resolved,
        language,
        first.isEmpty() ? "" : chosen.hit().docId() + "#" + chosen.anchor());
    if (first.isEmpty()) {
      return abstaining.apply(
          new Reason("noText", List.of(), "the chosen section has no text to quote"));
    }
    List<Quoted> quoted = new ArrayList<>(List.of(first.get()));
    // The site page beside the cancer-type page (or the reverse), when it adds what the first
    // lacks and passes the gate on its own.
    gate.companion(r.evidence(), chosen)
        .flatMap(k -> quote(k, 2, qa, language))
        .ifPresent(quoted::add);
    Map<String, Citation> citations = new LinkedHashMap<>();
    List<AnswerSentence> sentences = new ArrayList<>();
    for (Quoted x : quoted) {
      citations.put(x.citation().passageId(), x.citation());
      x.excerpt()
          .sentences()
          .forEach(t -> sentences.add(new AnswerSentence(t.text(), List.of(x.citation().n()))));
    }
    List<String> nextSteps = new ArrayList<>(notes);
    if (quoted.stream().anyMatch(x -> x.citation().overdue())) {
      nextSteps.add(messages.get(language, "overdue"));
    }
    nextSteps.add(messages.get(language, "askCareTeam"));
    return new Answer.Answered(
        language,
        messages.get(language, "answered"),
        sentences,
        List.copyOf(citations.values()),
        quoted.stream().map(Quoted::excerpt).toList(),
        related(r.evidence().ranked(), found.hits(), citations, qa.cancerTypes()),
        nextSteps,
        disclaimer,
        conversationId,
        qa.intent().id());
  }

  /** A section cut into an excerpt, with its citation. */
  private record Quoted(Excerpt excerpt, Citation citation) {}

  /** The excerpt of a section and its citation number {@code n}; empty when it has no text. */
  private Optional<Quoted> quote(
      SectionChoice.Candidate chosen, int n, QuestionAnalysis qa, String language) {
    Hit h = chosen.hit();
    String href = "/docs/" + h.docId() + (chosen.anchor().isEmpty() ? "" : "#" + chosen.anchor());
    java.util.Set<String> wanted = qa.wanted();
    return ExcerptBuilder.build(
            h.docId(),
            chosen.heading(),
            href,
            n,
            chosen.text(),
            sentence ->
                SectionChoice.mentioned(
                    new java.util.HashSet<>(search.terms(sentence, language)), wanted))
        .map(
            e ->
                new Quoted(
                    e,
                    new Citation(
                        n,
                        h.docId(),
                        h.docId() + "#" + chosen.anchor(),
                        h.title(),
                        h.meta().source(),
                        h.meta().url(),
                        chosen.heading(),
                        h.meta().lastReviewed(),
                        h.meta().reviewState(),
                        h.meta().license(),
                        h.meta().quotable(),
                        h.meta().cancerTypes())));
  }

  private Answer directoryAnswer(
      List<Organization> orgs,
      QuestionAnalysis qa,
      String language,
      SearchResponse found,
      String disclaimer,
      String conversationId,
      List<String> notes) {
    List<Excerpt> excerpts = new ArrayList<>();
    Map<String, Citation> citations = new LinkedHashMap<>();
    List<AnswerSentence> sentences = new ArrayList<>();
    for (Organization o : orgs) {
      int n = citations.size() + 1;
      Citation c = DirectoryAnswer.citation(o, n, documents.get(o.id()));
      citations.put(o.id(), c);
      Excerpt e =
          DirectoryAnswer.excerpt(
              o,
              n,
              language,
              id ->
                  vocab
                      .services()
                      .byId(id)
                      .map(t -> language.equals("es") ? t.labelEs() : t.label())
                      .orElse(id));
      excerpts.add(e);
      e.sentences().forEach(x -> sentences.add(new AnswerSentence(x.text(), List.of(n))));
    }
    List<String> nextSteps = new ArrayList<>(notes);
    nextSteps.add(messages.get(language, "directory"));
    nextSteps.add(messages.get(language, "askCareTeam"));
    return new Answer.Answered(
        language,
        messages.get(language, "answeredDirectory"),
        sentences,
        List.copyOf(citations.values()),
        excerpts,
        related(found.hits(), citations, qa.cancerTypes()),
        nextSteps,
        disclaimer,
        conversationId,
        Intent.FINDING_HELP.id());
  }

  /** What retrieval found for a question, and the evidence the gate weighs. */
  private record Retrieved(SearchResponse found, EvidenceGate.Evidence evidence) {}

  private Retrieved retrieve(
      String text,
      Intent intent,
      FollowUp.Resolved resolved,
      String language,
      SectionChoice choice) {
    SearchRequest request =
        SearchRequest.builder()
            .query(resolved.query())
            .filters(Map.of(Fields.LANGUAGE, List.of(language)))
            .limit(PASSAGES)
            .mode(SearchMode.HYBRID)
            .collapse(false)
            .facets(false)
            .queryLanguage(language)
            .build();
    SearchResponse found = search.search(request);
    QuestionAnalysis qa = analyse(text, intent, resolved, language, found);
    List<Hit> quotable =
        found.hits().stream()
            .filter(h -> h.meta().quotable() && "active".equals(h.meta().status()))
            .filter(h -> !"organization".equals(h.meta().docType()))
            .toList();
    double min = thresholds.min(qa.type());
    double best =
        quotable.stream()
            .mapToDouble(Hit::similarity)
            .filter(d -> !Double.isNaN(d))
            .max()
            .orElse(0);
    java.util.Set<String> genericTerms = generic.terms(language, qa.asked());
    List<String> unknown = coverage.unknownWords(qa.asked(), language, genericTerms);
    int content = coverage.contentWords(qa.asked(), language, genericTerms);
    // Patients first: when lay pages were found, professional ones are not quoted.
    List<Hit> lay = quotable.stream().filter(h -> !SectionChoice.professional(h)).toList();
    List<SectionChoice.Candidate> ranked =
        choice.rank(
            qa,
            lay.isEmpty() ? quotable : lay,
            documents,
            t -> search.terms(t, language),
            t -> 1 / Math.log(Math.E + search.passagesContaining(t, language)),
            q -> generic.terms(language, q),
            ids -> search.passageSimilarities(resolved.query(), language, ids));
    // Words the conversation added make the question a follow-up, whatever its form.
    boolean followUp = resolved.followUp() || !resolved.query().strip().equals(text.strip());
    ranked = SectionChoice.inAnswerOrder(qa, followUp, ranked);
    return new Retrieved(
        found, new EvidenceGate.Evidence(qa, ranked, best, min, unknown, content, followUp));
  }

  /**
   * The evidence for a question as the answer path would weigh it (for training the section ranker
   * and the gate); empty when the safety screen would stop the question, the directory would answer
   * it or refuse it (a hospital or clinic asked for by name), or it asks for the previous turn's
   * section in another language (which the gate does not weigh). Reads the conversation but writes
   * nothing.
   */
  Optional<EvidenceGate.Evidence> evidence(Question q) {
    Optional<Conversation> previous = q.conversationId().flatMap(conversations::get);
    String language = language(q, previous);
    ReaderContext reader = new ReaderContext(language, q.country(), q.region());
    if (safety.screen(q.text(), reader, "training").stop().isPresent()) {
      return Optional.empty();
    }
    Intent intent = lexicon.of(q.text());
    Optional<Translations.Located> same = translated(q, previous, language);
    EvidenceGate.Evidence e =
        retrieve(q.text(), intent, resolve(q, previous, language, intent, same), language, chooser)
            .evidence();
    if (translation(same, e).isPresent()) {
      return Optional.empty(); // the previous turn's section, translated: the gate is not asked
    }
    if (directoryRoute(e.qa(), q).takesIt()) {
      return Optional.empty();
    }
    return Optional.of(e);
  }

  /**
   * What the directory does with a question: for a request for help, the hospital or clinic it
   * names (the directory lists patient organisations, so such a request is not answered with
   * others), else the organisations that answer it; nothing for other questions.
   */
  private record DirectoryRoute(Optional<String> placeOfCare, List<Organization> organisations) {
    static final DirectoryRoute NONE = new DirectoryRoute(Optional.empty(), List.of());

    /** True when the directory answers or refuses the question, so the gate is not asked. */
    boolean takesIt() {
      return placeOfCare.isPresent() || !organisations.isEmpty();
    }
  }

  private DirectoryRoute directoryRoute(QuestionAnalysis qa, Question q) {
    if (!directoryQuestion(qa)) {
      return DirectoryRoute.NONE;
    }
    Optional<String> place = DirectoryAnswer.placeOfCare(directory.get(), qa);
    return place.isPresent()
        ? new DirectoryRoute(place, List.of())
        : new DirectoryRoute(
            place, DirectoryAnswer.choose(directory.get(), qa, q.country().or(q::region)));
  }

  /**
   * A question the directory answers first: one that asks for help (a group, a helpline, a
   * charity), or one that names an organisation of the directory and asks for support, practical
   * help or nothing in particular ("macmillan support line number"; not "when is the next
   * metastasis research society congress", which asks about research).
   */
  private boolean directoryQuestion(QuestionAnalysis qa) {
    return qa.intent() == Intent.FINDING_HELP
        || java.util.EnumSet.of(Intent.GENERAL, Intent.COPING, Intent.PRACTICAL)
                .contains(qa.intent())
            && DirectoryAnswer.namesOrganisation(directory.get(), qa);
  }

  /** The terms a text in a language is indexed under. */
  java.util.Set<String> terms(String text, String language) {
    return search.terms(text, language);
  }

  /** The evidence gate this engine decides with. */
  EvidenceGate gate() {
    return gate;
  }

  /** The candidate sections for a question, best first ({@link #evidence}). */
  List<SectionChoice.Candidate> candidates(Question q) {
    return evidence(q).map(EvidenceGate.Evidence::ranked).orElse(List.of());
  }

  /**
   * Analyses the question once: the words as searched (with the corrections retrieval trusted), its
   * intent and coarse type, the cancers and sites it names or the conversation is about, its own
   * terms and its rarest ones.
   */
  private QuestionAnalysis analyse(
      String text,
      Intent intent,
      FollowUp.Resolved resolved,
      String language,
      SearchResponse found) {
    String asked = resolved.query();
    for (var c : found.corrections().entrySet()) {
      if (!coverage.trustworthy(c.getKey(), c.getValue(), language)) {
        continue; // "steve" is not "steps": a name stays unknown
      }
      asked = org.metshub.text.WholeWords.replace(asked, c.getKey(), c.getValue());
    }
    // A cancer or site that only a corrected word names ("kidny cancer") counts as named.
    List<String> cancers = resolved.cancerTypes();
    List<String> sites = resolved.sites();
    if (!asked.equals(resolved.query())) {
      Entities.Found typed = entities.find(resolved.query());
      Entities.Found fixed = entities.find(asked);
      cancers = union(cancers, fixed.cancerTypes(), typed.cancerTypes());
      sites = union(sites, fixed.sites(), typed.sites());
    }
    java.util.Set<String> genericTerms = generic.terms(language, asked);
    java.util.Set<String> all = search.terms(asked, language);
    java.util.Set<String> wanted = new java.util.HashSet<>(all);
    wanted.removeAll(genericTerms);
    if (wanted.isEmpty()) {
      // Made of generic words only ("what does metastatic mean", "¿qué es la metástasis?"):
      // then they are what it asks about.
      wanted.addAll(all);
    }
    return new QuestionAnalysis(
        asked,
        language,
        intent,
        QuestionType.of(text),
        cancers,
        sites,
        wanted,
        coverage.keyTerms(asked, language, genericTerms),
        Aspects.bundled().askedBy(text));
  }

  /** {@code known}, then what {@code found} adds that {@code before} did not have. */
  private static List<String> union(List<String> known, List<String> found, List<String> before) {
    List<String> out = new ArrayList<>(known);
    for (String x : found) {
      if (!before.contains(x) && !out.contains(x)) {
        out.add(x);
      }
    }
    return List.copyOf(out);
  }

  /**
   * Up to three pages retrieval found beside the cited ones (the related pages of an answer, the
   * closest pages of an abstention); when the question names a cancer, never a page about another
   * cancer (no kidney page under a breast cancer question).
   */
  static List<RelatedDocument> related(
      List<Hit> hits, Map<String, Citation> cited, List<String> cancers) {
    var citedDocs = cited.values().stream().map(Citation::docId).toList();
    List<RelatedDocument> out = new ArrayList<>();
    for (Hit h : hits) {
      if (!citedDocs.contains(h.docId())
          && SectionChoice.cancers(cancers, h.meta().cancerTypes()) >= 0
          && out.stream().noneMatch(r -> r.docId().equals(h.docId()))) {
        out.add(new RelatedDocument(h.docId(), h.title(), h.meta().url()));
      }
      if (out.size() == 3) {
        break;
      }
    }
    return out;
  }

  /**
   * The related pages of a section answer: the pages of the sections the answer path ranked, in
   * their order (they weighed what the question asks for, so "what is metastasis" lists how cancer
   * spreads before a news item that names metastases), then retrieval's other pages ({@link
   * #related}), up to three; never a cited page or a page about another cancer than the one named.
   */
  static List<RelatedDocument> related(
      List<SectionChoice.Candidate> ranked,
      List<Hit> hits,
      Map<String, Citation> cited,
      List<String> cancers) {
    List<Hit> inOrder = new ArrayList<>(ranked.size() + hits.size());
    ranked.forEach(k -> inOrder.add(k.hit()));
    inOrder.addAll(hits);
    return related(inOrder, cited, cancers);
  }

  /** Pages at most that an abstention offers. */
  static final int CLOSEST_PAGES = 3;

  /** Sections at most that an abstention offers, over all its pages. */
  static final int CLOSEST_SECTIONS = 4;

  /** Sections at most that an abstention offers on one page. */
  static final int CLOSEST_SECTIONS_PER_PAGE = 2;

  /**
   * The closest pages of an abstention, each with the sections the answer path ranked highest on
   * it: the ranked candidates are read in their order, and each is offered unless its page would be
   * a fourth page, its page already offers two sections, or four sections are offered; a page's
   * sections are listed under it, the pages in the order their first section came. Then retrieval's
   * other pages ({@link #related}) fill up to three pages. Never a page about another cancer than
   * the one named. The sections did not pass the gate, so they are offered as places to read, not
   * quoted. (On the dev split's questions with a gold section among their candidates, offering a
   * page's second section as well sends the reader to a gold section for 85 of 112 fresh questions
   * instead of 74, and 375 of 400 others instead of 352.)
   */
  static List<RelatedDocument> closest(
      List<SectionChoice.Candidate> ranked, List<Hit> hits, List<String> cancers) {
    // By page, in the order each page's first section came; replacing a page keeps its place.
    Map<String, RelatedDocument> out = new LinkedHashMap<>();
    int sections = 0;
    for (SectionChoice.Candidate k : ranked) {
      if (sections == CLOSEST_SECTIONS) {
        break;
      }
      Hit h = k.hit();
      if (SectionChoice.cancers(cancers, h.meta().cancerTypes()) < 0) {
        continue;
      }
      RelatedDocument.Section s = new RelatedDocument.Section(k.heading(), k.anchor());
      RelatedDocument d = out.get(h.docId());
      if (d == null
          ? out.size() < CLOSEST_PAGES
          : d.sections().size() < CLOSEST_SECTIONS_PER_PAGE && !d.sections().contains(s)) {
        out.put(
            h.docId(),
            d == null
                ? new RelatedDocument(h.docId(), h.title(), h.meta().url(), List.of(s))
                : d.with(s));
        sections++;
      }
    }
    for (RelatedDocument d : related(hits, Map.of(), cancers)) {
      if (out.size() < CLOSEST_PAGES) {
        out.putIfAbsent(d.docId(), d);
      }
    }
    return List.copyOf(out.values());
  }

  private Answer abstain(
      Question q,
      String language,
      List<RelatedDocument> closest,
      String conversationId,
      String disclaimer,
      Reason reason,
      List<String> notes,
      boolean followUp) {
    List<String> offered = new ArrayList<>();
    for (RelatedDocument d : closest) {
      d.sections().forEach(x -> offered.add(d.docId() + "#" + x.heading()));
    }
    gaps.record(QuestionScrubber.scrub(q.text()), language, reason, followUp, offered);
    List<String> nextSteps = new ArrayList<>(notes);
    String closestStep = "";
    if (!closest.isEmpty()) {
      List<String> titles = new ArrayList<>();
      for (RelatedDocument d : closest) {
        List<RelatedDocument.Section> ss = d.sections();
        titles.add(
            switch (ss.size()) {
              case 0 -> d.title();
              case 1 ->
                  messages.get(
                      language,
                      "closestSection",
                      Map.of("title", d.title(), "heading", ss.getFirst().heading()));
              default ->
                  messages.get(
                      language,
                      "closestSections",
                      Map.of(
                          "title",
                          d.title(),
                          "first",
                          ss.getFirst().heading(),
                          "second",
                          ss.get(1).heading()));
            });
      }
      closestStep =
          messages.get(language, "closestDocuments", Map.of("titles", String.join("; ", titles)));
      nextSteps.add(closestStep);
    }
    List<Organization> lines = directory.get().helplines(q.country(), language, 2);
    for (Organization o : lines) {
      nextSteps.add(
          messages.get(language, "helpline", Map.of("name", o.name(), "phone", o.phone())));
    }
    if (lines.isEmpty() && q.country().isPresent()) {
      // No helpline we could confirm in the reader's country (Mexico, Colombia, Argentina):
      // its patient organisations instead, with their sites, rather than a line in another one.
      for (Organization o : directory.get().supportIn(q.country().get(), language, 2)) {
        nextSteps.add(
            messages.get(language, "localOrganisation", Map.of("name", o.name(), "url", o.url())));
      }
    }
    nextSteps.add(messages.get(language, "directory"));
    nextSteps.add(messages.get(language, "askCareTeam"));
    return new Answer.Abstained(
        language,
        messages.get(language, "abstained"),
        closest,
        nextSteps,
        messages.get(language, "disclaimerAbstained"),
        conversationId,
        reason.text(),
        closestStep);
  }
}
