import { defineEntry, t } from './build.ts';
import { ADMIN } from './membership-script.ts';

/**
 * SC-37 and SC-38: the leader removes itself and, once C_new commits, stays quiet (M-6); a follower
 * removed without hearing of it cannot disrupt the rest (M-7).
 */
export const removeLeader = defineEntry({
  id: 'remove-leader',
  title: t(
    'Removing the leader, and why it cannot disrupt afterwards',
    'Quitar al líder, y por qué después no puede molestar',
    'Remover o líder, e por que depois ele não consegue atrapalhar',
  ),
  summary: t(
    'The leader is asked to remove itself: it keeps leading until the change commits, without counting itself, then steps down and stays quiet. Then a follower is removed without ever hearing of it: it keeps timing out, but the others ignore its vote requests while they hear their leader.',
    'Se pide al líder que se quite a sí mismo: sigue liderando hasta que el cambio se confirma, sin contarse, y luego dimite y se queda callado. Después se quita a un seguidor que nunca se entera: sigue agotando su tiempo, pero los demás ignoran sus peticiones de voto mientras oyen a su líder.',
    'Pede-se ao líder que remova a si mesmo: ele continua liderando até a mudança ser confirmada, sem contar a si próprio, e então renuncia e fica quieto. Depois um seguidor é removido sem nunca saber disso: continua esgotando o tempo, mas os outros ignoram seus pedidos de voto enquanto ouvem o líder.',
  ),
  cites: ['SC-37', 'SC-38', 'M-6', 'M-7', 'X-PV'],
  seed: 37,
  config: { servers: 4, disruptionGuard: true },
  actions: [{ at: 10, do: 'timeout', server: 1 }],
  steps: [
    {
      until: { event: 'commit', server: 1, index: 1 },
      caption: t(
        'Four servers, {S1, S2, S3, S4}, with real timers. S1 leads term 1 and commits its no-op. The **disruption guard** is on: a server that heard a leader less than a minimum election timeout ago ignores vote requests (M-7).',
        'Cuatro servidores, {S1, S2, S3, S4}, con temporizadores reales. S1 lidera el mandato 1 y confirma su no-op. La **protección contra perturbaciones** está activada: un servidor que oyó a un líder hace menos de un tiempo mínimo de elección ignora las peticiones de voto (M-7).',
        'Quatro servidores, {S1, S2, S3, S4}, com temporizadores reais. S1 lidera o mandato 1 e confirma seu no-op. A **proteção contra perturbações** está ligada: um servidor que ouviu um líder há menos de um tempo mínimo de eleição ignora pedidos de voto (M-7).',
      ),
    },
    {
      do: [
        { do: 'linkLatency', link: [1, 3], latencyMs: [60, 60] },
        { do: 'linkLatency', link: [1, 4], latencyMs: [60, 60] },
        { do: 'removeServer', server: 1, via: 1, client: ADMIN },
      ],
      until: { event: 'append', server: 1, index: 2 },
      caption: t(
        'An admin asks S1 to remove **itself**. S1 appends C_new = {S2, S3, S4} and uses it at once (M-1): it goes on leading and replicating, but it no longer counts its own copy (M-6). Its links to S3 and S4 are slow for now (60 ms).',
        'Un administrador pide a S1 que se quite **a sí mismo**. S1 añade C_new = {S2, S3, S4} y la usa de inmediato (M-1): sigue liderando y replicando, pero ya no cuenta su propia copia (M-6). Sus enlaces con S3 y S4 van lentos por ahora (60 ms).',
        'Um administrador pede a S1 que remova **a si mesmo**. S1 acrescenta C_new = {S2, S3, S4} e passa a usá-la na hora (M-1): continua liderando e replicando, mas não conta mais a própria cópia (M-6). Suas ligações com S3 e S4 estão lentas por enquanto (60 ms).',
      ),
    },
    {
      until: { afterMs: 90 },
      caption: t(
        'S2 has stored C_new and answered. S1 and S2 hold it, but S1 is not in C_new: of {S2, S3, S4} only one has it, so **nothing commits**. A leader that counted itself here would be counting a server the new configuration does not have.',
        'S2 ya guardó C_new y respondió. S1 y S2 la tienen, pero S1 no está en C_new: de {S2, S3, S4} solo uno la tiene, así que **nada se confirma**. Un líder que se contara aquí estaría contando un servidor que la nueva configuración no tiene.',
        'S2 já guardou C_new e respondeu. S1 e S2 a têm, mas S1 não está em C_new: de {S2, S3, S4} só um a tem, então **nada é confirmado**. Um líder que contasse a si mesmo aqui estaria contando um servidor que a nova configuração não tem.',
      ),
    },
    {
      until: { event: 'commit', server: 1, index: 2 },
      caption: t(
        'The slow copies arrive and S3 answers: 2 of {S2, S3, S4} hold C_new, so it **commits**. Its job done, S1 **steps down** at once: it is no longer a member, so it no longer sends heartbeats.',
        'Llegan las copias lentas y S3 responde: 2 de {S2, S3, S4} tienen C_new, así que se **confirma**. Cumplida su tarea, S1 **dimite** en el acto: ya no es miembro, así que deja de enviar latidos.',
        'Chegam as cópias lentas e S3 responde: 2 de {S2, S3, S4} têm C_new, então ela é **confirmada**. Missão cumprida, S1 **renuncia** na hora: não é mais membro, então para de enviar heartbeats.',
      ),
    },
    {
      do: [
        { do: 'linkLatency', link: [1, 3], latencyMs: null },
        { do: 'linkLatency', link: [1, 4], latencyMs: null },
      ],
      until: { event: 'commit', server: 3, index: 3 },
      caption: t(
        'Without heartbeats, S3’s timer fires first: it starts an election in C_new, wins it and commits its no-op, which also commits C_new in its own log. S1 stays **quiet**: it knows that the configuration without it is committed, so it no longer campaigns (only while C_new was uncommitted might its vote have been needed, M-6).',
        'Sin latidos, el temporizador de S3 se agota primero: inicia una elección en C_new, la gana y confirma su no-op, con lo que C_new queda confirmada también en su registro. S1 se queda **callado**: sabe que la configuración sin él está confirmada, así que ya no se presenta (solo mientras C_new no estaba confirmada podía hacer falta su voto, M-6).',
        'Sem heartbeats, o temporizador de S3 se esgota primeiro: ele inicia uma eleição em C_new, vence e confirma seu no-op, o que confirma C_new também no seu log. S1 fica **quieto**: sabe que a configuração sem ele está confirmada, então não se candidata mais (só enquanto C_new não estava confirmada seu voto poderia ser necessário, M-6).',
      ),
    },
    {
      do: [
        { do: 'cut', link: [3, 4] },
        { do: 'removeServer', server: 4, via: 3, client: ADMIN },
      ],
      until: { event: 'commit', server: 3, index: 4 },
      caption: t(
        'Now S3 removes a **follower**, S4, while S4 is cut off from it. C_new = {S2, S3} commits with S2, and S3 stops sending S4 anything: S4 is no longer a member. S4 **never hears** of its removal.',
        'Ahora S3 quita a un **seguidor**, S4, mientras S4 está aislado de él. C_new = {S2, S3} se confirma con S2, y S3 deja de enviarle nada a S4: ya no es miembro. S4 **nunca se entera** de que lo quitaron.',
        'Agora S3 remove um **seguidor**, S4, enquanto S4 está isolado dele. C_new = {S2, S3} é confirmada com S2, e S3 para de enviar qualquer coisa a S4: ele não é mais membro. S4 **nunca fica sabendo** que foi removido.',
      ),
    },
    {
      do: [{ do: 'connect', link: [3, 4] }],
      until: { afterMs: 1000 },
      caption: t(
        'Hearing no one, S4 times out again and again, each time with a higher term. The members hear their leader every heartbeat and **ignore** its requests (M-7): no one adopts its term, the leader stays. PreVote’s log check alone would not do it: a removed server may hold every entry the others hold (thesis §4.2.3). What protects the cluster is “I heard a leader recently”.',
        'Sin oír a nadie, S4 agota su tiempo una y otra vez, cada vez con un mandato más alto. Los miembros oyen a su líder en cada latido e **ignoran** sus peticiones (M-7): nadie adopta su mandato y el líder sigue. La comprobación del registro de PreVote no bastaría por sí sola: un servidor quitado puede tener todas las entradas que tienen los demás (tesis §4.2.3). Lo que protege al clúster es «he oído a un líder hace poco».',
        'Sem ouvir ninguém, S4 esgota o tempo de novo e de novo, cada vez com um mandato mais alto. Os membros ouvem seu líder a cada heartbeat e **ignoram** seus pedidos (M-7): ninguém adota seu mandato e o líder continua. A verificação do log do PreVote não bastaria sozinha: um servidor removido pode ter todas as entradas que os outros têm (tese §4.2.3). O que protege o cluster é “ouvi um líder há pouco”.',
      ),
    },
  ],
});
