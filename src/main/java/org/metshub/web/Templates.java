package org.metshub.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Map;

/**
 * The jte templates of {@code src/main/jte}, precompiled to classes at build time (so a typo in a
 * template fails the build, and the server needs no compiler). Output is HTML-escaped unless a
 * template says {@code $unsafe}, which only sanitised HTML uses. Thread-safe.
 */
final class Templates {
  private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

  String render(String name, Map<String, Object> params) {
    StringOutput out = new StringOutput();
    engine.render(name + ".jte", params, out);
    return out.toString();
  }
}
