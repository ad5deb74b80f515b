/**
 * Words only assistive technology hears: the names of boxes that scroll (read when a keyboard
 * user tabs into one) and of the story caption.
 */
export const A11Y_EN = {
  'a11y.clientDoneTable': 'Answered requests',
} as const;

/**
 * English that only parts loaded after the first paint show (tables only parts drawn after the first paint show): it comes
 * with them (EN_LATER in messages.ts, fetched by laterWordsLazy.ts), not in the first paint's chunk.
 */
export const A11Y_LATER_EN = {
  'a11y.kvTable': 'Key-value store',
  'a11y.sessionsTable': 'Client sessions',
  'a11y.peersTable': 'Peers',
  'a11y.entriesTable': 'Entries carried',
  'a11y.caption': 'Caption of the step',
} as const;

export type A11yKey = keyof typeof A11Y_EN | keyof typeof A11Y_LATER_EN;

export const A11Y_ES: Readonly<Record<A11yKey, string>> = {
  'a11y.kvTable': 'Almacén clave-valor',
  'a11y.sessionsTable': 'Sesiones de los clientes',
  'a11y.entriesTable': 'Entradas que lleva',
  'a11y.peersTable': 'Pares',
  'a11y.clientDoneTable': 'Peticiones respondidas',
  'a11y.caption': 'Texto del paso',
};

export const A11Y_PT: Readonly<Record<A11yKey, string>> = {
  'a11y.kvTable': 'Armazenamento chave-valor',
  'a11y.sessionsTable': 'Sessões dos clientes',
  'a11y.entriesTable': 'Entradas levadas',
  'a11y.peersTable': 'Pares',
  'a11y.clientDoneTable': 'Pedidos respondidos',
  'a11y.caption': 'Texto da etapa',
};
