package org.optbench.testing;

import java.net.SocketPermission;
import java.security.Permission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A security manager that refuses, and records, every attempt to resolve a host name or open a
 * socket (the JDK checks a SocketPermission before any DNS lookup, connect, listen or accept,
 * whether through java.net, NIO channels or HttpURLConnection). Everything else is allowed.
 */
@SuppressWarnings("removal")
public final class NetworkGuard extends SecurityManager implements AutoCloseable {

  private final List<String> attempts = Collections.synchronizedList(new ArrayList<>());
  private final SecurityManager previous;

  private NetworkGuard(SecurityManager previous) {
    this.previous = previous;
  }

  /** Installs the guard; {@link #close()} restores the previous security manager. */
  public static NetworkGuard install() {
    NetworkGuard guard = new NetworkGuard(System.getSecurityManager());
    System.setSecurityManager(guard);
    return guard;
  }

  /** Every refused attempt, as "host:port actions". */
  public List<String> attempts() {
    synchronized (attempts) {
      return List.copyOf(attempts);
    }
  }

  @Override
  public void checkPermission(Permission permission) {
    if (permission instanceof SocketPermission) {
      attempts.add(permission.getName() + " " + permission.getActions());
      throw new SecurityException("network access refused: " + permission);
    }
  }

  @Override
  public void checkPermission(Permission permission, Object context) {
    checkPermission(permission);
  }

  @Override
  public void close() {
    System.setSecurityManager(previous);
  }
}
