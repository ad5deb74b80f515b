/**
 * The lab's words for membership changes (the rule catalogue (src/i18n/rules.ts)): the cluster's outside row, learners,
 * the two configurations of a joint phase, configuration entries, the leader's quorums, the
 * change actions and the reconfigure dialog. Rule IDs (M-1…M-7), C_old / C_new, commands and
 * server names stay as they are in every language; each rule ID is explained in words next to it.
 */
export const MEMBERSHIP_EN = {
  'mem.outsideRow': 'Outside the cluster',
  'mem.outsideRowTitle':
    'Servers in no configuration: they do not vote and get no log until a configuration that names them reaches them. Right-click one to add it.',
  'mem.outsideTitle':
    '{name} is outside the cluster: it is in no configuration the leader uses, so it does not vote and gets no log. Right-click to add it.',
  'mem.catchingUp': 'catching up',
  'mem.catchingUpTitle':
    '{name} is being caught up before it may vote: new servers first copy the log as non-voters (M-5), in rounds.',
  'mem.learner': 'learner',
  'mem.learnerTitle':
    '{name} is a learner: it receives the log but never votes and does not count for commits.',
  'mem.differs': '{name} uses another configuration than {ref}: {config}',
  'mem.cOldTitle':
    'C_old, the voters before the change: {group}. During joint consensus (M-4) an election or a commit needs a majority of C_old and, separately, a majority of C_new.',
  'mem.cNewTitle':
    'C_new, the voters after the change: {group}. During joint consensus (M-4) an election or a commit needs a majority of C_old and, separately, a majority of C_new.',
  'mem.none': 'none (in no configuration)',
  'mem.voters': 'voters {group}',
  'mem.joint': 'joint: C_old {old} and C_new {group}',
  'mem.learners': 'learners {group}',
  'mem.initial': 'initial configuration',
  'mem.entry': 'entry {index}',
  'mem.committed': 'committed',
  'mem.uncommitted': 'not committed yet',
  'mem.uses': 'Configuration: {config} ({where}, {state}).',
  'mem.entryTitle':
    'Configuration entry: {config}. A server uses the latest configuration in its log as soon as it has it, committed or not (M-1).',
  'mem.inForce': 'Configuration in force',
  'mem.inForceTitle':
    'The latest configuration in this server’s log, committed or not: the one it uses (M-1).',
  'mem.source': 'From',
  'mem.change': 'Change in progress',
  'mem.changeTitle': 'The membership change this leader is carrying out; one at a time (M-2).',
  'mem.noChange': 'none',
  'mem.phase.catchUp': 'catching up {servers} as non-voters, round {round}',
  'mem.phase.joint': 'C_old,new in the log: waiting for it to commit',
  'mem.phase.final': 'C_new in the log: waiting for it to commit',
  'mem.needs.commit': 'A commit needs {need}',
  'mem.needs.election': 'An election needs {need}',
  'mem.needs.of': '{k} of {group}',
  'mem.needs.and': '{a} and {b}',
  'mem.needs.none': 'This server is in no configuration: it cannot win an election.',
  'mem.add': 'Add to the cluster',
  'mem.addTitle':
    'An admin client asks the leader for addServer: the leader catches the server up as a non-voter, then appends the new configuration (one server at a time, M-2).',
  'mem.addLearner': 'Add as learner',
  'mem.addLearnerTitle':
    'An admin client asks the leader for addLearner: the server receives the log but never votes.',
  'mem.remove': 'Remove from the cluster',
  'mem.removeTitle':
    'An admin client asks the leader for removeServer. A leader that removes itself keeps leading until the new configuration commits, then steps down (M-6).',
  'mem.promote': 'Promote to voter',
  'mem.promoteTitle': 'An admin client asks the leader to make this learner a voter.',
  'mem.reconfigure': 'Membership…',
  'mem.reconfigureTitle': 'Choose the voting members: joint consensus, or one server at a time',
  'mem.dialog.title': 'Change the membership',
} as const;

