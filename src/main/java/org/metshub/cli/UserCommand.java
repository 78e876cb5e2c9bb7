package org.metshub.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.metshub.App;
import org.metshub.curation.Role;
import org.metshub.curation.User;
import org.metshub.curation.Users;
import org.metshub.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code metshub user add|passwd|disable|enable|list}: curator accounts. Passwords are read from
 * standard input (one line; typed twice without echo at a terminal), never from arguments, where
 * they would show in the process list and the shell history.
 */
@Command(
    name = "user",
    mixinStandardHelpOptions = true,
    description = {
      "Manage curator accounts: add, passwd, disable, enable, list.",
      "Passwords are read from standard input (at a terminal: typed twice, not shown), never "
          + "from the command line. At least 12 characters. Changing a password or "
          + "disabling an account ends its sessions.",
      "Examples: printf '%%s\\n' \"$PW\" | metshub user add alice --role admin ; "
          + "metshub user disable bob"
    })
final class UserCommand implements Callable<Integer> {
  private final Env env;
  private final InputStream in;

  @Mixin DbOptions db = new DbOptions();

  @Parameters(
      index = "0",
      paramLabel = "ACTION",
      description = "add, passwd, disable, enable or list.")
  String action;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "NAME",
      description = "The user name: 2 to 40 lower-case letters, digits, '.', '_' or '-'.")
  @Nullable String name;

  @Option(
      names = "--role",
      paramLabel = "ROLE",
      defaultValue = "curator",
      description = "For add: curator (the default) or admin.")
  String role;

  UserCommand(Env env, InputStream in) {
    this.env = env;
    this.in = in;
  }

  @Override
  public Integer call() {
    if (!java.util.List.of("add", "passwd", "disable", "enable", "list").contains(action)) {
      throw new UsageException(
          "unknown action '" + action + "': use add, passwd, disable, enable or list");
    }
    if (!action.equals("list") && name == null) {
      throw new UsageException("'user " + action + "' needs a user name");
    }
    Database database = db.open(env);
    Users users = App.users(database, env.clock());
    String actor = "cli:" + System.getProperty("user.name", "unknown");
    // Checked above: every action but list has a name.
    String user = action.equals("list") ? "" : java.util.Objects.requireNonNull(name);
    switch (action) {
      case "add" -> {
        Role r = Role.parse(role);
        User u = users.add(user, password("Password for " + user), r, actor);
        env.out().println("added " + u.role().id() + " " + u.username());
      }
      case "passwd" -> {
        users.passwd(user, password("New password for " + user), actor);
        env.out().println("changed the password of " + user + "; their sessions have ended");
      }
      case "disable" -> {
        users.setDisabled(user, true, actor);
        env.out().println("disabled " + user + "; their sessions have ended");
      }
      case "enable" -> {
        users.setDisabled(user, false, actor);
        env.out().println("enabled " + user);
      }
      default -> {
        for (User u : users.all()) {
          env.out()
              .println(
                  u.username()
                      + "\t"
                      + u.role().id()
                      + "\t"
                      + (u.disabled() ? "disabled" : "active"));
        }
      }
    }
    return Main.OK;
  }

  /**
   * Whether the console is a terminal. From Java 22 {@code System.console()} may exist with
   * standard input redirected, and {@code Console.isTerminal()} tells; on 21 it is null then.
   */
  private static boolean isTerminal(java.io.Console c) {
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(c);
    } catch (NoSuchMethodException e) {
      return true;
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }

  private String password(String prompt) {
    java.io.Console console = System.console();
    if (console != null && in == System.in && isTerminal(console)) {
      char[] a = console.readPassword("%s: ", prompt);
      char[] b = console.readPassword("Again: ");
      if (a == null || b == null || !java.util.Arrays.equals(a, b)) {
        throw new UsageException("the two passwords differ");
      }
      return new String(a);
    }
    try {
      String line =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
      if (line == null || line.isEmpty()) {
        throw new UsageException(
            "no password on standard input: pipe one line, for example "
                + "printf '%s\\n' \"$PASSWORD\" | metshub user "
                + action
                + " "
                + name);
      }
      return line;
    } catch (IOException e) {
      throw new UsageException("cannot read the password from standard input: " + e.getMessage());
    }
  }
}
