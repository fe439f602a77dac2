package io.scrilla.api.spi;

/**
 * Receives progress of a long fetch, e.g. one Treasury page per year. Called on the fetching
 * thread; implementations must be quick.
 */
@FunctionalInterface
public interface ProgressListener {
  /**
   * Reports progress.
   *
   * @param task what is being fetched, e.g. {@code "treasury 2019"}
   * @param done units finished so far
   * @param total units in all, or -1 when unknown
   */
  void onProgress(String task, int done, int total);

  /** Returns a listener that ignores every report. */
  static ProgressListener none() {
    return (task, done, total) -> {};
  }
}
