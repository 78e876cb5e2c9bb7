package org.metshub.safety;

import java.util.Objects;

/** A reading of one match, with the cue that decided it, in words for the explanation. */
record Assessment(Reading reading, String because) {
  Assessment {
    Objects.requireNonNull(reading, "reading");
    Objects.requireNonNull(because, "because");
  }
}
