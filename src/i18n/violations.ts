/**
 * What a broken invariant means, in words a learner follows, built from the violation's structured
 * parts (src/core/types.ts Violation: invariant, servers, indexes, time) rather than the core's
 * English `message`, which stays for the command line. Placeholders: {first}, {second}, {third}
 * are the violation's servers in order, {servers} all of them, {index} its first index, {last} its
 * last index and {indexes} all of them.
 */
export const VIOLATIONS_EN = {
  'viol.INV-ES':
    '{first} and {second} were both elected leader of the same term: a term may have one leader at most.',
  'viol.INV-LAO':
    'Leader {first} deleted or overwrote its own entries from index {index}: a leader only ever appends to its log.',
  'viol.INV-LM':
    '{first} and {second} hold an entry of the same term at index {last}, yet their logs differ at index {index}: equal entries must mean equal logs up to there.',
  'viol.INV-LC':
    'Leader {first} lacks an entry that was already committed (index {indexes}): every leader must hold every committed entry.',
  'viol.INV-SMS':
    '{first} applied or saved in a snapshot, at index {index}, something other than the entry committed there: every server must apply the same command at each index.',
  'viol.INV-X1': '{first}’s current term went down: terms only grow.',
  'viol.INV-X2':
    '{first} holds an entry (index {index}) from a term later than its own current term.',
  'viol.INV-X3':
    '{first}’s log goes back to an earlier term at index {index}: terms never decrease along a log.',
  'viol.INV-X4': '{first}’s commitIndex ({index}) is past the last entry of its log.',
  'viol.INV-X5': '{first} applied entries up to index {index}, beyond what it knows is committed.',
  'viol.INV-X6':
    '{first}’s commitIndex or lastApplied went down without a crash: they only move forward.',
  'viol.INV-X7': '{first} changed its vote within one term: a server votes once per term.',
  'viol.INV-X8':
    '{first} voted twice in one term, for {second} and for {third}: one vote per server and term.',
  'viol.INV-X9':
    '{first} counts a different entry as committed at index {index} than another server does.',
  'viol.INV-X10':
    'Committed entry {index} is missing from {servers}: together they form a majority, so they could elect a leader that never had it.',
  'viol.INV-X11':
    '{first} lacks committed entry {index}, yet its log looks up to date to a majority: it could be elected and lose that entry.',
  'viol.INV-X14':
    'Leader {first} believes {second} matches its log up to index {index}, but {second}’s log differs there.',
  'viol.INV-X15':
    'Leader {first} appended a configuration change (index {indexes}) too early: the previous change was not committed yet, or nothing of its own term was.',
  'viol.INV-C1':
    '{first} ran a client’s command a second time, or answered a client with a result its first run did not give: each command must take effect once.',
  'viol.INV-C2':
    'The answers the clients received fit no order of their commands that respects real time: a read saw a value too old or too new.',
  'viol.line': 'Invariant {id} ({name}) violated: {detail}',
} as const;

export type ViolationKey = keyof typeof VIOLATIONS_EN;

export const VIOLATIONS_ES: Readonly<Record<ViolationKey, string>> = {
  'viol.INV-ES':
    '{first} y {second} fueron elegidos líderes del mismo mandato: un mandato tiene como mucho un líder.',
  'viol.INV-LAO':
    'El líder {first} borró o sobrescribió sus propias entradas desde el índice {index}: un líder solo añade a su registro.',
  'viol.INV-LM':
    '{first} y {second} tienen una entrada del mismo mandato en el índice {last}, pero sus registros difieren en el índice {index}: entradas iguales implican registros iguales hasta ahí.',
  'viol.INV-LC':
    'Al líder {first} le falta una entrada que ya estaba confirmada (índice {indexes}): todo líder debe tener todas las entradas confirmadas.',
  'viol.INV-SMS':
    '{first} aplicó o guardó en una instantánea, en el índice {index}, algo distinto de la entrada confirmada ahí: todos los servidores deben aplicar el mismo comando en cada índice.',
  'viol.INV-X1': 'El mandato actual de {first} bajó: los mandatos solo crecen.',
  'viol.INV-X2':
    '{first} tiene una entrada (índice {index}) de un mandato posterior a su mandato actual.',
  'viol.INV-X3':
    'El registro de {first} vuelve a un mandato anterior en el índice {index}: los mandatos nunca bajan a lo largo de un registro.',
  'viol.INV-X4':
    'El commitIndex de {first} ({index}) va más allá de la última entrada de su registro.',
  'viol.INV-X5':
    '{first} aplicó entradas hasta el índice {index}, más allá de lo que sabe confirmado.',
  'viol.INV-X6': 'El commitIndex o el lastApplied de {first} bajó sin una caída: solo avanzan.',
  'viol.INV-X7':
    '{first} cambió su voto dentro de un mismo mandato: un servidor vota una vez por mandato.',
  'viol.INV-X8':
    '{first} votó dos veces en un mandato, por {second} y por {third}: un voto por servidor y mandato.',
  'viol.INV-X9':
    '{first} da por confirmada en el índice {index} una entrada distinta de la que da otro servidor.',
  'viol.INV-X10':
    'A {servers} les falta la entrada confirmada {index}: juntos forman una mayoría, así que podrían elegir a un líder que nunca la tuvo.',
  'viol.INV-X11':
    'A {first} le falta la entrada confirmada {index}, pero su registro le parece al día a una mayoría: podría ser elegido y perder esa entrada.',
  'viol.INV-X14':
    'El líder {first} cree que {second} coincide con su registro hasta el índice {index}, pero el registro de {second} difiere ahí.',
  'viol.INV-X15':
    'El líder {first} añadió un cambio de configuración (índice {indexes}) demasiado pronto: el cambio anterior aún no estaba confirmado, o nada de su propio mandato lo estaba.',
  'viol.INV-C1':
    '{first} ejecutó por segunda vez el comando de un cliente, o respondió a un cliente con un resultado que su primera ejecución no dio: cada comando debe surtir efecto una vez.',
  'viol.INV-C2':
    'Las respuestas que recibieron los clientes no encajan en ningún orden de sus comandos que respete el tiempo real: una lectura vio un valor demasiado viejo o demasiado nuevo.',
  'viol.line': 'Invariante {id} ({name}) violada: {detail}',
};

