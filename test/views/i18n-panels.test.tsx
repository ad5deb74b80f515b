/**
 * The lab's panels in the language chosen with `lang=`: Spanish and Portuguese under a presenter
 * store, and exactly the old English without a provider (as the other Node tests render them).
 */
import { LogLegend } from '../../src/views/panels/LogLegend.tsx';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/i18n/index.ts';
import { PresenterProvider } from '../../src/services/presenter/context.tsx';
import { createPresenterStore } from '../../src/services/presenter/presenterStore.ts';
import { createLabStore } from '../../src/store/index.ts';
import {
  ClientPanel,
  EventFeed,
  HelpOverlay,
  LogPanel,
  MessageDetails,
  ServerDetails,
} from '../../src/views/panels/index.ts';
import { CONFIG, client, logOf, message, peer, server } from './fixtures.ts';

const noop = (): void => {};

function render(ui: ReactElement, lang?: Language): string {
  if (lang === undefined) return renderToStaticMarkup(ui);
  const shell = createPresenterStore(createLabStore({ clock: () => 0 }), { lang });
  return renderToStaticMarkup(<PresenterProvider store={shell}>{ui}</PresenterProvider>);
}

const leader = server(1, {
  role: 'leader',
  term: 2,
  log: logOf([1, 1, 2, 2, 2, 2, 2]),
  commitIndex: 6,
  lastApplied: 5,
  peers: [peer(2, { nextIndex: 8, matchIndex: 7 }), peer(3, { nextIndex: 1, matchIndex: 0 })],
});
const follower = server(2, { term: 2, log: logOf([1, 1, 2]), commitIndex: 2, lastApplied: 1 });

const panels = {
  logs: <LogPanel servers={[leader, follower]} leaderId={1} />,
  legend: <LogLegend />,
  server: <ServerDetails server={leader} now={1000} config={CONFIG} onAction={noop} />,
  feed: <EventFeed events={[]} now={0} onJump={noop} />,
  clients: <ClientPanel clients={[client(1)]} events={[]} onRequest={noop} />,
  message: (
    <MessageDetails
      message={message({
        type: 'AppendEntries',
        term: 2,
        leaderId: 1,
        prevLogIndex: 0,
        prevLogTerm: 0,
        entries: logOf([2]),
        leaderCommit: 0,
        sentMs: 0,
      })}
      now={0}
      onDrop={noop}
    />
  ),
  help: <HelpOverlay open shortcuts={[{ keys: ['?'], description: 'Help' }]} onClose={noop} />,
};

describe('lab panels in English', () => {
  it('render without a provider, with the English labels', () => {
    const logs = render(panels.logs);
    expect(logs).toContain('<h2 class="rl-panel-title">Logs</h2>');
    expect(logs).toContain('Entries 1–7 of 7');
    expect(logs).toContain('>commit 6<');
    expect(logs).toContain('>applied 5<');
    expect(logs).toContain('What the marks mean');
    expect(render(panels.legend)).toContain('Solid: committed');
    const details = render(panels.server);
    for (const label of ['Crash', 'Restart', 'Force timeout', 'Client request', 'Heartbeat'])
      expect(details).toContain(`>${label}</`);
    expect(details).toContain('<span class="rl-role-text">leader</span>');
    expect(render(panels.feed)).toContain('Nothing has happened yet.');
    expect(render(panels.clients)).toContain('<h2 class="rl-panel-title">Clients</h2>');
    expect(render(panels.message)).toContain('>Drop</button>');
    expect(render(panels.help)).toContain('Keyboard shortcuts');
  });

  it('are the same under a provider set to English as without one', () => {
    for (const ui of Object.values(panels)) expect(render(ui, 'en')).toBe(render(ui));
  });
});

describe('lab panels in Spanish and Portuguese', () => {
  it('translate headings, buttons, table headers and the legend (es)', () => {
    const logs = render(panels.logs, 'es');
    expect(logs).toContain('<h2 class="rl-panel-title">Registros</h2>');
    expect(logs).toContain('Entradas 1–7 de 7');
    expect(logs).toContain('>confirmado 6<');
    expect(logs).toContain('>aplicado 5<');
    const legend = render(panels.legend, 'es');
    expect(legend).toContain('Sólida: confirmada');
    // the rule catalogue rule IDs stay as they are.
    expect(legend).toContain('(F2-L5, INV-LC)');
    expect(logs).not.toContain('What the marks mean');
    const details = render(panels.server, 'es');
    for (const label of ['Tumbar', 'Reiniciar', 'Forzar timeout', 'Petición de cliente', 'Latido'])
      expect(details).toContain(`>${label}</`);
    expect(details).toContain('<span class="rl-role-text">líder</span>');
    expect(details).toContain('Mandato');
    expect(details).not.toContain('>Crash</');
    expect(render(panels.feed, 'es')).toContain('Todavía no ha pasado nada.');
    expect(render(panels.clients, 'es')).toContain('<h2 class="rl-panel-title">Clientes</h2>');
    expect(render(panels.message, 'es')).toContain('>Descartar</button>');
    expect(render(panels.help, 'es')).toContain('Atajos de teclado');
  });

  it('translate headings, buttons, table headers and the legend (pt)', () => {
    const logs = render(panels.logs, 'pt');
    expect(logs).toContain('<h2 class="rl-panel-title">Logs</h2>');
    expect(logs).toContain('Entradas 1–7 de 7');
    expect(logs).toContain('>confirmado 6<');
    expect(logs).toContain('>aplicado 5<');
    expect(logs).toContain('O que as marcas significam');
    const details = render(panels.server, 'pt');
    for (const label of ['Derrubar', 'Reiniciar', 'Forçar timeout', 'Requisição de cliente'])
      expect(details).toContain(`>${label}</`);
    expect(details).toContain('<span class="rl-role-text">líder</span>');
    expect(details).toContain('Máquina de estados');
    const clients = render(panels.clients, 'pt');
    expect(clients).toContain('não conhece o líder');
    expect(clients).toContain('Ocioso.');
    expect(clients).toContain('>Enviar</button>');
    expect(render(panels.message, 'pt')).toContain('>Descartar</button>');
  });

  it('never says "comprometer" for commit', () => {
    for (const lang of ['es', 'pt'] as const)
      for (const ui of Object.values(panels)) expect(render(ui, lang)).not.toMatch(/comprome/i);
  });
});
