/** State-machine answers shown to a learner (client panel, feed) in en, es and pt. */
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/index.ts';
import { describeEvent, describeResult, formatDue } from '../../src/views/format.ts';
import { bodyFacts, envelopeFacts } from '../../src/views/panels/messageModel.ts';
import { checkCommand } from '../../src/views/panels/command.ts';
import { serverFacts } from '../../src/views/panels/serverModel.ts';
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
