/**
 * Gives the page back to the browser between two pieces of work so that no task grows long on a
 * slow phone: the rest runs in a new task, after a frame has been drawn when the page is visible.
 * A new task comes from a MessageChannel (no 4 ms clamp as with nested timers); the wait for a
 * frame gives up after 100 ms (a hidden tab draws no frames).
 */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, 100);
    requestAnimationFrame(() => {
      clearTimeout(fallback);
      void nextTask().then(resolve);
    });
  });
}

/** A new task: input and other work waiting can run before the caller goes on. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}
