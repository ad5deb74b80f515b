import { defineEntry, t } from './build.ts';
import { FROZEN } from './membership-script.ts';

/** SC-45 and SC-46 (X-LT, thesis §3.10): etcd's `move-leader`, to a follower that lags behind. */
export const moveLeader = defineEntry({
  id: 'move-leader',
  title: t(
    'Moving the leader (leadership transfer)',
    'Mover al líder (transferencia de liderazgo)',
    'Mover o líder (transferência de liderança)',
  ),
  summary: t(
    'The leader hands its office to a follower that has fallen behind: it stops taking requests, brings the follower up to date, then tells it to start an election at once. What operators do before taking a machine down for maintenance.',
    'El líder cede su puesto a un seguidor que se ha quedado atrás: deja de aceptar peticiones, pone al día al seguidor y luego le pide que empiece una elección ya. Es lo que hacen los operadores antes de parar una máquina por mantenimiento.',
    'O líder passa o cargo a um seguidor que ficou para trás: para de aceitar pedidos, atualiza o seguidor e então pede que ele comece uma eleição na hora. É o que os operadores fazem antes de desligar uma máquina para manutenção.',
  ),
  cites: ['SC-45', 'SC-46', 'X-LT', 'M-7'],
  seed: 45,
  config: { ...FROZEN, servers: 5, clientTimeoutMs: 1_000 },
  actions: [{ at: 10, do: 'timeout', server: 1 }],
  steps: [
    {
      until: { event: 'commit', server: 1, index: 1 },
      caption: t(
        'S1 leads term 1. Election timers are frozen in this story: every election is one you see asked for.',
        'S1 lidera el mandato 1. En esta historia los temporizadores de elección están congelados: cada elección es una que se ve pedir.',
        'S1 lidera o mandato 1. Nesta história os temporizadores de eleição estão congelados: toda eleição é uma que se vê pedir.',
      ),
    },
    {
      do: [
        { do: 'cut', link: [1, 3] },
        { do: 'request', command: 'set a 1', client: 1 },
        { do: 'request', command: 'set b 2', client: 2 },
        { do: 'request', command: 'set c 3', client: 3 },
      ],
      until: { event: 'commit', server: 1, index: 4 },
      caption: t(
        'While S3 is cut off from S1, three writes commit on the others. S3 falls **behind**: it lacks entries 2–4.',
        'Mientras S3 está aislado de S1, tres escrituras se confirman en los demás. S3 se queda **atrás**: le faltan las entradas 2–4.',
        'Enquanto S3 está isolado de S1, três escritas são confirmadas nos outros. S3 fica **para trás**: faltam-lhe as entradas 2–4.',
      ),
    },
    {
      do: [
        { do: 'connect', link: [1, 3] },
        { do: 'transfer', server: 3 },
        { do: 'request', command: 'set d 4', server: 1, client: 4 },
      ],
      until: { event: 'transfer', server: 1 },
      caption: t(
        'An operator asks S1 to hand leadership to S3 (`etcdctl move-leader`). From now on S1 takes **no new requests**: C4’s `set d 4` is sent on to S3. First S1 sends S3 the entries it lacks.',
        'Un operador pide a S1 que ceda el liderazgo a S3 (`etcdctl move-leader`). Desde ahora S1 **no acepta peticiones nuevas**: el `set d 4` de C4 se envía a S3. Primero S1 manda a S3 las entradas que le faltan.',
        'Um operador pede a S1 que passe a liderança para S3 (`etcdctl move-leader`). A partir de agora S1 **não aceita pedidos novos**: o `set d 4` de C4 é enviado a S3. Primeiro S1 manda a S3 as entradas que lhe faltam.',
      ),
    },
    {
      until: { event: 'election', server: 3 },
      caption: t(
        'S3 now holds S1’s whole log, so S1 sends it **TimeoutNow**: “start an election now”. S3 does not wait for its timer: it campaigns for term 2 at once.',
        'S3 ya tiene todo el registro de S1, así que S1 le envía **TimeoutNow**: «empieza una elección ya». S3 no espera a su temporizador: se presenta al mandato 2 en el acto.',
        'S3 agora tem todo o log de S1, então S1 lhe envia **TimeoutNow**: “comece uma eleição agora”. S3 não espera o temporizador: candidata-se ao mandato 2 na hora.',
      ),
    },
    {
      until: { event: 'leader', server: 3 },
      caption: t(
        'Everyone votes for S3: its log is as up to date as any. Its RequestVotes say they come from a transfer, so even a server that just heard its leader grants them (the disruption guard lets them through). S1 sees term 2 and steps down.',
        'Todos votan por S3: su registro está tan al día como cualquiera. Sus RequestVote dicen que vienen de una transferencia, así que hasta un servidor que acaba de oír a su líder los concede (la protección contra perturbaciones los deja pasar). S1 ve el mandato 2 y deja de ser líder.',
        'Todos votam em S3: seu log está tão em dia quanto qualquer outro. Seus RequestVote dizem que vêm de uma transferência, então até um servidor que acabou de ouvir seu líder os concede (a proteção contra perturbações os deixa passar). S1 vê o mandato 2 e deixa de ser líder.',
      ),
    },
    {
      until: { event: 'clientReply', server: 3 },
      caption: t(
        'C4’s write, turned away by S1 during the move, is answered by the new leader. No committed entry was lost, and no write was taken by a leader about to leave.',
        'La escritura de C4, rechazada por S1 durante el cambio, la responde el nuevo líder. No se perdió ninguna entrada confirmada, y ninguna escritura la aceptó un líder a punto de irse.',
        'A escrita de C4, recusada por S1 durante a mudança, é respondida pelo novo líder. Nenhuma entrada confirmada se perdeu, e nenhuma escrita foi aceita por um líder prestes a sair.',
      ),
    },
  ],
});