/**
 * English that only parts loaded after the first paint show (the membership form, the new-run form and the message inspector): it comes
 * with them (EN_LATER in messages.ts, fetched by laterWordsLazy.ts), not in the first paint's chunk.
 */
export const MEMBERSHIP_LATER_EN = {
  'mem.section': 'Membership',
  'mem.needs.title':
    'A majority of the voters of the configuration this leader uses; during joint consensus a majority of C_old and, separately, of C_new (M-4). Learners and servers outside do not count.',
  'mem.dialog.members': 'Voting members',
  'mem.dialog.current': 'The leader uses: {config}',
  'mem.dialog.noLeader': 'No leader yet: the admin client will find one (redirects and retries).',
  'mem.dialog.joint': 'Joint consensus',
  'mem.dialog.jointTitle':
    'One reconfigure command: the leader appends C_old,new, then C_new once that commits (M-4). Any set of servers can change at once.',
  'mem.dialog.single': 'One server at a time',
  'mem.dialog.singleTitle':
    'A sequence of addServer and removeServer commands, each a change of one server (M-2); the admin client sends the next once the previous one is answered.',
  'mem.dialog.plan': 'Will send: {commands}',
  'mem.dialog.empty': 'Pick at least one voter.',
  'mem.dialog.same': 'These already are the voters.',
  'mem.dialog.send': 'Send',
  'mem.dialog.cancel': 'Cancel',
  'mem.sent': 'An admin client sends {commands} to the leader.',
  'run.members': 'Start with',
  'run.membersTitle':
    'The initial voters; the other servers start outside the cluster, with an empty log, until a change adds them.',
  'run.membersAll': 'all servers',
  'run.membersSome': '{k} of {n} servers',
  'run.guard': 'Disruption guard',
  'run.guardTitle':
    'M-7 (thesis §4.2.3): a server that heard a leader less than an election timeout ago ignores RequestVote, so a removed server cannot disrupt the cluster.',
  'run.bugs': 'Teaching bugs (membership, reads)',
  'bug.BUG-DIRECTCONFIG':
    'Switch several servers at once without joint consensus (breaks M-2 and M-4: two majorities that do not overlap)',
  'bug.BUG-EARLYCONFIG':
    'Append a configuration entry before an entry of the current term is committed (breaks M-3, the 2015 fix)',
  'bug.BUG-SELFCOUNT': 'A leader outside C_new counts its own vote toward commits (breaks M-6)',
} as const;

export type MembershipKey = keyof typeof MEMBERSHIP_EN | keyof typeof MEMBERSHIP_LATER_EN;

