package org.metshub.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a request's whole body before the application sees the request, without holding a thread
 * while it waits: bytes are taken as they arrive (Jetty's demand callbacks), and the request is
 * dispatched once the body is complete. A body that is not complete within {@code timeout}, that
 * grows past {@code maxBytes}, or that is malformed (a broken chunked encoding, a connection cut
 * short) reaches the application with an empty body and a {@link Refusal} attribute, which {@link
 * WebServer} turns into a 408, 413 or 400 rendered like every other error. A stalled client is
 * logged as one WARN line without a stack trace, rate-limited per address.
 *
 * <p>Why: the servlet API reads bodies by blocking. A few hundred clients that send the headers of
 * a POST and then trickle the body used to park every server thread until Jetty's idle timeout, and
 * /healthz stopped answering. Thread-safe.
 */
final class BodyGate extends Handler.Wrapper {
  /** The request attribute that carries a refused body. */
  static final String REFUSAL = "metshub.body.refusal";

  private static final Logger LOG = LoggerFactory.getLogger(BodyGate.class);

  /** Why a body was refused: the status and a detail for the reader. */
  record Refusal(int status, String detail) {}

  private final long maxBytes;
  private final Duration timeout;
  private final TrustedProxies proxies;
  private final LogLimit logs;

  BodyGate(long maxBytes, Duration timeout, TrustedProxies proxies, LogLimit logs) {
    this.maxBytes = maxBytes;
    this.timeout = timeout;
    this.proxies = proxies;
    this.logs = logs;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    long length = request.getLength();
    boolean chunked = length < 0 && request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
    if (length == 0 || (length < 0 && !chunked)) {
      return forward(request, response, callback);
    }
    if (length > maxBytes) {
      request.setAttribute(
          REFUSAL,
          new Refusal(
              413, "the request body must be at most " + maxBytes + " bytes, got " + length));
      return forward(new Buffered(request, ByteBuffer.allocate(0)), response, callback);
    }
    new Reading(request, response, callback).start();
    return true;
  }

  private boolean forward(Request request, Response response, Callback callback) throws Exception {
    Handler next = getHandler();
    if (next != null && next.handle(request, response, callback)) {
      return true;
    }
    Response.writeError(request, response, callback, 404);
    return true;
  }

  /** One body being read; exactly one of complete, refuse or timeout dispatches it. */
  private final class Reading {
    private final Request request;
    private final Response response;
    private final Callback callback;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final AtomicBoolean done = new AtomicBoolean();

    /** Null until {@link #start}. */
    private volatile Scheduler.@Nullable Task deadline;

    Reading(Request request, Response response, Callback callback) {
      this.request = request;
      this.response = response;
      this.callback = callback;
    }

    void start() {
      deadline =
          request
              .getComponents()
              .getScheduler()
              .schedule(this::expire, timeout.toMillis(), TimeUnit.MILLISECONDS);
      read();
    }

    private void read() {
      while (!done.get()) {
        Content.Chunk chunk = request.read();
        if (chunk == null) {
          request.demand(this::read);
          return;
        }
        if (Content.Chunk.isFailure(chunk)) {
          Throwable why = chunk.getFailure();
          finish(
              new Refusal(
                  400,
                  "the request body could not be read: "
                      + Text.clip(String.valueOf(why.getMessage()), 80)));
          return;
        }
        ByteBuffer b = chunk.getByteBuffer();
        int n = b.remaining();
        if (body.size() + (long) n > maxBytes) {
          chunk.release();
          finish(new Refusal(413, "the request body must be at most " + maxBytes + " bytes"));
          return;
        }
        byte[] bytes = new byte[n];
        b.get(bytes);
        body.write(bytes, 0, n);
        boolean last = chunk.isLast();
        chunk.release();
        if (last) {
          finish(null);
          return;
        }
      }
    }

    private void expire() {
      if (done.get()) {
        return;
      }
      String client =
          proxies.client(
              Request.getRemoteAddr(request), request.getHeaders().get("X-Forwarded-For"));
      long dropped = logs.admit(client, "body");
      if (dropped >= 0) {
        LOG.warn(
            "client {} sent {} of {} body bytes of {} {} within {} s; answered 408{}",
            client,
            body.size(),
            request.getLength() < 0 ? "chunked" : Long.toString(request.getLength()),
            request.getMethod(),
            Text.clip(request.getHttpURI().getPath(), 80),
            timeout.toSeconds(),
            LogLimit.dropped(dropped));
      }
      finish(
          new Refusal(408, "the request body did not arrive within " + timeout.toSeconds() + " s"));
    }

    /** Passes the body on, or the refusal when there is one (null: the body arrived whole). */
    private void finish(@Nullable Refusal refusal) {
      if (!done.compareAndSet(false, true)) {
        return;
      }
      Scheduler.Task t = deadline;
      if (t != null) {
        t.cancel();
      }
      ByteBuffer content = ByteBuffer.wrap(refusal == null ? body.toByteArray() : new byte[0]);
      if (refusal != null) {
        request.setAttribute(REFUSAL, refusal);
      }
      Runnable dispatch =
          () -> {
            try {
              forward(new Buffered(request, content), response, callback);
            } catch (Throwable x) {
              callback.failed(x);
            }
          };
      // The application may block; never run it on the scheduler's thread.
      request.getContext().execute(dispatch);
    }
  }

  /** The request with its body already in memory. */
  private static final class Buffered extends Request.Wrapper {
    private final ByteBuffer content;
    private boolean read;

    Buffered(Request wrapped, ByteBuffer content) {
      super(wrapped);
      this.content = content;
    }

    @Override
    public long getLength() {
      return content.capacity();
    }

    @Override
    public synchronized Content.Chunk read() {
      if (read) {
        return Content.Chunk.EOF;
      }
      read = true;
      return Content.Chunk.from(content, /* last= */ true);
    }

    @Override
    public void demand(Runnable demandCallback) {
      demandCallback.run();
    }
  }
}
