package org.metshub.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The proxies whose {@code X-Forwarded-*} headers MetsHub believes, as CIDR blocks ({@code
 * --trusted-proxy 10.0.0.0/8 ::1/128}). Empty by default: then every forwarded header is ignored
 * and the client is the peer of the TCP connection. A request from a trusted proxy has its client
 * address taken from {@code X-Forwarded-For} (the right-most entry that is not itself a trusted
 * proxy) and its scheme from {@code X-Forwarded-Proto}. Immutable; thread-safe.
 */
public final class TrustedProxies {
  public static final TrustedProxies NONE = new TrustedProxies(List.of());

  private final List<Block> blocks;

  private TrustedProxies(List<Block> blocks) {
    this.blocks = List.copyOf(blocks);
  }

  private record Block(byte[] network, int prefix, String text) {
    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      int full = prefix / 8;
      for (int i = 0; i < full; i++) {
        if (address[i] != network[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xff << (8 - rest)) & 0xff;
      return (address[full] & mask) == (network[full] & mask);
    }
  }

  /**
   * Parses CIDR blocks such as {@code 10.0.0.0/8}, {@code 192.168.1.7} (one address) or {@code
   * fd00::/8}; a malformed one is an {@link IllegalArgumentException} that names it.
   */
  public static TrustedProxies parse(List<String> cidrs) {
    List<Block> blocks = new ArrayList<>();
    for (String raw : cidrs) {
      String c = raw.strip();
      int slash = c.indexOf('/');
      String addr = slash < 0 ? c : c.substring(0, slash);
      byte[] net =
          literal(addr)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "--trusted-proxy must be an IP address or CIDR block such as 10.0.0.0/8, got '"
                              + Text.clip(raw, 80)
                              + "'"));
      int prefix = net.length * 8;
      if (slash >= 0) {
        String p = c.substring(slash + 1);
        if (!p.matches("\\d{1,3}") || Integer.parseInt(p) > net.length * 8) {
          throw new IllegalArgumentException(
              "--trusted-proxy prefix length must be 0 to "
                  + net.length * 8
                  + ", got '"
                  + Text.clip(raw, 80)
                  + "'");
        }
        prefix = Integer.parseInt(p);
      }
      blocks.add(new Block(net, prefix, c.toLowerCase(Locale.ROOT)));
    }
    return new TrustedProxies(blocks);
  }

  /** The bytes of an IP literal, never resolving a host name (no DNS at run time). */
  static java.util.Optional<byte[]> literal(String s) {
    String a = s.startsWith("[") && s.endsWith("]") ? s.substring(1, s.length() - 1) : s;
    boolean v4 = a.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    boolean v6 = a.contains(":") && a.matches("[0-9A-Fa-f:.]+(%[A-Za-z0-9_.-]+)?");
    if (!v4 && !v6) {
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(InetAddress.getByName(a).getAddress());
    } catch (UnknownHostException e) {
      return java.util.Optional.empty();
    }
  }

  public boolean isEmpty() {
    return blocks.isEmpty();
  }

  /** True when {@code address} (an IP literal) lies in one of the blocks. */
  public boolean trusts(String address) {
    if (blocks.isEmpty() || address == null) {
      return false;
    }
    return literal(address).map(b -> blocks.stream().anyMatch(k -> k.contains(b))).orElse(false);
  }

  /**
   * The client behind {@code peer}: the peer itself unless it is trusted, else the right-most
   * address of {@code forwardedFor} that is not a trusted proxy (a client can put anything on the
   * left of that header, so only what our own proxies appended counts).
   */
  public String client(String peer, String forwardedFor) {
    if (!trusts(peer) || forwardedFor == null || forwardedFor.isBlank()) {
      return peer;
    }
    String[] hops = forwardedFor.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].strip();
      if (literal(hop).isEmpty()) {
        return peer; // a malformed hop: do not guess past it
      }
      if (!trusts(hop)) {
        return hop;
      }
    }
    return peer;
  }

  @Override
  public String toString() {
    return blocks.stream().map(Block::text).toList().toString();
  }
}