export const MEMBERSHIP_ES: Readonly<Record<MembershipKey, string>> = {
  'mem.outsideRow': 'Fuera del clúster',
  'mem.outsideRowTitle':
    'Servidores que no están en ninguna configuración: no votan ni reciben el registro hasta que les llega una configuración que los nombre. Clic derecho en uno para añadirlo.',
  'mem.outsideTitle':
    '{name} está fuera del clúster: no está en la configuración que usa el líder, así que no vota ni recibe el registro. Clic derecho para añadirlo.',
  'mem.catchingUp': 'poniéndose al día',
  'mem.catchingUpTitle':
    '{name} se está poniendo al día antes de poder votar: los servidores nuevos copian primero el registro sin votar (M-5), por rondas.',
  'mem.learner': 'aprendiz',
  'mem.learnerTitle':
    '{name} es aprendiz: recibe el registro pero nunca vota ni cuenta para confirmar.',
  'mem.differs': '{name} usa otra configuración que {ref}: {config}',
  'mem.cOldTitle':
    'C_old, los votantes antes del cambio: {group}. Durante el consenso conjunto (M-4) una elección o una confirmación necesita una mayoría de C_old y, aparte, una mayoría de C_new.',
  'mem.cNewTitle':
    'C_new, los votantes después del cambio: {group}. Durante el consenso conjunto (M-4) una elección o una confirmación necesita una mayoría de C_old y, aparte, una mayoría de C_new.',
  'mem.none': 'ninguna (no está en ninguna configuración)',
  'mem.voters': 'votantes {group}',
  'mem.joint': 'conjunta: C_old {old} y C_new {group}',
  'mem.learners': 'aprendices {group}',
  'mem.initial': 'configuración inicial',
  'mem.entry': 'entrada {index}',
  'mem.committed': 'confirmada',
  'mem.uncommitted': 'aún sin confirmar',
  'mem.uses': 'Configuración: {config} ({where}, {state}).',
  'mem.entryTitle':
    'Entrada de configuración: {config}. Un servidor usa la última configuración de su registro en cuanto la tiene, confirmada o no (M-1).',
  'mem.section': 'Membresía',
  'mem.inForce': 'Configuración vigente',
  'mem.inForceTitle':
    'La última configuración del registro de este servidor, confirmada o no: la que usa (M-1).',
  'mem.source': 'Origen',
  'mem.change': 'Cambio en curso',
  'mem.changeTitle': 'El cambio de membresía que hace este líder; uno a la vez (M-2).',
  'mem.noChange': 'ninguno',
  'mem.phase.catchUp': 'poniendo al día a {servers} sin voto, ronda {round}',
  'mem.phase.joint': 'C_old,new en el registro: esperando a que se confirme',
  'mem.phase.final': 'C_new en el registro: esperando a que se confirme',
  'mem.needs.commit': 'Confirmar necesita {need}',
  'mem.needs.election': 'Una elección necesita {need}',
  'mem.needs.of': '{k} de {group}',
  'mem.needs.and': '{a} y {b}',
  'mem.needs.title':
    'Una mayoría de los votantes de la configuración que usa este líder; durante el consenso conjunto, una mayoría de C_old y, aparte, de C_new (M-4). Los aprendices y los servidores de fuera no cuentan.',
  'mem.needs.none': 'Este servidor no está en ninguna configuración: no puede ganar una elección.',
  'mem.add': 'Añadir al clúster',
  'mem.addTitle':
    'Un cliente admin pide addServer al líder: el líder pone al día al servidor sin voto y luego añade la nueva configuración (un servidor a la vez, M-2).',
  'mem.addLearner': 'Añadir como aprendiz',
  'mem.addLearnerTitle':
    'Un cliente admin pide addLearner al líder: el servidor recibe el registro pero nunca vota.',
  'mem.remove': 'Quitar del clúster',
  'mem.removeTitle':
    'Un cliente admin pide removeServer al líder. Un líder que se quita a sí mismo sigue liderando hasta que se confirma la nueva configuración y luego lo deja (M-6).',
  'mem.promote': 'Promover a votante',
  'mem.promoteTitle': 'Un cliente admin pide al líder que este aprendiz pase a votar.',
  'mem.reconfigure': 'Membresía…',
  'mem.reconfigureTitle': 'Elegir los miembros con voto: consenso conjunto, o un servidor a la vez',
  'mem.dialog.title': 'Cambiar la membresía',
  'mem.dialog.members': 'Miembros con voto',
  'mem.dialog.current': 'El líder usa: {config}',
  'mem.dialog.noLeader':
    'Aún no hay líder: el cliente admin encontrará uno (redirecciones y reintentos).',
  'mem.dialog.joint': 'Consenso conjunto',
  'mem.dialog.jointTitle':
    'Un solo comando reconfigure: el líder añade C_old,new y luego C_new cuando aquella se confirma (M-4). Cualquier conjunto de servidores puede cambiar a la vez.',
  'mem.dialog.single': 'Un servidor a la vez',
  'mem.dialog.singleTitle':
    'Una secuencia de comandos addServer y removeServer, cada uno cambia un servidor (M-2); el cliente admin envía el siguiente cuando el anterior tiene respuesta.',
  'mem.dialog.plan': 'Se enviará: {commands}',
  'mem.dialog.empty': 'Elige al menos un votante.',
  'mem.dialog.same': 'Esos ya son los votantes.',
  'mem.dialog.send': 'Enviar',
  'mem.dialog.cancel': 'Cancelar',
  'mem.sent': 'Un cliente admin envía {commands} al líder.',
  'run.members': 'Empezar con',
  'run.membersTitle':
    'Los votantes iniciales; los demás servidores empiezan fuera del clúster, con el registro vacío, hasta que un cambio los añade.',
  'run.membersAll': 'todos los servidores',
  'run.membersSome': '{k} de {n} servidores',
  'run.guard': 'Protección contra interrupciones',
  'run.guardTitle':
    'M-7 (tesis §4.2.3): un servidor que supo de un líder hace menos de un timeout de elección ignora RequestVote, así un servidor quitado no puede perturbar al clúster.',
  'run.bugs': 'Errores didácticos (membresía, lecturas)',
  'bug.BUG-DIRECTCONFIG':
    'Cambiar varios servidores a la vez sin consenso conjunto (rompe M-2 y M-4: dos mayorías que no se solapan)',
  'bug.BUG-EARLYCONFIG':
    'Añadir una entrada de configuración antes de confirmar una entrada del mandato actual (rompe M-3, la corrección de 2015)',
  'bug.BUG-SELFCOUNT': 'Un líder fuera de C_new cuenta su propio voto para confirmar (rompe M-6)',
};

