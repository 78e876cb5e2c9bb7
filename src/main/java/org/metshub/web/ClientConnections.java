package org.metshub.web;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches every connection of the listener: a client address may hold at most {@code perClient}
 * open connections (one more is closed as soon as it opens), and a connection must deliver the
 * headers of its first request within {@code headerTimeout} or be closed. Together with {@link
 * BodyGate} this keeps slow or stalled clients ("slowloris") from exhausting connections and
 * threads: they cost one file descriptor each, at most {@code perClient} per address, for a bounded
 * time. Addresses of trusted proxies are not capped, since each carries many clients. Each stalled
 * client is logged as one WARN line, rate-limited per address. Thread-safe.
 */
final class ClientConnections implements Connection.Listener {
  private static final Logger LOG = LoggerFactory.getLogger(ClientConnections.class);

  private final int perClient;
  private final Duration headerTimeout;
  private final TrustedProxies proxies;
  private final Scheduler scheduler;
  private final LogLimit logs;
  private final Map<String, AtomicInteger> open = new ConcurrentHashMap<>();
  private final Map<Connection, Scheduler.Task> deadlines = new ConcurrentHashMap<>();
  private final Map<Connection, String> counted = new ConcurrentHashMap<>();

  ClientConnections(
      int perClient,
      Duration headerTimeout,
      TrustedProxies proxies,
      Scheduler scheduler,
      LogLimit logs) {
    this.perClient = perClient;
    this.headerTimeout = headerTimeout;
    this.proxies = proxies;
    this.scheduler = scheduler;
    this.logs = logs;
  }

  static String address(SocketAddress a) {
    return a instanceof InetSocketAddress i && i.getAddress() != null
        ? i.getAddress().getHostAddress()
        : String.valueOf(a);
  }

  @Override
  public void onOpened(Connection c) {
    String client = address(c.getEndPoint().getRemoteSocketAddress());
    if (!proxies.trusts(client)) {
      // Counted inside compute, as onClosed's decrement is: a count that reaches zero is
      // removed there, and an increment on the removed counter would be lost.
      int[] now = new int[1];
      open.compute(
          client,
          (k, v) -> {
            AtomicInteger a = v == null ? new AtomicInteger() : v;
            now[0] = a.incrementAndGet();
            return a;
          });
      int n = now[0];
      counted.put(c, client);
      if (n > perClient) {
        long dropped = logs.admit(client, "connections");
        if (dropped >= 0) {
          LOG.warn(
              "client {} opened more than {} connections at once; closing the extra ones{}",
              client,
              perClient,
              LogLimit.dropped(dropped));
        }
        // Closing inside onOpened is not honoured by every endpoint state; close just after.
        // The endpoint itself is closed: the socket goes, whatever the connection's state.
        scheduler.schedule(() -> c.getEndPoint().close(), 0, TimeUnit.MILLISECONDS);
        return;
      }
    }
    deadlines.put(
        c,
        scheduler.schedule(
            () -> headersDue(c, client), headerTimeout.toMillis(), TimeUnit.MILLISECONDS));
  }

  private void headersDue(Connection c, String client) {
    deadlines.remove(c);
    // getMessagesIn counts requests whose headers were parsed on this connection.
    if (c.getMessagesIn() <= 0 && c.getEndPoint().isOpen()) {
      long dropped = logs.admit(client, "headers");
      if (dropped >= 0) {
        LOG.warn(
            "client {} sent no complete request headers within {} s; connection closed{}",
            client,
            headerTimeout.toSeconds(),
            LogLimit.dropped(dropped));
      }
      c.getEndPoint().close();
    }
  }

  @Override
  public void onClosed(Connection c) {
    Scheduler.Task t = deadlines.remove(c);
    if (t != null) {
      t.cancel();
    }
    String client = counted.remove(c);
    if (client != null) {
      open.computeIfPresent(client, (k, n) -> n.decrementAndGet() <= 0 ? null : n);
    }
  }

  /** Open connections of {@code client} (for tests and diagnostics). */
  int openConnections(String client) {
    AtomicInteger n = open.get(client);
    return n == null ? 0 : n.get();
  }
}
