package org.metshub.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code metshub serve}: the web site. Until the web layer lands it says so and exits. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {"Serve the web site and JSON API on the KB (not built yet: see the README)."})
final class ServeCommand implements Callable<Integer> {
  private final Env env;

  @Mixin KbOptions kbOptions = new KbOptions();

  @Option(names = "--port", defaultValue = "8080", description = "TCP port (default: 8080).")
  int port;

  @Option(names = "--bind", defaultValue = "127.0.0.1",
      description = "Address to listen on (default: 127.0.0.1).")
  String bind;

  ServeCommand(Env env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    if (port < 0 || port > 65535) {
      throw new UsageException("--port must be between 0 and 65535, got " + port);
    }
    env.err().println("metshub: the web site is not built yet; it will serve "
        + kbOptions.kbDir() + " on http://" + bind + ":" + port + "/.");
    env.err().println("metshub: meanwhile, 'metshub validate' checks the KB.");
    return Main.OK;
  }
}
