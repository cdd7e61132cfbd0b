package org.optbench.testing;

import java.net.Socket;

/**
 * A program that opens one TCP connection to {@code 127.0.0.1:PORT} and exits: the positive control
 * that shows a connect-call trace sees a JVM's connections.
 */
public final class ConnectOnce {

  private ConnectOnce() {}

  /** Connects to {@code 127.0.0.1:args[0]}, then closes. */
  public static void main(String[] args) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", Integer.parseInt(args[0]))) {
      System.out.println("connected: " + socket.isConnected());
    }
  }
}
