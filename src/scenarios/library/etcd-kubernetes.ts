import type { StepAction } from '../steps.ts';
import { defineEntry, t } from './build.ts';
import { ADMIN } from './membership-script.ts';

/** The API server (client 1) writes what Kubernetes keeps in etcd. */
function writes(...pairs: [string, string][]): StepAction[] {
  return pairs.map(([key, value]) => ({
    do: 'request',
    command: `set ${key} ${value}`,
    server: 1,
    client: 1,
  }));
}

/** A member of an etcd cluster under Kubernetes fails and is replaced, with writes flowing. */
export const etcdKubernetes = defineEntry({
  id: 'etcd-kubernetes',
  title: t(
    'etcd under Kubernetes: replacing a failed member',
    'etcd bajo Kubernetes: sustituir un miembro caído',
    'etcd sob Kubernetes: substituir um membro que falhou',
  ),
  summary: t(
    'Three etcd members store what Kubernetes knows: pods, node leases, events. One fails; an operator adds a new machine as a learner, promotes it, and removes the dead member, while the API server’s writes keep committing.',
    'Tres miembros de etcd guardan lo que sabe Kubernetes: pods, arrendamientos de nodos, eventos. Uno cae; un operador añade una máquina nueva como aprendiz, la promueve y quita el miembro muerto, mientras las escrituras del servidor de API se siguen confirmando.',
    'Três membros do etcd guardam o que o Kubernetes sabe: pods, concessões de nós, eventos. Um falha; um operador adiciona uma máquina nova como aprendiz, a promove e remove o membro morto, enquanto as escritas do servidor de API continuam sendo confirmadas.',
  ),
  cites: ['SC-33', 'SC-34', 'M-2', 'M-5', 'C-1'],
  seed: 2379,
  config: { servers: 4, members: [1, 2, 3] },
  actions: [{ at: 10, do: 'timeout', server: 1 }],
  steps: [
    {
      until: { event: 'commit', server: 1, index: 1 },
      caption: t(
        'An etcd cluster of three members, S1, S2, S3, with real timers; S1 leads. S4 is a spare machine, not a member. The Kubernetes API server is etcd’s client: everything the cluster knows lives under `/registry/`.',
        'Un clúster de etcd de tres miembros, S1, S2 y S3, con temporizadores reales; S1 lidera. S4 es una máquina de reserva, no es miembro. El servidor de API de Kubernetes es el cliente de etcd: todo lo que sabe el clúster vive bajo `/registry/`.',
        'Um cluster etcd de três membros, S1, S2 e S3, com temporizadores reais; S1 lidera. S4 é uma máquina reserva, não é membro. O servidor de API do Kubernetes é o cliente do etcd: tudo o que o cluster sabe fica sob `/registry/`.',
      ),
    },
    {
      do: writes(['/registry/minions/node-2', 'Ready'], ['/registry/pods/default/web-1', 'node-2']),
      until: { afterMs: 200 },
      caption: t(
        'The API server records a node, `/registry/minions/node-2`, and schedules pod `web-1` on it: `/registry/pods/default/web-1 = node-2`. Each write commits on a majority before the API server gets its answer.',
        'El servidor de API registra un nodo, `/registry/minions/node-2`, y le asigna el pod `web-1`: `/registry/pods/default/web-1 = node-2`. Cada escritura se confirma en una mayoría antes de que el servidor de API reciba respuesta.',
        'O servidor de API registra um nó, `/registry/minions/node-2`, e agenda nele o pod `web-1`: `/registry/pods/default/web-1 = node-2`. Cada escrita é confirmada numa maioria antes de o servidor de API receber a resposta.',
      ),
    },
    {
      do: [
        { do: 'crash', server: 3 },
        ...writes(
          ['/registry/leases/kube-node-lease/node-2', 'renew-1'],
          ['/registry/events/default/web-1.started', 'Started'],
        ),
      ],
      until: { afterMs: 300 },
      caption: t(
        'S3’s disk dies. Every few seconds each kubelet renews its node lease, `/registry/leases/kube-node-lease/node-2`, and events keep coming. They still commit on S1 and S2, 2 of 3, but one more failure would stop the cluster.',
        'El disco de S3 muere. Cada pocos segundos cada kubelet renueva el arrendamiento de su nodo, `/registry/leases/kube-node-lease/node-2`, y siguen llegando eventos. Aún se confirman en S1 y S2, 2 de 3, pero un fallo más pararía el clúster.',
        'O disco de S3 morre. A cada poucos segundos cada kubelet renova a concessão do seu nó, `/registry/leases/kube-node-lease/node-2`, e os eventos continuam chegando. Ainda são confirmados em S1 e S2, 2 de 3, mas mais uma falha pararia o cluster.',
      ),
    },
    {
      do: [
        { do: 'addLearner', server: 4, via: 1, client: ADMIN },
        ...writes(['/registry/leases/kube-node-lease/node-2', 'renew-2']),
      ],
      until: { afterMs: 300 },
      caption: t(
        '`etcdctl member add s4 --learner`. S1 appends `config 1,2,3 learners 4`: S4 receives the whole log but never votes and is never counted, so a slow newcomer cannot hurt the majority. The lease renewal commits as before.',
        '`etcdctl member add s4 --learner`. S1 añade `config 1,2,3 learners 4`: S4 recibe todo el registro pero nunca vota ni se cuenta, así que un recién llegado lento no puede dañar a la mayoría. La renovación del arrendamiento se confirma como antes.',
        '`etcdctl member add s4 --learner`. S1 acrescenta `config 1,2,3 learners 4`: S4 recebe o log inteiro, mas nunca vota nem é contado, então um recém-chegado lento não prejudica a maioria. A renovação da concessão é confirmada como antes.',
      ),
    },
    {
      do: [
        { do: 'promote', server: 4, via: 1, client: ADMIN },
        ...writes(['/registry/pods/default/web-2', 'node-3']),
      ],
      until: { afterMs: 300 },
      caption: t(
        '`etcdctl member promote s4-id`. S4 has caught up, so S1 appends `config 1,2,3,4`: four voters, one of them dead, so a majority is 3 of 4, and S1, S2, S4 make it. A new pod is scheduled meanwhile.',
        '`etcdctl member promote s4-id`. S4 ya está al día, así que S1 añade `config 1,2,3,4`: cuatro votantes, uno de ellos muerto, así que la mayoría es 3 de 4, y S1, S2 y S4 la forman. Entretanto se asigna un pod nuevo.',
        '`etcdctl member promote s4-id`. S4 já está atualizado, então S1 acrescenta `config 1,2,3,4`: quatro votantes, um deles morto, então a maioria é 3 de 4, e S1, S2 e S4 a formam. Enquanto isso um pod novo é agendado.',
      ),
    },
    {
      do: [
        { do: 'removeServer', server: 3, via: 1, client: ADMIN },
        ...writes(['/registry/leases/kube-node-lease/node-3', 'renew-1']),
      ],
      until: { afterMs: 300 },
      caption: t(
        '`etcdctl member remove s3-id`. S1 appends `config 1,2,4`: the dead member is gone, and the cluster is three healthy members again. It can lose one more.',
        '`etcdctl member remove s3-id`. S1 añade `config 1,2,4`: el miembro muerto ya no está y el clúster vuelve a tener tres miembros sanos. Puede perder uno más.',
        '`etcdctl member remove s3-id`. S1 acrescenta `config 1,2,4`: o membro morto saiu e o cluster volta a ter três membros saudáveis. Pode perder mais um.',
      ),
    },
    {
      do: [
        { do: 'crash', server: 2 },
        ...writes(
          ['/registry/events/default/web-2.scheduled', 'Scheduled'],
          ['/registry/leases/kube-node-lease/node-2', 'renew-3'],
        ),
      ],
      until: { afterMs: 300 },
      caption: t(
        'Now S2 fails too. S1 and S4 are 2 of 3 in {S1, S2, S4}: the API server’s writes still commit. Without the replacement, two dead members out of three would have stopped every write.',
        'Ahora falla también S2. S1 y S4 son 2 de 3 en {S1, S2, S4}: las escrituras del servidor de API se siguen confirmando. Sin la sustitución, dos miembros muertos de tres habrían detenido todas las escrituras.',
        'Agora S2 também falha. S1 e S4 são 2 de 3 em {S1, S2, S4}: as escritas do servidor de API continuam sendo confirmadas. Sem a substituição, dois membros mortos de três teriam parado todas as escritas.',
      ),
    },
  ],
});
