import { defineEntry, t } from './build.ts';

/** SC-13: a client write, AppendEntries, commit on a majority, apply, reply. */
export const replication = defineEntry({
  id: 'replication',
  title: t('Log replication', 'Replicación del registro', 'Replicação do log'),
  summary: t(
    'A client’s command travels from the leader’s log to every follower; it commits once a majority stores it, and the client is answered after it is applied.',
    'El comando de un cliente viaja del registro del líder a cada seguidor; se confirma cuando una mayoría lo guarda, y el cliente recibe respuesta tras aplicarlo.',
    'O comando de um cliente viaja do log do líder a cada seguidor; é confirmado quando uma maioria o guarda, e o cliente recebe a resposta depois de aplicado.',
  ),
  cites: ['SC-13', 'F2-L2', 'F2-L3', 'F2-L5', 'F2-AE6', 'F2-A1'],
  seed: 15,
  steps: [
    {
      until: { event: 'commit', server: 5, index: 1 },
      caption: t(
        'S5 is the leader of term 1. Its first entry, a no-op (F2-L7), is stored on every server and committed: the cluster is ready for clients.',
        'S5 es el líder del mandato 1. Su primera entrada, un no-op (F2-L7), está en todos los servidores y confirmada: el clúster está listo para los clientes.',
        'S5 é o líder do mandato 1. Sua primeira entrada, um no-op (F2-L7), está em todos os servidores e confirmada: o cluster está pronto para os clientes.',
      ),
    },
    {
      do: [{ do: 'request', server: 5, command: 'set x 1' }],
      until: { event: 'append', server: 5, index: 2 },
      caption: t(
        'A client sends `set x 1` to the leader. S5 appends it to its own log at index 2, term 1, and sends AppendEntries with prevLogIndex 1, prevLogTerm 1 to every follower (F2-L2, F2-L3).',
        'Un cliente envía `set x 1` al líder. S5 lo añade a su propio registro en el índice 2, mandato 1, y envía AppendEntries con prevLogIndex 1 y prevLogTerm 1 a cada seguidor (F2-L2, F2-L3).',
        'Um cliente envia `set x 1` ao líder. S5 o acrescenta ao próprio log no índice 2, mandato 1, e envia AppendEntries com prevLogIndex 1 e prevLogTerm 1 a cada seguidor (F2-L2, F2-L3).',
      ),
    },
    {
      until: { event: 'replicate', server: 4 },
      caption: t(
        'S4 checks that its log holds index 1 with term 1 — it does — so it appends `set x 1` and answers success (F2-AE3, F2-AE5). The entry is stored, but not committed yet.',
        'S4 comprueba que su registro tiene el índice 1 con mandato 1 —lo tiene—, así que añade `set x 1` y responde éxito (F2-AE3, F2-AE5). La entrada está guardada, pero aún no confirmada.',
        'S4 verifica que seu log tem o índice 1 com mandato 1 — tem —, então acrescenta `set x 1` e responde sucesso (F2-AE3, F2-AE5). A entrada está guardada, mas ainda não confirmada.',
      ),
    },
    {
      until: { event: 'commit', server: 5, index: 2 },
      caption: t(
        'Enough followers answered: index 2 is on a majority and belongs to the current term, so S5 **commits** it (F2-L5) and applies it to its state machine: x = 1 (F2-A1).',
        'Respondieron suficientes seguidores: el índice 2 está en una mayoría y es del mandato actual, así que S5 lo **confirma** (F2-L5) y lo aplica a su máquina de estados: x = 1 (F2-A1).',
        'Seguidores suficientes responderam: o índice 2 está numa maioria e é do mandato atual, então S5 o **confirma** (F2-L5) e o aplica à sua máquina de estados: x = 1 (F2-A1).',
      ),
    },
    {
      until: { event: 'clientReply' },
      caption: t(
        'Only now does the client get its answer. A leader replies after the entry is applied, so an acknowledged write survives any later change of leader (F2-L2).',
        'Solo ahora recibe el cliente su respuesta. El líder responde después de aplicar la entrada, así que una escritura ya respondida sobrevive a cualquier cambio de líder posterior (F2-L2).',
        'Só agora o cliente recebe a resposta. O líder responde depois de aplicar a entrada, então uma escrita já respondida sobrevive a qualquer troca de líder posterior (F2-L2).',
      ),
    },
    {
      until: { event: 'apply', server: 1, index: 2 },
      caption: t(
        'Followers learn the new commit index from the leader’s next AppendEntries (leaderCommit 2) and apply the entry in log order: x = 1 on S1 (F2-AE6, F2-A1).',
        'Los seguidores conocen el nuevo índice de confirmación por el siguiente AppendEntries del líder (leaderCommit 2) y aplican la entrada en orden: x = 1 en S1 (F2-AE6, F2-A1).',
        'Os seguidores ficam sabendo do novo índice de confirmação pelo próximo AppendEntries do líder (leaderCommit 2) e aplicam a entrada em ordem: x = 1 em S1 (F2-AE6, F2-A1).',
      ),
    },
    {
      until: { afterMs: 100 },
      caption: t(
        'Every state machine now holds x = 1: the same entries, applied in the same order, give the same state on every server (SC-13).',
        'Todas las máquinas de estados tienen ahora x = 1: las mismas entradas, aplicadas en el mismo orden, dan el mismo estado en cada servidor (SC-13).',
        'Todas as máquinas de estados têm agora x = 1: as mesmas entradas, aplicadas na mesma ordem, dão o mesmo estado em cada servidor (SC-13).',
      ),
    },
  ],
});
