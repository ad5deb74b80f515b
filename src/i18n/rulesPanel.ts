/**
 * The words around the rules (./rules.ts): the Rules panel, its button and shortcut, the rule chips
 * of the feed and the trace hash's tooltip. Rule IDs stay as they are in every language.
 */
export const RULES_PANEL_EN = {
  'rules.button': 'Rules',
  'rules.buttonTitle': 'What the rule IDs (F2-…, INV-…, C-…, M-…) mean, in plain words (G)',
  'rules.chip': '{id}: {title}. Opens the Rules panel at this rule.',
  'rules.chipPending': 'Rule {id}. Opens the Rules panel, which explains it.',
  'rules.abbrPending': 'Rule {id}: its explanation is loading.',
  'shortcut.rules': 'Open or close the Rules panel (what the IDs mean)',
  'trace.title':
    'Trace hash: a digest of every event so far. Two runs with the same hash went exactly the same way; a share link replays to the same hash. Click for more.',
  'trace.label': 'Trace hash {hash}',
} as const;

/**
 * English that only parts loaded after the first paint show (the Rules dialog): it comes
 * with them (EN_LATER in messages.ts, fetched by laterWordsLazy.ts), not in the first paint's chunk.
 */
export const RULES_PANEL_LATER_EN = {
  'rules.title': 'Rules',
  'rules.intro':
    'Every rule the lab cites by its ID, in plain words. Click an ID in the event feed, a tooltip or a banner to come straight here.',
  'rules.search': 'Search the rules',
  'rules.searchPlaceholder': 'An ID or words: F2-AE4, vote…',
  'rules.none': 'No rule matches “{query}”.',
  'rules.count': '{n} rules',
  'rules.group.state': 'Figure 2: state',
  'rules.group.all': 'Figure 2: rules for all servers',
  'rules.group.vote': 'Figure 2: RequestVote',
  'rules.group.append': 'Figure 2: AppendEntries',
  'rules.group.servers': 'Figure 2: leaders, followers and timing',
  'rules.group.snapshot': 'InstallSnapshot (log compaction)',
  'rules.group.safety': 'Safety invariants (checked after every event)',
  'rules.group.client': 'Clients and reads',
  'rules.group.membership': 'Membership changes',
  'rules.group.extensions': 'Extensions: PreVote, CheckQuorum, leadership transfer',
  'rules.group.bugs': 'Teaching bugs (switched on in a new run)',
  'rules.group.scenarios': 'Scripted scenarios',
  'rules.group.lab': 'The lab',
} as const;

type RulesPanelKey = keyof typeof RULES_PANEL_EN | keyof typeof RULES_PANEL_LATER_EN;

export const RULES_PANEL_ES: Readonly<Record<RulesPanelKey, string>> = {
  'rules.button': 'Reglas',
  'rules.buttonTitle':
    'Qué significan los identificadores de reglas (F2-…, INV-…, C-…, M-…), en palabras sencillas (G)',
  'rules.title': 'Reglas',
  'rules.intro':
    'Cada regla que el laboratorio cita por su identificador, en palabras sencillas. Haz clic en un identificador del registro de eventos, de una descripción o de un aviso para venir directamente aquí.',
  'rules.search': 'Buscar en las reglas',
  'rules.searchPlaceholder': 'Un identificador o palabras: F2-AE4, voto…',
  'rules.none': 'Ninguna regla coincide con «{query}».',
  'rules.count': '{n} reglas',
  'rules.group.state': 'Figura 2: estado',
  'rules.group.all': 'Figura 2: reglas para todos los servidores',
  'rules.group.vote': 'Figura 2: RequestVote',
  'rules.group.append': 'Figura 2: AppendEntries',
  'rules.group.servers': 'Figura 2: líderes, seguidores y tiempos',
  'rules.group.snapshot': 'InstallSnapshot (compactación del registro)',
  'rules.group.safety': 'Invariantes de seguridad (comprobadas tras cada evento)',
  'rules.group.client': 'Clientes y lecturas',
  'rules.group.membership': 'Cambios de miembros',
  'rules.group.extensions': 'Extensiones: PreVote, CheckQuorum, transferencia de liderazgo',
  'rules.group.bugs': 'Errores didácticos (se activan en una ejecución nueva)',
  'rules.group.scenarios': 'Escenarios guionizados',
  'rules.group.lab': 'El laboratorio',
  'rules.chip': '{id}: {title}. Abre el panel de reglas en esta regla.',
  'rules.chipPending': 'Regla {id}. Abre el panel de reglas, que la explica.',
  'rules.abbrPending': 'Regla {id}: su explicación se está cargando.',
  'shortcut.rules': 'Abrir o cerrar el panel de reglas (qué significan los identificadores)',
  'trace.title':
    'Hash de la traza: un resumen de todos los eventos hasta ahora. Dos ejecuciones con el mismo hash fueron exactamente iguales; un enlace compartido reproduce el mismo hash. Haz clic para saber más.',
  'trace.label': 'Hash de la traza {hash}',
};

export const RULES_PANEL_PT: Readonly<Record<RulesPanelKey, string>> = {
  'rules.button': 'Regras',
  'rules.buttonTitle':
    'O que significam os identificadores de regras (F2-…, INV-…, C-…, M-…), em palavras simples (G)',
  'rules.title': 'Regras',
  'rules.intro':
    'Cada regra que o laboratório cita pelo identificador, em palavras simples. Clique num identificador do feed de eventos, de uma dica ou de um aviso para vir direto aqui.',
  'rules.search': 'Buscar nas regras',
  'rules.searchPlaceholder': 'Um identificador ou palavras: F2-AE4, voto…',
  'rules.none': 'Nenhuma regra corresponde a “{query}”.',
  'rules.count': '{n} regras',
  'rules.group.state': 'Figura 2: estado',
  'rules.group.all': 'Figura 2: regras para todos os servidores',
  'rules.group.vote': 'Figura 2: RequestVote',
  'rules.group.append': 'Figura 2: AppendEntries',
  'rules.group.servers': 'Figura 2: líderes, seguidores e tempos',
  'rules.group.snapshot': 'InstallSnapshot (compactação do log)',
  'rules.group.safety': 'Invariantes de segurança (verificadas após cada evento)',
  'rules.group.client': 'Clientes e leituras',
  'rules.group.membership': 'Mudanças de membros',
  'rules.group.extensions': 'Extensões: PreVote, CheckQuorum, transferência de liderança',
  'rules.group.bugs': 'Bugs didáticos (ativados numa execução nova)',
  'rules.group.scenarios': 'Cenários roteirizados',
  'rules.group.lab': 'O laboratório',
  'rules.chip': '{id}: {title}. Abre o painel de regras nesta regra.',
  'rules.chipPending': 'Regra {id}. Abre o painel de regras, que a explica.',
  'rules.abbrPending': 'Regra {id}: a explicação está carregando.',
  'shortcut.rules': 'Abrir ou fechar o painel de regras (o que os identificadores significam)',
  'trace.title':
    'Hash do rastro: um resumo de todos os eventos até agora. Duas execuções com o mesmo hash foram exatamente iguais; um link compartilhado reproduz o mesmo hash. Clique para saber mais.',
  'trace.label': 'Hash do rastro {hash}',
};
