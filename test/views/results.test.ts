/** State-machine answers shown to a learner (client panel, feed) in en, es and pt. */
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/index.ts';
import { describeEvent, describeResult, formatDue } from '../../src/views/format.ts';
import { bodyFacts, envelopeFacts } from '../../src/views/panels/messageModel.ts';
import { checkCommand } from '../../src/views/panels/command.ts';
import { serverActions, serverFacts } from '../../src/views/panels/serverModel.ts';
import { cellTooltip } from '../../src/views/panels/logGeometry.ts';
import { CONFIG, message, server } from './fixtures.ts';

describe('describeResult', () => {
  it('glosses ok, (nil), a failed cas and errors in each language, the raw answer kept', () => {
    expect(describeResult('ok', 'en')).toBe('ok');
    expect(describeResult('ok', 'es')).toBe('ok (hecho)');
    expect(describeResult('ok', 'pt')).toBe('ok (feito)');
    expect(describeResult('(nil)', 'en')).toBe('(nil): no such key');
    expect(describeResult('(nil)', 'es')).toBe('(nil): la clave no existe');
    expect(describeResult('(nil)', 'pt')).toBe('(nil): a chave não existe');
    expect(describeResult('fail: x=3', 'es')).toBe(
      'fail: x=3: no era el valor esperado, así que nada cambió',
    );
    expect(describeResult('error: bad command', 'pt')).toMatch(/^error: bad command \(não é/);
    expect(describeResult('error: stale request', 'en')).toMatch(/ignored\)$/);
  });

  it('shows a value as it is, even one that looks like a result word', () => {
    for (const lang of ['en', 'es', 'pt'] as const) {
      expect(describeResult('42', lang)).toBe('42');
      expect(describeResult('okay', lang)).toBe('okay');
      expect(describeResult('fail', lang)).toBe('fail');
    }
  });

  it('is what the feed says when a client gets an answer', () => {
    const reply = {
      type: 'clientReply',
      time: 9,
      server: 2,
      client: 1,
      seq: 3,
      result: '(nil)',
    } as const;
    expect(describeEvent(reply, {}, 'pt')).toBe(
      'S2 respondeu à requisição #3 de C1: (nil): a chave não existe',
    );
  });
});

describe('formatDue', () => {
  it('says how far ahead a deadline is in each language', () => {
    expect(formatDue(1240, 1000)).toBe('in 240 ms');
    expect(formatDue(1240, 1000, translator('es'))).toBe('en 240 ms');
    expect(formatDue(1240, 1000, translator('pt'))).toBe('em 240 ms');
    expect(formatDue(900, 1000, translator('es'))).toBe('ahora');
    expect(formatDue(1000, 1000, translator('pt'))).toBe('agora');
  });
});

describe('the message inspector', () => {
  const vote = {
    type: 'RequestVote',
    term: 4,
    candidateId: 2,
    lastLogIndex: 3,
    lastLogTerm: 2,
    preVote: true,
    transfer: false,
  } as const;

  it('explains each field in the chosen language, field names as Figure 2 writes them', () => {
    const es = bodyFacts(vote, translator('es'));
    expect(es.map((f) => f.label)).toEqual([
      'term',
      'candidateId',
      'lastLogIndex',
      'lastLogTerm',
      'preVote',
    ]);
    expect(es[0]?.rule).toBe('Mandato del candidato (F2-A2)');
    expect(es[4]).toEqual({
      label: 'preVote',
      value: 'sí',
      rule: 'Pregunta «¿votarías por mí?» (X-PV)',
    });
    expect(bodyFacts(vote)[0]?.rule).toBe('Candidate’s term (F2-A2)');
  });

  it('labels the envelope in the chosen language', () => {
    const m = message(vote, { lost: true, duplicateOf: 3 });
    const pt = envelopeFacts(m, 1010, translator('pt'));
    expect(pt.map((f) => f.label)).toEqual([
      'Rota',
      'Enviada',
      'Chega',
      'Progresso',
      'Destino',
      'Duplicata de',
    ]);
    expect(pt[2]?.rule).toBe('Latência 20 ms');
    expect(pt[4]?.value).toBe('será perdida');
  });
});

describe('command errors', () => {
  it('say how to fix the command in the chosen language', () => {
    expect(checkCommand('', translator('es'))).toEqual({
      ok: false,
      error: 'Escribe un comando, por ejemplo set x 1',
    });
    expect(checkCommand('put x 1', translator('pt'))).toEqual({
      ok: false,
      error: 'Operação desconhecida “put”: use set, get, del, incr ou cas',
    });
    expect(checkCommand('get', translator('es'))).toEqual({
      ok: false,
      error: 'get lleva 1 palabra: get K',
    });
    expect(checkCommand('set x', translator('en'))).toEqual({
      ok: false,
      error: 'set takes 2 words: set K V',
    });
  });
});

describe('the server inspector', () => {
  it('explains each fact in the chosen language, rule IDs kept', () => {
    const es = serverFacts(server(1, { electionTimeoutMs: 210 }), 1000, CONFIG, translator('es'));
    expect(es[0]?.rule).toBe('F2-S1: persistente, solo crece');
    expect(es.find((f) => f.label === 'lastApplied')?.rule).toBe(
      'F2-S6: índice más alto aplicado a la máquina de estados',
    );
    const pt = serverFacts(server(1, { electionTimeoutMs: 210 }), 1000, CONFIG, translator('pt'));
    expect(pt.some((f) => /^F2-F2, F2-T1: 210 ms sorteados entre \d+ e \d+ ms/.test(f.rule))).toBe(
      true,
    );
  });
});

describe('log cell tooltips and server actions', () => {
  const cell = {
    index: 3,
    entry: { term: 2, command: 'set x 1', client: { client: 1, seq: 4 } },
    committed: false,
    applied: false,
    isCommitIndex: true,
    isNext: true,
    matched: false,
    isMatchIndex: false,
    diverges: true,
    highlighted: false,
  } as const;

  it('reads a cell in the chosen language', () => {
    expect(cellTooltip(2, cell as never, translator('es')).split('\n')).toEqual([
      'S2 · entrada 3 · mandato 2',
      'comando: set x 1',
      'de C1, petición #4',
      'sin confirmar: un líder posterior puede sobrescribirla (F2-AE4)',
      'commitIndex de S2 (F2-S5)',
      'no está en el registro del líder: el líder la sobrescribirá (F2-AE4)',
      'nextIndex del líder para S2: el siguiente AppendEntries empieza aquí (F2-L3)',
    ]);
    expect(cellTooltip(2, cell as never).split('\n')[0]).toBe('S2 · entry 3 · term 2');
  });

  it('says why each server action is on or off in the chosen language', () => {
    const pt = serverActions(server(3, { crashed: true }), translator('pt'));
    expect(pt.map((a) => a.why)).toEqual([
      'S3 já está parado',
      'Trazer S3 de volta como seguidor (F2-S5)',
      'S3 está parado',
      'S3 está parado; o pedido se perderia',
    ]);
  });
});
