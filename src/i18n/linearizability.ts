/**
 * Why a history is not linearizable (INV-C2), in words: the lab tells the checker's explanation
 * (src/core/linearizabilityExplain.ts) in the reader's language. Commands (`get x`, `set x 2`),
 * answers and client names stay as they are in every language.
 */
export const LINEARIZABILITY_EN = {
  'lin.op': "{client}'s {command}",
  'lin.opAnswer': "{client}'s {command} → {result}",
  'lin.opInitial': "the initial log's {command} (index {index})",
  'lin.at': '{op} at {from}–{to} ms',
  'lin.neverAnswered': '{op} (sent at {from} ms, never answered)',
  'lin.done': '{op} (done at {to} ms)',
  'lin.doneNever': '{op} (never answered, taken to have run)',
  'lin.unset': '{key} is unset',
  'lin.value': '{key} = {value}',
  'lin.noPlace': 'No order places {stuck} so that every later answer fits.',
  'lin.notFirst':
    '{stuck} cannot be the first operation on {key}: {state} at the start, so it would answer {expected}.',
  'lin.cannotFollow': '{stuck} cannot follow {done}: {state} then, so it would answer {expected}.',
  'lin.nor': 'Nor can {ops} come next.',
  'lin.more': '{n} more',
  'lin.summaryOne': 'No order of the one operation on {key} explains every answer; {longest}.',
  'lin.summary': 'No order of the {n} operations on {key} explains every answer; {longest}.',
  'lin.longestNone': 'none can go first',
  'lin.longest': 'the longest that does has {n}',
} as const;

export type LinearizabilityKey = keyof typeof LINEARIZABILITY_EN;

export const LINEARIZABILITY_ES: Record<LinearizabilityKey, string> = {
  'lin.op': 'el {command} de {client}',
  'lin.opAnswer': 'el {command} → {result} de {client}',
  'lin.opInitial': 'el {command} del log inicial (índice {index})',
  'lin.at': '{op} entre {from} y {to} ms',
  'lin.neverAnswered': '{op} (enviado a los {from} ms, nunca respondido)',
  'lin.done': '{op} (terminado a los {to} ms)',
  'lin.doneNever': '{op} (nunca respondido, se supone ejecutado)',
  'lin.unset': '{key} no tiene valor',
  'lin.value': '{key} = {value}',
  'lin.noPlace':
    'Ningún orden coloca {stuck} de modo que todas las respuestas posteriores encajen.',
  'lin.notFirst':
    '{stuck} no puede ser la primera operación sobre {key}: al principio {state}, así que respondería {expected}.',
  'lin.cannotFollow':
    '{stuck} no puede ir después de {done}: entonces {state}, así que respondería {expected}.',
  'lin.nor': 'Tampoco puede ir a continuación {ops}.',
  'lin.more': '{n} más',
  'lin.summaryOne':
    'Ningún orden de la única operación sobre {key} explica todas las respuestas; {longest}.',
  'lin.summary':
    'Ningún orden de las {n} operaciones sobre {key} explica todas las respuestas; {longest}.',
  'lin.longestNone': 'ninguna puede ir primero',
  'lin.longest': 'el más largo que lo hace tiene {n}',
};

export const LINEARIZABILITY_PT: Record<LinearizabilityKey, string> = {
  'lin.op': 'o {command} de {client}',
  'lin.opAnswer': 'o {command} → {result} de {client}',
  'lin.opInitial': 'o {command} do log inicial (índice {index})',
  'lin.at': '{op} entre {from} e {to} ms',
  'lin.neverAnswered': '{op} (enviado aos {from} ms, nunca respondido)',
  'lin.done': '{op} (concluído aos {to} ms)',
  'lin.doneNever': '{op} (nunca respondido, considerado executado)',
  'lin.unset': '{key} não tem valor',
  'lin.value': '{key} = {value}',
  'lin.noPlace':
    'Nenhuma ordem coloca {stuck} de modo que todas as respostas seguintes se encaixem.',
  'lin.notFirst':
    '{stuck} não pode ser a primeira operação sobre {key}: no início {state}, então responderia {expected}.',
  'lin.cannotFollow':
    '{stuck} não pode vir depois de {done}: então {state}, portanto responderia {expected}.',
  'lin.nor': 'Também não pode vir em seguida {ops}.',
  'lin.more': 'mais {n}',
  'lin.summaryOne':
    'Nenhuma ordem da única operação sobre {key} explica todas as respostas; {longest}.',
  'lin.summary':
    'Nenhuma ordem das {n} operações sobre {key} explica todas as respostas; {longest}.',
  'lin.longestNone': 'nenhuma pode vir primeiro',
  'lin.longest': 'a mais longa que explica tem {n}',
};
