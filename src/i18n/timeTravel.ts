/**
 * The lab's words for time travel that never loses work: acting while rewound replaces the
 * recorded future, and the banner says so at that moment, with Undo (and Redo after it).
 */
export const TIME_TRAVEL_EN = {
  'replaced.text':
    'Acting at {at} replaced the recorded future up to {until}, with its {n} actions.',
  'replaced.textOne':
    'Acting at {at} replaced the recorded future up to {until}, with its 1 action.',
  'replaced.textNone':
    'Acting at {at} replaced the recorded future up to {until} (it held no actions of yours).',
  'replaced.undone':
    'The future after {at} is back. The timeline you made from there (to {until}, {n} actions) is set aside.',
  'replaced.undo': 'Undo',
  'replaced.undoTitle': 'Bring back the replaced future, and go to {at} where it was replaced',
  'replaced.redo': 'Redo',
  'replaced.redoTitle': 'Swap back to the timeline you made at {at}',
  'tlMark.one': '{what} at {time}',
  'tlMark.many': '{n} {what}, {from} – {to}',
  'tlMark.election': 'leader elected',
  'tlMark.elections': 'leaders elected',
  'tlMark.commit': 'commit',
  'tlMark.commits': 'commits',
  'tlMark.crash': 'crash',
  'tlMark.crashes': 'crashes',
  'tlMark.restart': 'restart',
  'tlMark.restarts': 'restarts',
  'tlMark.violation': 'invariant violation',
  'tlMark.violations': 'invariant violations',
  'tlMark.action': 'action',
  'tlMark.actions': 'actions',
} as const;

/**
 * English that only parts loaded after the first paint show (the message inspector of a past message): it comes
 * with them (EN_LATER in messages.ts, fetched by laterWordsLazy.ts), not in the first paint's chunk.
 */
export const TIME_TRAVEL_LATER_EN = {
  'story.changed': 'You changed the run: it has left the story.',
  'story.rejoin': 'Back to the story',
  'story.rejoinTitle': 'Load the story’s own run again, at the step you are on',
} as const;

export type TimeTravelKey = keyof typeof TIME_TRAVEL_EN | keyof typeof TIME_TRAVEL_LATER_EN;

export const TIME_TRAVEL_ES: Record<TimeTravelKey, string> = {
  'replaced.text':
    'Actuar en {at} reemplazó el futuro grabado hasta {until}, con sus {n} acciones.',
  'replaced.textOne':
    'Actuar en {at} reemplazó el futuro grabado hasta {until}, con su única acción.',
  'replaced.textNone':
    'Actuar en {at} reemplazó el futuro grabado hasta {until} (no tenía acciones suyas).',
  'replaced.undone':
    'El futuro después de {at} ha vuelto. La línea de tiempo que creó desde allí (hasta {until}, {n} acciones) queda aparte.',
  'replaced.undo': 'Deshacer',
  'replaced.undoTitle': 'Recuperar el futuro reemplazado e ir a {at}, donde se reemplazó',
  'replaced.redo': 'Rehacer',
  'replaced.redoTitle': 'Volver a la línea de tiempo que creó en {at}',
  'story.changed': 'Cambió la ejecución: ha salido de la historia.',
  'story.rejoin': 'Volver a la historia',
  'story.rejoinTitle': 'Cargar de nuevo la ejecución de la historia, en el paso en que está',
  'tlMark.one': '{what} en {time}',
  'tlMark.many': '{n} {what}, {from} – {to}',
  'tlMark.election': 'líder elegido',
  'tlMark.elections': 'líderes elegidos',
  'tlMark.commit': 'confirmación',
  'tlMark.commits': 'confirmaciones',
  'tlMark.crash': 'caída',
  'tlMark.crashes': 'caídas',
  'tlMark.restart': 'reinicio',
  'tlMark.restarts': 'reinicios',
  'tlMark.violation': 'violación de un invariante',
  'tlMark.violations': 'violaciones de invariantes',
  'tlMark.action': 'acción',
  'tlMark.actions': 'acciones',
};

export const TIME_TRAVEL_PT: Record<TimeTravelKey, string> = {
  'replaced.text': 'Agir em {at} substituiu o futuro gravado até {until}, com suas {n} ações.',
  'replaced.textOne': 'Agir em {at} substituiu o futuro gravado até {until}, com sua única ação.',
  'replaced.textNone':
    'Agir em {at} substituiu o futuro gravado até {until} (ele não tinha ações suas).',
  'replaced.undone':
    'O futuro depois de {at} voltou. A linha do tempo que você criou dali (até {until}, {n} ações) ficou guardada.',
  'replaced.undo': 'Desfazer',
  'replaced.undoTitle': 'Trazer de volta o futuro substituído e ir a {at}, onde foi substituído',
  'replaced.redo': 'Refazer',
  'replaced.redoTitle': 'Voltar à linha do tempo que você criou em {at}',
  'story.changed': 'Você mudou a execução: ela saiu da história.',
  'story.rejoin': 'Voltar à história',
  'story.rejoinTitle': 'Carregar de novo a execução da história, no passo em que você está',
  'tlMark.one': '{what} em {time}',
  'tlMark.many': '{n} {what}, {from} – {to}',
  'tlMark.election': 'líder eleito',
  'tlMark.elections': 'líderes eleitos',
  'tlMark.commit': 'confirmação',
  'tlMark.commits': 'confirmações',
  'tlMark.crash': 'queda',
  'tlMark.crashes': 'quedas',
  'tlMark.restart': 'reinício',
  'tlMark.restarts': 'reinícios',
  'tlMark.violation': 'violação de invariante',
  'tlMark.violations': 'violações de invariantes',
  'tlMark.action': 'ação',
  'tlMark.actions': 'ações',
};
