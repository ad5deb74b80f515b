import type { Action } from '../../core/index.ts';
import type { Step } from '../steps.ts';
import { defineEntry, t } from './build.ts';

/** S1 leads term 1, then S5 is cut off while clients keep writing on the majority side. */
const ACTIONS: Action[] = [{ at: 10, do: 'timeout', server: 1 }];

const OPENING: Step[] = [
  {
    until: { event: 'commit', server: 1, index: 1 },
    caption: t(
      'S1 leads term 1 and has committed its no-op. Every server follows it.',
      'S1 lidera el mandato 1 y ya confirmó su no-op. Todos los servidores lo siguen.',
      'S1 lidera o mandato 1 e já confirmou seu no-op. Todos os servidores o seguem.',
    ),
  },
  {
    do: [
      { do: 'partition', groups: [[1, 2, 3, 4], [5]] },
      { do: 'request', server: 1, command: 'set x 1', client: 1 },
      { do: 'request', server: 1, command: 'set y 2', client: 2 },
    ],
    until: { afterMs: 1500 },
    maxMs: 1500,
    caption: t(
      'S5 is cut off. The other four keep committing writes it never sees. S5 hears no heartbeat, so its election timer fires again and again.',
      'S5 queda aislado. Los otros cuatro siguen confirmando escrituras que S5 no ve. S5 no oye latidos, así que su temporizador de elección se agota una y otra vez.',
      'S5 fica isolado. Os outros quatro continuam confirmando escritas que S5 não vê. S5 não ouve heartbeats, então seu temporizador de eleição se esgota de novo e de novo.',
    ),
  },
];

/** Without PreVote (the paper's basic algorithm): the rejoining server's term deposes the leader. */
export const disruptiveServer = defineEntry({
  id: 'disruptive-server',
  title: t(
    'A server back from a partition disrupts the leader',
    'Un servidor que vuelve de una partición perturba al líder',
    'Um servidor que volta de uma partição perturba o líder',
  ),
  summary: t(
    'Without PreVote, an isolated server raises its term at every timeout; when it returns, its high term forces a healthy leader to step down and an election nobody needed.',
    'Sin PreVote, un servidor aislado sube su mandato en cada expiración; al volver, su mandato alto obliga a un líder sano a dimitir y provoca una elección innecesaria.',
    'Sem PreVote, um servidor isolado aumenta seu mandato a cada expiração; ao voltar, seu mandato alto força um líder saudável a renunciar e provoca uma eleição desnecessária.',
  ),
  cites: ['SC-22', 'F2-A2', 'F2-RV2', 'X-PV'],
  seed: 7,
  actions: ACTIONS,
  steps: [
    ...OPENING,
    {
      do: [{ do: 'heal' }],
      until: { event: 'stepDown', server: 1 },
      caption: t(
        'The network heals. Each timeout raised S5’s term; its RequestVote now carries that high term, and S1 must adopt it and step down (F2-A2), although nothing was wrong.',
        'La red se recupera. Cada expiración subió el mandato de S5; su RequestVote lleva ahora ese mandato alto, y S1 debe adoptarlo y dimitir (F2-A2), aunque nada iba mal.',
        'A rede se recupera. Cada expiração aumentou o mandato de S5; seu RequestVote agora leva esse mandato alto, e S1 precisa adotá-lo e renunciar (F2-A2), embora nada estivesse errado.',
      ),
    },
    {
      until: { event: 'leader' },
      caption: t(
        'S5 cannot win: its log misses the writes, so nobody votes for it (F2-RV2). Another server wins the new, higher term. The cluster paid an election for nothing; PreVote avoids it.',
        'S5 no puede ganar: a su registro le faltan las escrituras, así que nadie vota por él (F2-RV2). Otro servidor gana el nuevo mandato, más alto. El clúster pagó una elección inútil; PreVote la evita.',
        'S5 não pode vencer: faltam as escritas em seu log, então ninguém vota nele (F2-RV2). Outro servidor vence o novo mandato, mais alto. O cluster pagou uma eleição inútil; o PreVote a evita.',
      ),
    },
  ],
});

/** With PreVote (thesis §9.6): the same story, and the leader keeps its term. */
export const preVote = defineEntry({
  id: 'prevote',
  title: t(
    'PreVote keeps a returning server from disrupting',
    'PreVote impide que un servidor que vuelve perturbe',
    'O PreVote impede que um servidor que volta perturbe',
  ),
  summary: t(
    'The same partition with PreVote on: the isolated server asks before raising its term, gets no answer, and rejoins as a follower without disturbing the leader.',
    'La misma partición con PreVote: el servidor aislado pregunta antes de subir su mandato, no recibe respuesta, y vuelve como seguidor sin molestar al líder.',
    'A mesma partição com PreVote: o servidor isolado pergunta antes de aumentar seu mandato, não recebe resposta e volta como seguidor sem incomodar o líder.',
  ),
  cites: ['SC-23', 'X-PV', 'F2-RV2'],
  seed: 7,
  config: { preVote: true },
  actions: ACTIONS,
  steps: [
    ...OPENING,
    {
      until: { afterMs: 10 },
      caption: t(
        'With PreVote, each timeout makes S5 a *pre-candidate*: it asks “would you vote for me in term 2?” without changing its term. Nobody can answer, so S5 is still in term 1.',
        'Con PreVote, cada expiración hace de S5 un *precandidato*: pregunta «¿votarías por mí en el mandato 2?» sin cambiar su mandato. Nadie puede responder, así que S5 sigue en el mandato 1.',
        'Com PreVote, cada expiração torna S5 um *pré-candidato*: ele pergunta “você votaria em mim no mandato 2?” sem mudar seu mandato. Ninguém pode responder, então S5 continua no mandato 1.',
      ),
    },
    {
      do: [{ do: 'heal' }],
      until: { afterMs: 600 },
      caption: t(
        'The network heals. The others refuse S5’s pre-votes: they hear S1’s heartbeats and S5’s log is behind. S1’s next heartbeat reaches S5, which follows and catches up. S1 is still leader of term 1.',
        'La red se recupera. Los demás rechazan los prevotos de S5: oyen los latidos de S1 y el registro de S5 está atrasado. El siguiente latido de S1 llega a S5, que lo sigue y se pone al día. S1 sigue siendo líder del mandato 1.',
        'A rede se recupera. Os outros recusam os pré-votos de S5: ouvem os heartbeats de S1 e o log de S5 está atrasado. O próximo heartbeat de S1 chega a S5, que o segue e se atualiza. S1 continua líder do mandato 1.',
      ),
    },
  ],
});
