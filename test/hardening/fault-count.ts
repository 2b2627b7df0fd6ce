/** Counts the faults a suite tries and the ones that fail, for the figure it prints. */
export class FaultCount {
  tried = 0;
  failures = 0;

  /** Wraps a test body: it counts as tried, and as a failure if it throws. */
  count(body: () => Promise<void> | void): () => Promise<void> {
    return async () => {
      this.tried++;
      try {
        await body();
      } catch (error) {
        this.failures++;
        throw error;
      }
    };
  }
}
