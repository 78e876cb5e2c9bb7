package org.metshub.curation;

import java.util.Locale;
import org.metshub.error.MetsHubException.BadInput;

/** What a console user may do: curators curate; admins also see users and the audit log. */
public enum Role {
  CURATOR,
  ADMIN;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The role named {@code s} ({@code curator} or {@code admin}). */
  public static Role parse(String s) {
    for (Role r : values()) {
      if (r.id().equals(s)) {
        return r;
      }
    }
    throw new BadInput("unknown role '" + s + "': use curator or admin");
  }
}
