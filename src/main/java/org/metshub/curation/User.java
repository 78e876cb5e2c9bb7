package org.metshub.curation;

/** A console account (never carries the password hash out of {@link Users}). */
public record User(long id, String username, Role role, boolean disabled) {
  public boolean isAdmin() {
    return role == Role.ADMIN;
  }
}
