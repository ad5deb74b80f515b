import { defineEntry, t } from './build.ts';
import { FROZEN } from './membership-script.ts';

/** SC-32 (C-4, thesis §6.4): a deposed leader in a minority cannot answer a read with old data. */
export const noStaleReads = defineEntry({
  id: 'no-stale-reads',
  title: t(
    'No stale reads (ReadIndex)',
    'Sin lecturas obsoletas (ReadIndex)',
    'Sem leituras obsoletas (ReadIndex)',
  ),
  summary: t(
    'A leader cut off in a minority still believes it leads, and its copy of x is old. With ReadIndex it must hear from a majority before it answers a read, so it never answers; the real leader does, with the new value.',
    'Un líder aislado en una minoría sigue creyendo que lidera, y su copia de x es vieja. Con ReadIndex debe oír a una mayoría antes de responder una lectura, así que nunca responde; el líder de verdad sí, con el valor nuevo.',
    'Um líder isolado numa minoria ainda acredita que lidera, e sua cópia de x é velha. Com ReadIndex ele precisa ouvir uma maioria antes de responder uma leitura, então nunca responde; o líder de verdade responde, com o valor novo.',
  ),
  cites: ['SC-32', 'C-4', 'INV-C2'],
  seed: 32,
  config: { ...FROZEN, servers: 5, reads: 'readIndex', clientTimeoutMs: 400 },
  actions: [{ at: 10, do: 'timeout', server: 1 }],
  steps: [
    {
      do: [{ do: 'request', command: 'set x 1', server: 1, client: 1 }],
      until: { event: 'commit', server: 1, index: 2 },
      caption: t(
        'S1 leads term 1 and commits `set x 1`. Reads are served with **ReadIndex**: a `get` does not go through the log.',
        'S1 lidera el mandato 1 y confirma `set x 1`. Las lecturas se sirven con **ReadIndex**: un `get` no pasa por el registro.',
        'S1 lidera o mandato 1 e confirma `set x 1`. As leituras são servidas com **ReadIndex**: um `get` não passa pelo log.',
      ),
    },
    {
      do: [
        {
          do: 'partition',
          groups: [
            [1, 2],
            [3, 4, 5],
          ],
        },
        { do: 'timeout', server: 3 },
      ],
      until: { event: 'leader', server: 3 },
      caption: t(
        'The network splits {S1, S2} from {S3, S4, S5}. The majority elects S3 for term 2. S1 has heard nothing: it still thinks it leads term 1.',
        'La red separa {S1, S2} de {S3, S4, S5}. La mayoría elige a S3 para el mandato 2. S1 no se ha enterado: sigue creyendo que lidera el mandato 1.',
        'A rede separa {S1, S2} de {S3, S4, S5}. A maioria elege S3 para o mandato 2. S1 não ficou sabendo: ainda acha que lidera o mandato 1.',
      ),
    },
    {
      do: [{ do: 'request', command: 'set x 2', server: 3, client: 2 }],
      until: { event: 'clientReply', server: 3 },
      caption: t(
        'C2 writes `set x 2` through S3; it commits on the majority and C2 gets `ok`. From now on, any read must return 2.',
        'C2 escribe `set x 2` a través de S3; se confirma en la mayoría y C2 recibe `ok`. Desde ahora, cualquier lectura debe devolver 2.',
        'C2 escreve `set x 2` via S3; é confirmado na maioria e C2 recebe `ok`. A partir de agora, qualquer leitura deve devolver 2.',
      ),
    },
    {
      do: [{ do: 'request', command: 'get x', server: 1, client: 3 }],
      until: { afterMs: 300 },
      caption: t(
        'C3 asks S1 for x. S1’s state machine says 1: **stale**. But S1 first sends a round of heartbeats and waits for a majority to answer; only S2 can, 2 of 5. So S1 **holds** the read and never answers. (A leader that read its own state at once, the teaching bug BUG-LOCALREAD, would answer 1, and the linearizability check would flag it: INV-C2.)',
        'C3 pide x a S1. La máquina de estados de S1 dice 1: **obsoleto**. Pero S1 primero envía una ronda de latidos y espera a que responda una mayoría; solo puede S2, 2 de 5. Así que S1 **retiene** la lectura y nunca responde. (Un líder que leyera su propio estado en el acto, el error didáctico BUG-LOCALREAD, respondería 1, y la comprobación de linealizabilidad lo señalaría: INV-C2.)',
        'C3 pede x a S1. A máquina de estados de S1 diz 1: **obsoleto**. Mas S1 primeiro envia uma rodada de heartbeats e espera que uma maioria responda; só S2 pode, 2 de 5. Então S1 **segura** a leitura e nunca responde. (Um líder que lesse o próprio estado na hora, o bug didático BUG-LOCALREAD, responderia 1, e a verificação de linearizabilidade o apontaria: INV-C2.)',
      ),
    },
    {
      do: [{ do: 'request', command: 'get x', server: 3, client: 4 }],
      until: { event: 'clientReply', server: 3 },
      caption: t(
        'C4 asks S3. S3 has committed an entry of its term, a majority answers its heartbeat round, and it has applied up to its commit index: it answers **2**, without a log entry.',
        'C4 pregunta a S3. S3 ha confirmado una entrada de su mandato, una mayoría responde su ronda de latidos y ya aplicó hasta su índice de confirmación: responde **2**, sin entrada en el registro.',
        'C4 pergunta a S3. S3 confirmou uma entrada do seu mandato, uma maioria responde sua rodada de heartbeats e ele já aplicou até seu índice de confirmação: responde **2**, sem entrada no log.',
      ),
    },
    {
      do: [{ do: 'heal' }],
      until: { event: 'clientReply', server: 3 },
      caption: t(
        'The network heals. S1 learns of term 2 and steps down, dropping the read it held. C3 retries at S3 and gets **2** too. Every answer fits one order of the operations in real time: the reads are linearizable.',
        'La red se repara. S1 se entera del mandato 2 y deja de ser líder, descartando la lectura que retenía. C3 reintenta en S3 y también recibe **2**. Cada respuesta encaja en un orden de las operaciones en tiempo real: las lecturas son linealizables.',
        'A rede se recupera. S1 fica sabendo do mandato 2 e deixa de ser líder, descartando a leitura que segurava. C3 tenta de novo em S3 e também recebe **2**. Cada resposta cabe numa ordem das operações em tempo real: as leituras são linearizáveis.',
      ),
    },
  ],
});
