/**
 * The inspector's facts for a message that has arrived or was dropped (pastMessage.ts): route,
 * term, send, delivery or drop with its reason, in English, Spanish and Portuguese.
 */
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/index.ts';
import type { MessageRecord } from '../../src/store/spaceTime.ts';
import { pastMessageFacts } from '../../src/views/panels/pastMessage.ts';
import { record } from './spacetimeFixtures.ts';

const table = (facts: { label: string; value: string }[]) =>
  Object.fromEntries(facts.map((f) => [f.label, f.value]));

describe('pastMessageFacts', () => {
  const delivered: MessageRecord = record({
    id: 5,
    from: 2,
    to: 4,
    term: 3,
    sentMs: 1200,
    deliverMs: 1215,
    endMs: 1215,
  });

  it('tells a delivered message: route, term, when it was sent and delivered', () => {
    const facts = pastMessageFacts(delivered, 'delivered', translator('en'));
    expect(table(facts)).toEqual({
      Route: 'S2 → S4',
      Term: '3',
      Sent: '1.200 s',
      Delivered: '1.215 s',
    });
    expect(facts.find((f) => f.label === 'Delivered')?.rule).toContain('15 ms');
  });

  it('tells a drop by hand: when, why, and when it was due; a client message has no term', () => {
    const byHand = record({
      id: 6,
      from: -1,
      to: 2,
      type: 'ClientRequest',
      term: null,
      sentMs: 100,
      deliverMs: 140,
      endMs: 110,
      dropReason: 'manual',
    });
    expect(table(pastMessageFacts(byHand, 'dropped', translator('en')))).toEqual({
      Route: 'C1 → S2',
      Term: 'none',
      Sent: '0.100 s',
      Dropped: '0.110 s',
      Why: 'dropped by hand',
      Due: '0.140 s',
    });
  });

  it('speaks Spanish and Portuguese, every word translated and every time in their number format', () => {
    const lost = record({ id: 7, sentMs: 0, deliverMs: 20, endMs: 20, dropReason: 'partition' });
    expect(table(pastMessageFacts(lost, 'dropped', translator('es'), 'es'))).toEqual({
      Ruta: 'S1 → S2',
      Mandato: '1',
      Enviado: '0,000 s',
      Descartado: '0,020 s',
      Motivo: 'partición o enlace cortado',
    });
    expect(table(pastMessageFacts(delivered, 'delivered', translator('pt'), 'pt'))).toEqual({
      Rota: 'S2 → S4',
      Mandato: '3',
      Enviada: '1,200 s',
      Entregue: '1,215 s',
    });
    // Every tooltip differs from the English one.
    const en = pastMessageFacts(lost, 'dropped', translator('en'));
    for (const lang of ['es', 'pt'] as const)
      pastMessageFacts(lost, 'dropped', translator(lang)).forEach((f, i) =>
        expect(f.rule).not.toBe(en[i]?.rule),
      );
  });
});
