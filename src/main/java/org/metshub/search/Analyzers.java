package org.metshub.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.jspecify.annotations.Nullable;
import org.metshub.error.MetsHubException.BadInput;
import org.metshub.error.MetsHubException.Internal;

/**
 * The analysis chains. English: standard tokenizer, possessive removal, lower case, ASCII folding,
 * stop words, KStem (a light stemmer that keeps medical words readable: "metastases" →
 * "metastasis", where Porter would give "metastas"). Spanish: standard tokenizer, lower case,
 * folding, Spanish stop words, light Spanish stemming. Query-time variants insert the patient
 * vocabulary ({@code search/synonyms-en.txt}, {@code synonyms-es.txt}) before the stop filter, so
 * multi-word lay phrases ("stage 4", "fluid on the lungs") can match. Thread-safe.
 */
public final class Analyzers {
  /**
   * Greek and Latin plurals that no English stemmer joins to their singular ("metastases" would
   * otherwise never match "metastasis"), and verb forms of metastasize. Applied before KStem, which
   * leaves these keyword-marked terms alone.
   */
  private static final StemmerOverrideFilter.StemmerOverrideMap MEDICAL_STEMS = medicalStems();

  private static StemmerOverrideFilter.StemmerOverrideMap medicalStems() {
    StemmerOverrideFilter.Builder b = new StemmerOverrideFilter.Builder(false);
    String[][] pairs = {
      {"metastases", "metastasis"},
      {"micrometastases", "micrometastasis"},
      {"oligometastases", "oligometastasis"},
      {"diagnoses", "diagnosis"},
      {"prognoses", "prognosis"},
      {"analyses", "analysis"},
      {"necroses", "necrosis"},
      {"osteonecroses", "osteonecrosis"},
      {"carcinomatoses", "carcinomatosis"},
      {"metastasize", "metastasize"},
      {"metastasizes", "metastasize"},
      {"metastasized", "metastasize"},
      {"metastasizing", "metastasize"},
      {"metastasise", "metastasize"},
      {"metastasised", "metastasize"},
      {"metastasising", "metastasize"},
      {"metastasis", "metastasis"},
      {"micrometastasis", "micrometastasis"},
      {"oligometastasis", "oligometastasis"},
      {"diagnosis", "diagnosis"},
      {"prognosis", "prognosis"},
      {"analysis", "analysis"},
      {"lymphomas", "lymphoma"},
      {"carcinomas", "carcinoma"},
      {"sarcomas", "sarcoma"},
      {"melanomas", "melanoma"},
      {"tumours", "tumor"},
      {"tumour", "tumor"},
      {"tumors", "tumor"},
      {"oestrogen", "estrogen"},
      {"anaemia", "anemia"}
    };
    for (String[] p : pairs) {
      b.add(p[0], p[1]);
    }
    try {
      return b.build();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  // Null in the analyzers made by withoutSynonyms.
  private final @Nullable SynonymMap synonymsEn;
  private final @Nullable SynonymMap synonymsEs;

  private Analyzers(@Nullable SynonymMap en, @Nullable SynonymMap es) {
    this.synonymsEn = en;
    this.synonymsEs = es;
  }

  /** Analyzers with the bundled synonym files. */
  public static Analyzers bundled() {
    return new Analyzers(
        loadSynonyms("/search/synonyms-en.txt"), loadSynonyms("/search/synonyms-es.txt"));
  }

  /** Analyzers without synonyms (for measuring what the vocabulary adds). */
  public static Analyzers withoutSynonyms() {
    return new Analyzers(null, null);
  }

  /** Number of rules (non-blank, non-comment lines) in a bundled synonym file. */
  public static long ruleCount(String resource) {
    return VocabularyWords.ruleLines(resource).stream().filter(l -> !l.isBlank()).count();
  }

  /** The analyzer used when indexing: per-field chains, keywords elsewhere. */
  public Analyzer indexAnalyzer() {
    Map<String, Analyzer> perField = new HashMap<>();
    Analyzer en = english(null);
    Analyzer es = spanish(null);
    for (String f : new String[] {Fields.TITLE, Fields.HEADING, Fields.BODY, Fields.ASKS}) {
      perField.put(Fields.localized(f, "en"), en);
      perField.put(Fields.localized(f, "es"), es);
    }
    perField.put(Fields.SPELL, spell());
    perField.put(Fields.localized(Fields.SPELL, "en"), spell());
    perField.put(Fields.localized(Fields.SPELL, "es"), spell());
    return new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), perField);
  }

