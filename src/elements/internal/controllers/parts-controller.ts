import type { ReactiveController, ReactiveElement } from 'lit';
import { afterNextPaint } from '../../../core/yield.js';

/**
 * Draws a long element part by part, one per frame after its first view, so that no task is long
 * on a slow phone. The element has the custom state `drawing` until its last part is drawn: the
 * kit's CSS keeps its place meanwhile, so nothing below it moves.
 */
export class PartsController implements ReactiveController {
  /** How many parts are drawn (the template shows parts 1…drawn). */
  drawn = 1;
  /** Resolves once every part is drawn. */
  done?: Promise<void>;
  private readonly internals: ElementInternals;

  /** `rendered` is the host's own render completion (not an override that waits for `done`). */
  constructor(
    private readonly host: ReactiveElement,
    private readonly parts: number,
    private readonly rendered: () => Promise<unknown>,
  ) {
    this.internals = host.attachInternals();
    this.internals.states.add('drawing');
    host.addController(this);
  }

  hostUpdated(): void {
    this.done ??= this.drawRest();
  }

  private async drawRest(): Promise<void> {
    while (this.drawn < this.parts) {
      await afterNextPaint();
      this.drawn++;
      this.host.requestUpdate();
      await this.rendered();
    }
    this.internals.states.delete('drawing');
  }
}
