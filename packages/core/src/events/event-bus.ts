import EventEmitter from 'eventemitter3';
import { redactValue } from '../errors/index';
import type { GrowthEventName, GrowthEventPayload, GrowthEvents } from './growth-events';

/**
 * The engine's typed event bus (an EventEmitter3). Listeners run synchronously in registration
 * order; a listener that throws makes `emit` throw, so hosts should keep listeners small and
 * hand slow work to their own queue.
 */
export class GrowthEventBus extends EventEmitter<GrowthEvents> {
  /**
   * Emits `event` with a redacted deep copy of `payload` (any token-like string that slipped into a
   * message becomes `[REDACTED]`). Returns whether any listener was called.
   */
  override emit<NAME extends GrowthEventName>(
    event: NAME,
    ...args: EventEmitter.EventArgs<GrowthEvents, NAME>
  ): boolean {
    const redacted = args.map((arg) => redactValue(arg)) as EventEmitter.EventArgs<GrowthEvents, NAME>;
    return super.emit(event, ...redacted);
  }

  /** Resolves with the next payload of `event` (handy in tests and scripts). */
  next<NAME extends GrowthEventName>(event: NAME): Promise<GrowthEventPayload<NAME>> {
    return new Promise((resolve) => {
      const listener = ((payload: GrowthEventPayload<NAME>) =>
        resolve(payload)) as EventEmitter.EventListener<GrowthEvents, NAME>;
      this.once(event, listener);
    });
  }
}

/** Creates a new, empty {@link GrowthEventBus}. No global state: each engine owns its bus. */
export function createEventBus(): GrowthEventBus {
  return new GrowthEventBus();
}
