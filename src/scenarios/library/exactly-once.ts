import { defineEntry, t } from './build.ts';

/** SC-29, C-2: a retried command is logged twice but runs once, thanks to client sessions. */
export const exactlyOnce = defineEntry({
  id: 'exactly-once',
  title: t('Exactly once', 'Exactamente una vez', 'Exatamente uma vez'),
  summary: t(
    'The leader applies a client’s `incr x` and crashes before the answer arrives; the client retries at the new leader, and the session table keeps x = 1.',
    'El líder aplica el `incr x` de un cliente y se cae antes de que llegue la respuesta; el cliente reintenta con el nuevo líder y la tabla de sesiones mantiene x = 1.',
    'O líder aplica o `incr x` de um cliente e cai antes que a resposta chegue; o cliente tenta de novo no novo líder, e a tabela de sessões mantém x = 1.',
  ),
  cites: ['SC-29', 'C-2', 'F2-L2', 'F2-L5'],
  seed: 13,
  config: { servers: 3 },
  steps: [
    {
      until: { event: 'leader', server: 1, term: 1 },
      caption: t(
        'Three servers; S1 has just been elected leader of term 1.',
        'Tres servidores; S1 acaba de ser elegido líder del mandato 1.',
        'Três servidores; S1 acabou de ser eleito líder do mandato 1.',
      ),
    },
    {
      do: [{ do: 'request', server: 1, command: 'incr x' }],
      until: { event: 'apply', server: 1, index: 2 },
      caption: t(
        'Client C1 sends `incr x`, tagged (C1, seq 1). S1 commits it on a majority and applies it: x = 1 on S1. Its answer, “1”, is now on the way to C1.',
        'El cliente C1 envía `incr x`, etiquetado (C1, seq 1). S1 lo confirma en una mayoría y lo aplica: x = 1 en S1. Su respuesta, “1”, va ahora hacia C1.',
        'O cliente C1 envia `incr x`, etiquetado (C1, seq 1). S1 o confirma numa maioria e o aplica: x = 1 em S1. Sua resposta, “1”, está agora a caminho de C1.',
      ),
    },
    {
      do: [
        { do: 'dropInFlight', type: 'ClientReply' },
        { do: 'crash', server: 1 },
      ],
      until: { event: 'leader', server: 3, term: 2 },
      caption: t(
        'The answer is lost and S1 crashes: C1 cannot tell whether `incr x` ran. S3 times out and wins term 2; its log holds the committed `incr x` at index 2 (INV-LC).',
        'La respuesta se pierde y S1 se cae: C1 no puede saber si `incr x` se ejecutó. S3 agota su temporizador y gana el mandato 2; su registro tiene el `incr x` confirmado en el índice 2 (INV-LC).',
        'A resposta se perde e S1 cai: C1 não tem como saber se `incr x` foi executado. S3 esgota o temporizador e vence o mandato 2; seu log tem o `incr x` confirmado no índice 2 (INV-LC).',
      ),
    },
    {
      until: { event: 'apply', server: 3, index: 2 },
      caption: t(
        'S3’s no-op (index 3, term 2) reaches a majority and commits, and index 2 with it (F2-L5). S3 applies `incr x`: x = 1, and C1’s session records seq 1 → “1” (C-2).',
        'El no-op de S3 (índice 3, mandato 2) llega a una mayoría y se confirma, y con él el índice 2 (F2-L5). S3 aplica `incr x`: x = 1, y la sesión de C1 anota seq 1 → “1” (C-2).',
        'O no-op de S3 (índice 3, mandato 2) chega a uma maioria e é confirmado, e com ele o índice 2 (F2-L5). S3 aplica `incr x`: x = 1, e a sessão de C1 registra seq 1 → “1” (C-2).',
      ),
    },
    {
      until: { event: 'append', server: 3, index: 4 },
      caption: t(
        'C1 got no answer in time, so it retries the **same** request (C1, seq 1). S2 redirects it to S3, which appends it as a new entry at index 4.',
        'C1 no recibió respuesta a tiempo, así que reintenta la **misma** petición (C1, seq 1). S2 la redirige a S3, que la añade como entrada nueva en el índice 4.',
        'C1 não recebeu resposta a tempo, então tenta de novo o **mesmo** pedido (C1, seq 1). S2 o redireciona para S3, que o acrescenta como entrada nova no índice 4.',
      ),
    },
    {
      until: { event: 'clientReply' },
      caption: t(
        'When index 4 is applied, the state machine sees that C1’s seq 1 already ran and returns the saved answer “1” without running it again. C1 gets exactly one reply (C-2, SC-29).',
        'Al aplicar el índice 4, la máquina de estados ve que la seq 1 de C1 ya se ejecutó y devuelve la respuesta guardada, “1”, sin ejecutarla otra vez. C1 recibe exactamente una respuesta (C-2, SC-29).',
        'Ao aplicar o índice 4, a máquina de estados vê que a seq 1 de C1 já foi executada e devolve a resposta guardada, “1”, sem executá-la de novo. C1 recebe exatamente uma resposta (C-2, SC-29).',
      ),
    },
    {
      until: { afterMs: 200 },
      caption: t(
        'x = 1 on every live server, although `incr x` is in the log twice. Without client sessions it would be 2 (BUG-NOSESSION).',
        'x = 1 en todos los servidores activos, aunque `incr x` está dos veces en el registro. Sin sesiones de cliente valdría 2 (BUG-NOSESSION).',
        'x = 1 em todos os servidores ativos, embora `incr x` esteja duas vezes no log. Sem sessões de cliente valeria 2 (BUG-NOSESSION).',
      ),
    },
  ],
});
