package org.metshub.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.metshub.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code metshub backup FILE} and {@code metshub restore FILE}: the SQLite store. */
final class BackupCommand {
  private BackupCommand() {}

  @Command(
      name = "backup",
      mixinStandardHelpOptions = true,
      description = {
        "Write an online, consistent copy of the SQLite database to FILE.",
        "Uses SQLite's backup API, so the server may keep running and writing. Refuses to "
            + "overwrite FILE unless --force. For PostgreSQL, use pg_dump."
      })
  static final class Backup implements Callable<Integer> {
    private final Env env;
    @Mixin DbOptions db = new DbOptions();

    @Parameters(paramLabel = "FILE", description = "Where to write the backup.")
    Path file;

    @Option(names = "--force", description = "Overwrite FILE if it exists.")
    boolean force;

    Backup(Env env) {
      this.env = env;
    }

    @Override
    public Integer call() throws Exception {
      if (Files.exists(file) && !force) {
        throw new UsageException(file + " exists; use --force to overwrite it");
      }
      Path folder = file.toAbsolutePath().getParent();
      if (folder == null || !Files.isDirectory(folder)) {
        throw new UsageException(folder + ": no such folder");
      }
      Database d = db.open(env);
      Path tmp = file.resolveSibling(file.getFileName() + ".partial");
      Files.deleteIfExists(tmp);
      try {
        d.backupTo(tmp);
        Files.move(
            tmp,
            file,
            java.nio.file.StandardCopyOption.REPLACE_EXISTING,
            java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      } catch (RuntimeException e) {
        Files.deleteIfExists(tmp);
        throw e;
      }
      env.out()
          .printf(
              "backed up %s to %s (%,d bytes)%n", Database.redact(d.url()), file, Files.size(file));
      return Main.OK;
    }
  }

  @Command(
      name = "restore",
      mixinStandardHelpOptions = true,
      description = {
        "Replace the SQLite database with a backup made by 'metshub backup'.",
        "Checks first that FILE is a MetsHub database that passes SQLite's integrity check, "
            + "then copies it in with the backup API and applies any newer migrations. Stop "
            + "the server first: its open sessions and forms refer to the old contents."
      })
  static final class Restore implements Callable<Integer> {
    private final Env env;
    @Mixin DbOptions db = new DbOptions();

    @Parameters(paramLabel = "FILE", description = "The backup to restore.")
    Path file;

    Restore(Env env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      Database d = db.open(env);
      d.restoreFrom(file);
      env.out().println("restored " + Database.redact(d.url()) + " from " + file);
      return Main.OK;
    }
  }
}
