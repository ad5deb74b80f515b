/**
 * Labels and tooltips of the lab's chrome that were still English only: the Share button, the
 * network menu's tooltips and the open-error banner's dismiss button. Rule IDs stay as they are;
 * each is explained in the Rules panel.
 */
export const CHROME_EN = {
  'share.button': 'Share',
  'share.buttonTitle': 'Share this run as a link, a QR code or a file; open a scenario file',
  'banner.dismissMessage': 'Dismiss this message',
  'net.title': 'Latency, loss and duplication (F2-T3: an unreliable network)',
  'net.latencyMinTitle':
    'Shortest one-way delay of a message (F2-T2: messages should take much less than an election timeout)',
  'net.latencyMaxTitle': 'Longest one-way delay; the spread reorders messages (F2-T3)',
  'net.lossTitle': 'Share of messages the network loses; RPCs are retried (F2-T3)',
  'net.duplicationTitle': 'Share of messages delivered twice; RPCs must be idempotent (F2-T3)',
  'net.partitionTitle':
    'Split the cluster: click servers to pick groups, or drag a line across the ring (P)',
  'net.healTitle': 'Remove the partition and reconnect every cut link (H)',
  'lazy.loading': 'Loading…',
} as const;

type ChromeKey = keyof typeof CHROME_EN;

export const CHROME_ES: Readonly<Record<ChromeKey, string>> = {
  'share.button': 'Compartir',
  'share.buttonTitle':
    'Compartir esta ejecución como enlace, código QR o archivo; abrir un archivo de escenario',
  'banner.dismissMessage': 'Descartar este mensaje',
  'net.title': 'Latencia, pérdida y duplicación (F2-T3: una red poco fiable)',
  'net.latencyMinTitle':
    'Retardo mínimo de un mensaje en un sentido (F2-T2: los mensajes deben tardar mucho menos que un tiempo de elección)',
  'net.latencyMaxTitle':
    'Retardo máximo en un sentido; la diferencia desordena los mensajes (F2-T3)',
  'net.lossTitle': 'Parte de los mensajes que pierde la red; las RPC se reintentan (F2-T3)',
  'net.duplicationTitle':
    'Parte de los mensajes entregados dos veces; las RPC deben ser idempotentes (F2-T3)',
  'net.partitionTitle':
    'Dividir el clúster: haz clic en los servidores para formar grupos o traza una línea a través del anillo (P)',
  'net.healTitle': 'Quitar la partición y reconectar todos los enlaces cortados (H)',
  'lazy.loading': 'Cargando…',
};

export const CHROME_PT: Readonly<Record<ChromeKey, string>> = {
  'share.button': 'Compartilhar',
  'share.buttonTitle':
    'Compartilhar esta execução como link, código QR ou arquivo; abrir um arquivo de cenário',
  'banner.dismissMessage': 'Dispensar esta mensagem',
  'net.title': 'Latência, perda e duplicação (F2-T3: uma rede pouco confiável)',
  'net.latencyMinTitle':
    'Atraso mínimo de uma mensagem num sentido (F2-T2: as mensagens devem levar bem menos que um tempo de eleição)',
  'net.latencyMaxTitle': 'Atraso máximo num sentido; a diferença embaralha as mensagens (F2-T3)',
  'net.lossTitle': 'Parte das mensagens que a rede perde; as RPCs são repetidas (F2-T3)',
  'net.duplicationTitle':
    'Parte das mensagens entregues duas vezes; as RPCs devem ser idempotentes (F2-T3)',
  'net.partitionTitle':
    'Dividir o cluster: clique nos servidores para formar grupos ou trace uma linha através do anel (P)',
  'net.healTitle': 'Remover a partição e reconectar todos os links cortados (H)',
  'lazy.loading': 'Carregando…',
};