  /** The query analyzer for a language, with the patient vocabulary. */
  public Analyzer queryAnalyzer(String language) {
    return "es".equals(language) ? spanish(synonymsEs) : english(synonymsEn);
  }

  /** The index analyzer for one language (used by the highlighter). */
  public Analyzer textAnalyzer(String language) {
    return "es".equals(language) ? spanish(null) : english(null);
  }

  /** Lower-cased, folded, unstemmed words: the spelling dictionary. */
  public static Analyzer spell() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer t = new StandardTokenizer();
        TokenStream s = new ASCIIFoldingFilter(new LowerCaseFilter(t));
        return new TokenStreamComponents(t, s);
      }
    };
  }

  static Analyzer english(@Nullable SynonymMap synonyms) {
    CharArraySet stop = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer t = new StandardTokenizer();
        TokenStream s = new EnglishPossessiveFilter(t);
        s = new ASCIIFoldingFilter(new LowerCaseFilter(s));
        if (synonyms != null) {
          s = new SynonymGraphFilter(s, synonyms, true);
        }
        s = new StopFilter(s, stop);
        s = new StemmerOverrideFilter(s, MEDICAL_STEMS);
        s = new KStemFilter(s);
        return new TokenStreamComponents(t, s);
      }

      @Override
      protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
      }
    };
  }

  /**
   * Spanish stop words, also in their accent-folded form (tokens are folded before the stop filter,
   * so "más" arrives as "mas").
   */
  private static final CharArraySet SPANISH_STOP = foldedSpanishStopSet();

  private static CharArraySet foldedSpanishStopSet() {
    CharArraySet out = new CharArraySet(SpanishAnalyzer.getDefaultStopSet(), true);
    for (Object o : SpanishAnalyzer.getDefaultStopSet()) {
      String w = new String((char[]) o);
      out.add(
          java.text.Normalizer.normalize(w, java.text.Normalizer.Form.NFD)
              .replaceAll("\\p{M}", ""));
    }
    return CharArraySet.unmodifiableSet(out);
  }

  static Analyzer spanish(@Nullable SynonymMap synonyms) {
    CharArraySet stop = SPANISH_STOP;
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer t = new StandardTokenizer();
        TokenStream s = new ASCIIFoldingFilter(new LowerCaseFilter(t));
        if (synonyms != null) {
          s = new SynonymGraphFilter(s, synonyms, true);
        }
        s = new StopFilter(s, stop);
        s = new SpanishLightStemFilter(s);
        return new TokenStreamComponents(t, s);
      }

      @Override
      protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
      }
    };
  }

  /** Parses a Solr-format synonym file from the class path; words are lower-cased and folded. */
  static SynonymMap loadSynonyms(String resource) {
    try (InputStream in = Analyzers.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new Internal("synonym file " + resource + " is missing from the class path");
      }
      return parseSynonyms(resource, new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new Internal("cannot read synonym file " + resource + ": " + e.getMessage(), e);
    }
  }

  /** Parses Solr-format synonyms; {@code name} names the input in errors. */
  public static SynonymMap parseSynonyms(String name, Reader reader) {
    try {
      Analyzer a = spell();
      SolrSynonymParser parser = new SolrSynonymParser(true, true, a);
      parser.parse(reader);
      return parser.build();
    } catch (ParseException e) {
      throw new BadInput(
          "synonym file " + name + ": line " + e.getErrorOffset() + ": " + e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      throw new BadInput("synonym file " + name + ": " + e.getMessage(), e);
    }
  }

  /** Parses Solr-format synonyms from a string (tests and tools). */
  public static SynonymMap parseSynonyms(String name, String text) {
    return parseSynonyms(name, new StringReader(text));
  }
}