export const MEMBERSHIP_PT: Readonly<Record<MembershipKey, string>> = {
  'mem.outsideRow': 'Fora do cluster',
  'mem.outsideRowTitle':
    'Servidores que não estão em nenhuma configuração: não votam nem recebem o log até que chegue a eles uma configuração que os nomeie. Clique com o botão direito em um para adicioná-lo.',
  'mem.outsideTitle':
    '{name} está fora do cluster: não está na configuração que o líder usa, então não vota nem recebe o log. Clique com o botão direito para adicioná-lo.',
  'mem.catchingUp': 'atualizando',
  'mem.catchingUpTitle':
    '{name} está sendo atualizado antes de poder votar: servidores novos primeiro copiam o log sem votar (M-5), em rodadas.',
  'mem.learner': 'aprendiz',
  'mem.learnerTitle': '{name} é aprendiz: recebe o log, mas nunca vota nem conta para confirmar.',
  'mem.differs': '{name} usa outra configuração que {ref}: {config}',
  'mem.cOldTitle':
    'C_old, os eleitores antes da mudança: {group}. Durante o consenso conjunto (M-4) uma eleição ou uma confirmação precisa de uma maioria de C_old e, separadamente, de uma maioria de C_new.',
  'mem.cNewTitle':
    'C_new, os eleitores depois da mudança: {group}. Durante o consenso conjunto (M-4) uma eleição ou uma confirmação precisa de uma maioria de C_old e, separadamente, de uma maioria de C_new.',
  'mem.none': 'nenhuma (não está em nenhuma configuração)',
  'mem.voters': 'eleitores {group}',
  'mem.joint': 'conjunta: C_old {old} e C_new {group}',
  'mem.learners': 'aprendizes {group}',
  'mem.initial': 'configuração inicial',
  'mem.entry': 'entrada {index}',
  'mem.committed': 'confirmada',
  'mem.uncommitted': 'ainda não confirmada',
  'mem.uses': 'Configuração: {config} ({where}, {state}).',
  'mem.entryTitle':
    'Entrada de configuração: {config}. Um servidor usa a configuração mais recente do seu log assim que a tem, confirmada ou não (M-1).',
  'mem.section': 'Membros',
  'mem.inForce': 'Configuração em vigor',
  'mem.inForceTitle':
    'A configuração mais recente do log deste servidor, confirmada ou não: a que ele usa (M-1).',
  'mem.source': 'Origem',
  'mem.change': 'Mudança em andamento',
  'mem.changeTitle': 'A mudança de membros que este líder está fazendo; uma por vez (M-2).',
  'mem.noChange': 'nenhuma',
  'mem.phase.catchUp': 'atualizando {servers} sem voto, rodada {round}',
  'mem.phase.joint': 'C_old,new no log: esperando ser confirmada',
  'mem.phase.final': 'C_new no log: esperando ser confirmada',
  'mem.needs.commit': 'Confirmar precisa de {need}',
  'mem.needs.election': 'Uma eleição precisa de {need}',
  'mem.needs.of': '{k} de {group}',
  'mem.needs.and': '{a} e {b}',
  'mem.needs.title':
    'Uma maioria dos eleitores da configuração que este líder usa; durante o consenso conjunto, uma maioria de C_old e, separadamente, de C_new (M-4). Aprendizes e servidores de fora não contam.',
  'mem.needs.none': 'Este servidor não está em nenhuma configuração: não pode vencer uma eleição.',
  'mem.add': 'Adicionar ao cluster',
  'mem.addTitle':
    'Um cliente admin pede addServer ao líder: o líder atualiza o servidor sem voto e depois anexa a nova configuração (um servidor por vez, M-2).',
  'mem.addLearner': 'Adicionar como aprendiz',
  'mem.addLearnerTitle':
    'Um cliente admin pede addLearner ao líder: o servidor recebe o log, mas nunca vota.',
  'mem.remove': 'Remover do cluster',
  'mem.removeTitle':
    'Um cliente admin pede removeServer ao líder. Um líder que remove a si mesmo continua liderando até a nova configuração ser confirmada e então deixa de ser líder (M-6).',
  'mem.promote': 'Promover a eleitor',
  'mem.promoteTitle': 'Um cliente admin pede ao líder que este aprendiz passe a votar.',
  'mem.reconfigure': 'Membros…',
  'mem.reconfigureTitle': 'Escolher os membros com voto: consenso conjunto, ou um servidor por vez',
  'mem.dialog.title': 'Mudar os membros',
  'mem.dialog.members': 'Membros com voto',
  'mem.dialog.current': 'O líder usa: {config}',
  'mem.dialog.noLeader':
    'Ainda não há líder: o cliente admin vai encontrar um (redirecionamentos e novas tentativas).',
  'mem.dialog.joint': 'Consenso conjunto',
  'mem.dialog.jointTitle':
    'Um único comando reconfigure: o líder anexa C_old,new e depois C_new quando aquela é confirmada (M-4). Qualquer conjunto de servidores pode mudar de uma vez.',
  'mem.dialog.single': 'Um servidor por vez',
  'mem.dialog.singleTitle':
    'Uma sequência de comandos addServer e removeServer, cada um muda um servidor (M-2); o cliente admin envia o próximo quando o anterior é respondido.',
  'mem.dialog.plan': 'Será enviado: {commands}',
  'mem.dialog.empty': 'Escolha pelo menos um eleitor.',
  'mem.dialog.same': 'Esses já são os eleitores.',
  'mem.dialog.send': 'Enviar',
  'mem.dialog.cancel': 'Cancelar',
  'mem.sent': 'Um cliente admin envia {commands} ao líder.',
  'run.members': 'Começar com',
  'run.membersTitle':
    'Os eleitores iniciais; os outros servidores começam fora do cluster, com o log vazio, até que uma mudança os adicione.',
  'run.membersAll': 'todos os servidores',
  'run.membersSome': '{k} de {n} servidores',
  'run.guard': 'Proteção contra interrupções',
  'run.guardTitle':
    'M-7 (tese §4.2.3): um servidor que ouviu um líder há menos de um timeout de eleição ignora RequestVote, assim um servidor removido não pode perturbar o cluster.',
  'run.bugs': 'Bugs didáticos (membros, leituras)',
  'bug.BUG-DIRECTCONFIG':
    'Trocar vários servidores de uma vez sem consenso conjunto (quebra M-2 e M-4: duas maiorias que não se sobrepõem)',
  'bug.BUG-EARLYCONFIG':
    'Anexar uma entrada de configuração antes de confirmar uma entrada do mandato atual (quebra M-3, a correção de 2015)',
  'bug.BUG-SELFCOUNT': 'Um líder fora de C_new conta o próprio voto para confirmar (quebra M-6)',
};
