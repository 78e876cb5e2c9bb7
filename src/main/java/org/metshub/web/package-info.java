/** Null-marked: a type is non-null unless it says {@code @Nullable}; NullAway checks it. */
@NullMarked
package org.metshub.web;

import org.jspecify.annotations.NullMarked;
