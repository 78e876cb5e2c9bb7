package org.metshub.web;

import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The one stylesheet, served from the class path and cached for a day. */
final class Assets {
  static final byte[] CSS = read("/web/site.css");

  private Assets() {}

  static void routes(RoutesConfig r) {
    r.get(
        "/static/site.css",
        ctx ->
            ctx.contentType("text/css; charset=utf-8")
                .header("Cache-Control", "public, max-age=86400")
                .result(CSS));
  }

  static byte[] read(String name) {
    try (InputStream in = Assets.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }
}