export const VIOLATIONS_PT: Readonly<Record<ViolationKey, string>> = {
  'viol.INV-ES':
    '{first} e {second} foram ambos eleitos líderes do mesmo mandato: um mandato tem no máximo um líder.',
  'viol.INV-LAO':
    'O líder {first} apagou ou sobrescreveu suas próprias entradas a partir do índice {index}: um líder só acrescenta ao seu log.',
  'viol.INV-LM':
    '{first} e {second} têm uma entrada do mesmo mandato no índice {last}, mas seus logs diferem no índice {index}: entradas iguais implicam logs iguais até ali.',
  'viol.INV-LC':
    'Falta ao líder {first} uma entrada que já estava confirmada (índice {indexes}): todo líder deve ter todas as entradas confirmadas.',
  'viol.INV-SMS':
    '{first} aplicou ou salvou num snapshot, no índice {index}, algo diferente da entrada confirmada ali: todos os servidores devem aplicar o mesmo comando em cada índice.',
  'viol.INV-X1': 'O mandato atual de {first} diminuiu: os mandatos só crescem.',
  'viol.INV-X2':
    '{first} tem uma entrada (índice {index}) de um mandato posterior ao seu mandato atual.',
  'viol.INV-X3':
    'O log de {first} volta a um mandato anterior no índice {index}: os mandatos nunca diminuem ao longo de um log.',
  'viol.INV-X4': 'O commitIndex de {first} ({index}) passa da última entrada do seu log.',
  'viol.INV-X5':
    '{first} aplicou entradas até o índice {index}, além do que sabe estar confirmado.',
  'viol.INV-X6':
    'O commitIndex ou o lastApplied de {first} diminuiu sem uma queda: eles só avançam.',
  'viol.INV-X7':
    '{first} mudou seu voto dentro do mesmo mandato: um servidor vota uma vez por mandato.',
  'viol.INV-X8':
    '{first} votou duas vezes num mandato, em {second} e em {third}: um voto por servidor e mandato.',
  'viol.INV-X9':
    '{first} considera confirmada no índice {index} uma entrada diferente da que outro servidor considera.',
  'viol.INV-X10':
    'Falta a {servers} a entrada confirmada {index}: juntos formam uma maioria, então poderiam eleger um líder que nunca a teve.',
  'viol.INV-X11':
    'Falta a {first} a entrada confirmada {index}, mas seu log parece atualizado para uma maioria: ele poderia ser eleito e perder essa entrada.',
  'viol.INV-X14':
    'O líder {first} acredita que {second} coincide com seu log até o índice {index}, mas o log de {second} difere ali.',
  'viol.INV-X15':
    'O líder {first} acrescentou uma mudança de configuração (índice {indexes}) cedo demais: a mudança anterior ainda não estava confirmada, ou nada do seu próprio mandato estava.',
  'viol.INV-C1':
    '{first} executou pela segunda vez o comando de um cliente, ou respondeu a um cliente com um resultado que sua primeira execução não deu: cada comando deve ter efeito uma vez.',
  'viol.INV-C2':
    'As respostas que os clientes receberam não cabem em nenhuma ordem dos seus comandos que respeite o tempo real: uma leitura viu um valor velho ou novo demais.',
  'viol.line': 'Invariante {id} ({name}) violada: {detail}',
};
