package org.metshub.answer;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.metshub.search.Search;

/**
 * Words nearly every KB sentence shares, or that say how something is asked rather than what:
 * they count only when a question has nothing more specific, so "what is X" is matched on X.
 * Kept as analysed terms per language. Thread-safe.
 */
final class GenericWords {
  static final String WORDS =
      "cancer cancers metastatic metastasis metastases metastasize spread tumor tumour cell cells"
          + " disease body people person patient patients doctor team care mean means"
          + " cáncer metastásico metastásica metástasis tumor células célula enfermedad cuerpo"
          + " personas paciente pacientes equipo mets met distant meaning usually often normally"
          + " common commonly typically mostly generally happen happens"
          // who is asking about whom says nothing about what is asked
          + " mom mum mother dad father husband wife partner son daughter sister brother friend"
          + " family wife's husband's madre padre esposo esposa pareja hijo hija mamá papá"
          + " hermano hermana amigo amiga familia grandma grandpa grandmother grandfather aunt"
          + " uncle abuela abuelo tía tío tia tio"
          // contractions, often typed without the apostrophe: "cant", "dont"
          + " can't cant don't dont won't wont isn't isnt doesn't doesnt didn't didnt i'm im"
          + " i've ive you're youre what's whats that's thats he's hes she's shes it's"
          + " they're theyre wasn't wasnt aren't arent couldn't couldnt wouldn't wouldnt"
          + " shouldn't shouldnt haven't havent"
          // everyday filler
          + " really very just still also even ok okay lot lots va van voy vas ir muy mucho ya"
          // question words and pronouns: they say how something is asked, not what
          + " what how why when where who which whom whose do does did can could should would"
          + " will shall may might must is are am was were be been being have has had i me my"
          + " mine myself you your we our us he she his her him hers himself herself they them"
          + " their it its about tell"
          + " know get got any some there here please thing things kind type types"
          + " qué que cómo como por cuál cuáles cuándo dónde quién puedo puede debo debe es son"
          + " está están estoy hay mi mis yo me usted su sus nos nuestro tengo tiene"
          + " hago hace hacen hacer sé saber quiero le les lo la";

  private final Search search;
  private final Map<String, Set<String>> byLanguage = new ConcurrentHashMap<>();

  GenericWords(Search search) {
    this.search = search;
  }

  /** The generic words as analysed terms of {@code language}. */
  Set<String> terms(String language) {
    return byLanguage.computeIfAbsent(language, l -> Set.copyOf(search.terms(WORDS, l)));
  }
}
