import type { EventMessage, EventName, SiteEvents } from '../contract/events';

/** A listener that receives every event as one message. */
export type EventListener = (message: EventMessage) => void;

/** A tiny typed event bus: the engine emits, each transport forwards. */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  /** Deliver one event to every listener; a failing listener does not stop the others. */
  emit<E extends EventName>(event: E, payload: SiteEvents[E]): void {
    const message = { event, payload } as EventMessage;
    for (const listener of [...this.listeners]) {
      try {
        listener(message);
      } catch (error) {
        console.error(`hanji: listener for ${event} failed`, error);
      }
    }
  }

  /** Receive every event; returns the function that unsubscribes. */
  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
