import { defineEntry, t } from './build.ts';

/** SC-18, SC-19, SC-30: two leaders in different terms; the minority's write is lost, its retry is not. */
export const partition = defineEntry({
  id: 'partition',
  title: t('Network partition', 'Partición de red', 'Partição de rede'),
  summary: t(
    'A partition leaves the old leader in the minority: its write never commits and is overwritten after healing, while the client’s retry is applied exactly once.',
    'Una partición deja al antiguo líder en minoría: su escritura nunca se confirma y se sobrescribe al sanar la red, mientras que el reintento del cliente se aplica exactamente una vez.',
    'Uma partição deixa o antigo líder na minoria: sua escrita nunca é confirmada e é sobrescrita quando a rede se recupera, enquanto a nova tentativa do cliente é aplicada exatamente uma vez.',
  ),
  cites: ['SC-18', 'SC-19', 'SC-30', 'F2-A2', 'F2-AE4', 'INV-ES'],
  seed: 45,
  steps: [
    {
      until: { event: 'leader', server: 1, term: 1 },
      caption: t(
        'Five connected servers; S1 has just been elected leader of term 1.',
        'Cinco servidores conectados; S1 acaba de ser elegido líder del mandato 1.',
        'Cinco servidores conectados; S1 acabou de ser eleito líder do mandato 1.',
      ),
    },
    {
      do: [{ do: 'request', server: 1, client: 1, command: 'set a 1' }],
      until: { event: 'clientReply' },
      caption: t(
        'Client C1 writes `a = 1`; S1 commits it on a majority and answers.',
        'El cliente C1 escribe `a = 1`; S1 lo confirma en una mayoría y responde.',
        'O cliente C1 escreve `a = 1`; S1 a confirma numa maioria e responde.',
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
        { do: 'request', server: 1, client: 2, command: 'incr x' },
      ],
      until: { event: 'replicate', server: 2 },
      caption: t(
        'The network splits into {S1, S2} and {S3, S4, S5}. Client C2 sends `incr x` to S1, which still believes it leads (a leader never times out, F2-L8). Only S2 gets the entry: 2 of 5 is no majority, so it cannot commit (SC-18).',
        'La red se divide en {S1, S2} y {S3, S4, S5}. El cliente C2 envía `incr x` a S1, que sigue creyéndose líder (un líder nunca agota su temporizador, F2-L8). Solo S2 recibe la entrada: 2 de 5 no es mayoría, así que no puede confirmarse (SC-18).',
        'A rede se divide em {S1, S2} e {S3, S4, S5}. O cliente C2 envia `incr x` a S1, que ainda se acha líder (um líder nunca esgota o temporizador, F2-L8). Só S2 recebe a entrada: 2 de 5 não é maioria, então ela não pode ser confirmada (SC-18).',
      ),
    },
    {
      until: { event: 'leader', server: 5, term: 2 },
      caption: t(
        'The majority side hears no heartbeats: S5 times out and wins term 2 with S3 and S4. Now there are two leaders, **S1 of term 1** and **S5 of term 2** — allowed, because Election Safety means one leader *per term* (INV-ES).',
        'El lado mayoritario no oye latidos: S5 agota su temporizador y gana el mandato 2 con S3 y S4. Ahora hay dos líderes, **S1 del mandato 1** y **S5 del mandato 2**; está permitido, porque la seguridad de elección significa un líder *por mandato* (INV-ES).',
        'O lado majoritário não ouve heartbeats: S5 esgota o temporizador e vence o mandato 2 com S3 e S4. Agora há dois líderes, **S1 do mandato 1** e **S5 do mandato 2**; é permitido, porque a segurança de eleição significa um líder *por mandato* (INV-ES).',
      ),
    },
    {
      do: [{ do: 'request', server: 5, client: 3, command: 'set y 2' }],
      until: { event: 'clientReply' },
      caption: t(
        'Client C3 writes `y = 2` at S5: committed on S3, S4 and S5, and answered. Only the majority side can make progress.',
        'El cliente C3 escribe `y = 2` en S5: confirmada en S3, S4 y S5, y respondida. Solo el lado mayoritario puede avanzar.',
        'O cliente C3 escreve `y = 2` em S5: confirmada em S3, S4 e S5, e respondida. Só o lado majoritário consegue avançar.',
      ),
    },
    {
      until: { event: 'clientReply' },
      caption: t(
        'C2 never heard back from S1. After its timeout it retries the same request (C2, seq 1): S2 points it back to S1, which it no longer trusts; S3 points it to S5, which commits it. x = 1, and C2 gets its answer.',
        'C2 nunca recibió respuesta de S1. Tras su tiempo de espera reintenta la misma petición (C2, seq 1): S2 lo remite a S1, en quien ya no confía; S3 lo remite a S5, que la confirma. x = 1 y C2 recibe su respuesta.',
        'C2 nunca recebeu resposta de S1. Depois do tempo de espera, tenta de novo o mesmo pedido (C2, seq 1): S2 o manda para S1, em quem já não confia; S3 o manda para S5, que o confirma. x = 1 e C2 recebe a resposta.',
      ),
    },
    {
      do: [{ do: 'heal' }],
      until: { event: 'truncate', server: 1 },
      caption: t(
        'The partition heals. S1 receives S5’s AppendEntries of term 2 and steps down (F2-A2). Its index 3 (`incr x`, term 1) conflicts with S5’s entry there, so S1 deletes it and takes S5’s entries (F2-AE4, SC-19).',
        'La partición se cierra. S1 recibe el AppendEntries del mandato 2 de S5 y deja de ser líder (F2-A2). Su índice 3 (`incr x`, mandato 1) entra en conflicto con la entrada de S5, así que S1 lo borra y toma las entradas de S5 (F2-AE4, SC-19).',
        'A partição se desfaz. S1 recebe o AppendEntries do mandato 2 de S5 e deixa de ser líder (F2-A2). Seu índice 3 (`incr x`, mandato 1) conflita com a entrada de S5, então S1 o apaga e fica com as entradas de S5 (F2-AE4, SC-19).',
      ),
    },
    {
      until: { afterMs: 300 },
      caption: t(
        'All five logs are identical. The first `incr x` was never committed, so erasing it was safe; its retry was applied exactly once: x = 1 everywhere (SC-30).',
        'Los cinco registros son idénticos. El primer `incr x` nunca se confirmó, así que borrarlo era seguro; su reintento se aplicó exactamente una vez: x = 1 en todas partes (SC-30).',
        'Os cinco logs são idênticos. O primeiro `incr x` nunca foi confirmado, então apagá-lo era seguro; a nova tentativa foi aplicada exatamente uma vez: x = 1 em todo lugar (SC-30).',
      ),
    },
  ],
});
