import { describe, expect, it } from "vitest";
import { createAdaptiveGate, type GateTicket } from "./adaptive-gate.js";

async function acquireAll(gate: ReturnType<typeof createAdaptiveGate>, count: number): Promise<GateTicket[]> {
  const tickets: GateTicket[] = [];
  for (let i = 0; i < count; i++) {
    const ticket = await gate.acquire();
    if (ticket) tickets.push(ticket);
  }
  return tickets;
}

describe("adaptive gate", () => {
  it("admits up to the limit and queues the rest in order, retries first", async () => {
    const gate = createAdaptiveGate(2);
    const [first] = await acquireAll(gate, 2);
    const order: string[] = [];
    const noting = (name: string) => (ticket: GateTicket | undefined) => {
      order.push(name);
      return ticket;
    };
    const late = gate.acquire().then(noting("late"));
    const urgent = gate.acquire(undefined, true).then(noting("urgent"));
    expect(gate.waiting()).toBe(2);
    first?.release();
    first?.release(); // a second release is ignored
    await urgent;
    expect(order).toEqual(["urgent"]);
    expect(gate.inFlight()).toBe(2);
    (await urgent)?.release();
    await late;
    expect(order).toEqual(["urgent", "late"]);
  });

  it("gives up waiting when aborted", async () => {
    const gate = createAdaptiveGate(1);
    await gate.acquire();
    const controller = new AbortController();
    const waiting = gate.acquire(controller.signal);
    controller.abort();
    expect(await waiting).toBeUndefined();
    expect(gate.waiting()).toBe(0);
  });

  it("halves once per wave of 429s and recovers one step per `limit` successes", async () => {
    const gate = createAdaptiveGate(8);
    const wave = await acquireAll(gate, 8);
    for (const ticket of wave) gate.rateLimited(ticket);
    expect(gate.limit()).toBe(4);
    for (const ticket of wave) ticket.release();

    const next = await gate.acquire();
    if (next) gate.rateLimited(next);
    expect(gate.limit()).toBe(2);
    next?.release();
    for (let i = 0; i < 10; i++) {
      const ticket = await gate.acquire();
      if (ticket) gate.rateLimited(ticket);
      ticket?.release();
    }
    expect(gate.limit()).toBe(1);

    const steps: number[] = [];
    for (let i = 0; i < 1 + 2 + 3; i++) {
      gate.succeeded();
      steps.push(gate.limit());
    }
    expect(steps).toEqual([2, 2, 3, 3, 3, 4]);
  });

  it("lowers the limit for new requests while old ones finish", async () => {
    const gate = createAdaptiveGate(4);
    const tickets = await acquireAll(gate, 4);
    gate.rateLimited(tickets[0] as GateTicket);
    let admitted = false;
    const waiting = gate.acquire().then((ticket) => {
      admitted = true;
      return ticket;
    });
    tickets[1]?.release();
    tickets[2]?.release();
    await new Promise((resolve) => setImmediate(resolve));
    expect(admitted).toBe(false); // 2 still in flight, limit 2
    tickets[3]?.release();
    expect(await waiting).toBeDefined();
  });
});
