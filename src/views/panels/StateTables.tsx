import { useLabT } from '../../services/presenter/context.tsx';
import { getOwn } from '../../core/records.ts';
import type { ClientSession } from '../../core/types.ts';
import { clientName } from '../names.ts';
import { ScrollBox } from './ScrollBox.tsx';

/**
 * The key-value state machine of one server, sorted by key so it reads like a table. Keys are user
 * text (`__proto__`, `constructor` are keys like any other): values are read as own properties.
 */
export function KvTable({ kv }: { kv: Readonly<Record<string, string>> }) {
  const t = useLabT();
  // Natural order (k2 before k10); a fixed locale keeps it the same on every machine.
  const keys = Object.keys(kv).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  if (keys.length === 0) return <p className="rl-muted">{t('kv.empty')}</p>;
  return (
    <ScrollBox className="rl-table-scroll" label={t('a11y.kvTable')}>
      <table className="rl-table rl-kv">
        <thead>
          <tr>
            <th scope="col">{t('kv.key')}</th>
            <th scope="col">{t('kv.value')}</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((k) => (
            <tr key={k}>
              <th scope="row">{k}</th>
              <td>{getOwn(kv, k)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

/** The client session table: the latest request of each client and its answer (C-2). */
export function SessionTable({ sessions }: { sessions: Readonly<Record<string, ClientSession>> }) {
  const t = useLabT();
  const ids = Object.keys(sessions).sort((a, b) => Number(a) - Number(b));
  if (ids.length === 0) return <p className="rl-muted">{t('sessions.empty')}</p>;
  return (
    <ScrollBox className="rl-table-scroll" label={t('a11y.sessionsTable')}>
      <table className="rl-table rl-sessions">
        <thead>
          <tr>
            <th scope="col">{t('table.client')}</th>
            <th scope="col" title={t('tip.lastSeq')}>
              {t('sessions.lastSeq')}
            </th>
            <th scope="col">{t('table.answer')}</th>
          </tr>
        </thead>
        <tbody>
          {ids.map((id) => {
            const session = getOwn(sessions, id);
            return (
              <tr key={id}>
                <th scope="row">{clientName(Number(id))}</th>
                <td className="rl-num">{session?.seq}</td>
                <td>{session?.response}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollBox>
  );
}
