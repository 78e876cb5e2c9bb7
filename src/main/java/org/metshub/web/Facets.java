package org.metshub.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.metshub.error.MetsHubException.BadInput;
import org.metshub.kb.ReviewState;
import org.metshub.kb.Term;
import org.metshub.kb.Vocabularies;
import org.metshub.kb.Vocabulary;
import org.metshub.search.Fields;

/**
 * Facet filters read from query parameters named after the facet dimensions ({@code
 * ?cancerType=breast&site=bone}). Each value must be one the dimension can take: a vocabulary id
 * (synonyms are accepted and made canonical) or one of a fixed set, so a typo is a 400 that names
 * the closest value instead of a silently empty page. Immutable.
 */
final class Facets {
  private final Vocabularies vocab;

  Facets(Vocabularies vocab) {
    this.vocab = vocab;
  }

  Map<String, List<String>> read(Context ctx) {
    return read(ctx, Map.of());
  }

  /**
   * The filters, with deprecated alias parameter names per dimension ({@code lang} for {@code
   * language} in the API): an alias's values count as the dimension's; both given with different
   * values is a 400.
   */
  Map<String, List<String>> read(Context ctx, Map<String, String> aliases) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String dim : Fields.FACETS) {
      List<String> given = ctx.queryParams(dim);
      String alias = aliases.get(dim);
      if (alias != null && !ctx.queryParams(alias).isEmpty()) {
        List<String> old = ctx.queryParams(alias);
        if (!given.isEmpty() && !java.util.Set.copyOf(given).equals(java.util.Set.copyOf(old))) {
          throw new BadInput(
              dim
                  + " and "
                  + alias
                  + " (its deprecated alias) "
                  + "disagree: "
                  + given
                  + " and "
                  + old);
        }
        given = old;
      }
      List<String> values = new ArrayList<>();
      for (String raw : given) {
        if (!raw.isBlank()) {
          String v = canonical(dim, raw.strip());
          if (!values.contains(v)) {
            values.add(v);
          }
        }
      }
      if (values.size() > 20) {
        throw new BadInput("at most 20 values per filter, got " + values.size() + " for " + dim);
      }
      if (!values.isEmpty()) {
        out.put(dim, values);
      }
    }
    return out;
  }

  /** The canonical value, or a 400 naming the dimension, the bad value and the closest. */
  String canonical(String dim, String raw) {
    Optional<Vocabulary> v = vocabulary(dim);
    if (v.isPresent()) {
      String slugless = raw.replace('-', ' ');
      return v.get()
          .resolve(raw)
          .or(() -> v.get().resolve(slugless))
          .map(Term::id)
          .orElseThrow(
              () ->
                  new BadInput(
                      "unknown "
                          + dim
                          + " '"
                          + Text.clip(raw, 60)
                          + "'; did you mean '"
                          + v.get().closest(raw)
                          + "'?"));
    }
    List<String> allowed = fixed(dim);
    if (!allowed.contains(raw)) {
      throw new BadInput(
          "unknown " + dim + " '" + Text.clip(raw, 60) + "'; it must be one of " + allowed);
    }
    return raw;
  }

  private Optional<Vocabulary> vocabulary(String dim) {
    return switch (dim) {
      case Fields.CANCER_TYPE -> Optional.of(vocab.cancerTypes());
      case Fields.SITE -> Optional.of(vocab.metastaticSites());
      case Fields.AUDIENCE -> Optional.of(vocab.audienceLevels());
      case Fields.DOC_TYPE -> Optional.of(vocab.docTypes());
      case Fields.SOURCE_TIER -> Optional.of(vocab.sourceTypes());
      default -> Optional.empty();
    };
  }

  private static List<String> fixed(String dim) {
    return switch (dim) {
      case Fields.LANGUAGE -> Ui.LANGUAGES;
      case Fields.REVIEW_STATE ->
          java.util.Arrays.stream(ReviewState.values()).map(ReviewState::label).toList();
      case Fields.LICENSE_CLASS -> List.of("quotable", "link-only");
      default -> List.of();
    };
  }
}
