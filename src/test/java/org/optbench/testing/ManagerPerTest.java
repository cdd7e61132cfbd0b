package org.optbench.testing;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.optbench.engine.djl.DjlOffline;

/**
 * A PyTorch {@link NDManager} opened (offline) before each test and closed after it, so that the
 * native memory of one test's arrays never outlives it:
 * {@code @RegisterExtension final ManagerPerTest nd = new ManagerPerTest();} then
 * {@code nd.get().create(...)}.
 */
public final class ManagerPerTest implements BeforeEachCallback, AfterEachCallback {

  private NDManager manager;

  @Override
  public void beforeEach(ExtensionContext context) {
    DjlOffline.enforce();
    manager = NDManager.newBaseManager("PyTorch");
  }

  @Override
  public void afterEach(ExtensionContext context) {
    manager.close();
  }

  /** This test's manager. */
  public NDManager get() {
    return manager;
  }
}
