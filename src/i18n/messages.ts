/**
 * The app's own strings for the presenter, the library, the story bar and the lab's panels
 * (./lab.ts), in every language of the captions. English is complete and is the fallback; a missing translation shows English.
 */
import type { Language } from '../scenarios/steps.ts';
import { LAB_EN, LAB_LATER_EN, LAB_ES, LAB_PT } from './lab.ts';
import { MEMBERSHIP_EN, MEMBERSHIP_LATER_EN, MEMBERSHIP_ES, MEMBERSHIP_PT } from './membership.ts';
import { READS_EN, READS_LATER_EN, READS_ES, READS_PT } from './reads.ts';
import { SNAPSHOTS_EN, SNAPSHOTS_LATER_EN, SNAPSHOTS_ES, SNAPSHOTS_PT } from './snapshots.ts';
import { SPACETIME_EN, SPACETIME_LATER_EN, SPACETIME_ES, SPACETIME_PT } from './spaceTime.ts';
import { A11Y_EN, A11Y_LATER_EN, A11Y_ES, A11Y_PT } from './a11y.ts';
import {
  FOLLOWER_READS_EN,
  FOLLOWER_READS_LATER_EN,
  FOLLOWER_READS_ES,
  FOLLOWER_READS_PT,
} from './followerReads.ts';
import {
  TIME_TRAVEL_EN,
  TIME_TRAVEL_LATER_EN,
  TIME_TRAVEL_ES,
  TIME_TRAVEL_PT,
} from './timeTravel.ts';
import { LINEARIZABILITY_EN, LINEARIZABILITY_ES, LINEARIZABILITY_PT } from './linearizability.ts';
import {
  RULES_PANEL_EN,
  RULES_PANEL_LATER_EN,
  RULES_PANEL_ES,
  RULES_PANEL_PT,
} from './rulesPanel.ts';
import { CHROME_EN, CHROME_ES, CHROME_PT } from './chrome.ts';
import { VIEW_TEXT_EN, VIEW_TEXT_LATER_EN, VIEW_TEXT_ES, VIEW_TEXT_PT } from './viewText.ts';
import { VIOLATIONS_EN, VIOLATIONS_ES, VIOLATIONS_PT } from './violations.ts';
import { MARKS_EN, MARKS_ES, MARKS_PT } from './marks.ts';
import { MESSAGE_FIELDS_EN, MESSAGE_FIELDS_ES, MESSAGE_FIELDS_PT } from './messageFields.ts';
import { REFUSALS_EN, REFUSALS_ES, REFUSALS_PT } from './refusals.ts';

export const EN_FIRST = {
  'lang.label': 'Language',
  'lang.en': 'English',
  'lang.es': 'Spanish',
  'lang.pt': 'Portuguese',
  'library.button': 'Library',
  'library.title': 'Scenario library',
  'library.hint': 'Stories to click through. Each has its own short link.',
  'library.bug': 'teaching bug',
  'library.unknown': 'No library scenario is called “{id}”.',
  'notice.engineFailed':
    'The simulator’s code did not load, so the run cannot move yet. Trying again in {seconds} s; check the connection.',
  'story.step': 'Step {n} of {total}',
  'story.start': 'Start · {total} steps',
  'story.begin': 'Press → (or click Next) to play the first step.',
  'story.playing': 'playing…',
  'story.next': 'Next',
  'story.previous': 'Previous',
  'story.restart': 'Restart',
  'story.close': 'Close the story',
  'story.left': 'The run has left the story (you changed it). Next or Previous goes back to it.',
  'story.present': 'Present',
  'story.presentTitle': 'Presenter mode: full screen, large type, high contrast, clicker keys',
  'present.exit': 'Exit',
  'present.exitTitle': 'Leave presenter mode',
  'present.fullscreen': 'Full screen',
  'present.help': 'Keys',
  'present.noStory': 'Open a story from the library to present it.',
  'present.blankHint': 'Screen blanked: press B to come back.',
  'embed.hint': 'Click or press → for the next step',
  'help.title': 'Presenter keys',
  'help.close': 'Close',
  'key.next': 'Next step: plays it to its stop (press again to jump there at once)',
  'key.previous': 'Previous step: back exactly to its stop',
  'key.restart': 'Restart: back to the start of the story',
  'key.end': 'Last step',
  'key.blank': 'Blank the screen (black); press again to come back',
  'key.fullscreen': 'Full screen on or off',
  'key.help': 'Show or hide this help',
  'key.escape': 'Close this help',
  'key.lab': 'Lab key (changes the run; Next returns to the story)',
  ...LAB_EN,
  ...MEMBERSHIP_EN,
  ...READS_EN,
  ...SNAPSHOTS_EN,
  ...SPACETIME_EN,
  ...A11Y_EN,
  ...FOLLOWER_READS_EN,
  ...TIME_TRAVEL_EN,
  ...RULES_PANEL_EN,
  ...CHROME_EN,
  ...VIEW_TEXT_EN,
  ...MARKS_EN,
} as const;

/**
 * English the first frame never shows: the words of the parts that load after it (the space-time
 * diagram, the new-run, membership and share dialogs, the Rules dialog, the message inspector:
 * each catalogue's *_LATER_EN), a message's fields, the clear messages for bad input, and what a
 * broken invariant did. The browser fetches these right after the first paint (laterWords.ts),
 * and every lazy part waits for them (lazy.tsx); Node has them at once.
 */
export const EN_LATER = {
  ...A11Y_LATER_EN,
  ...FOLLOWER_READS_LATER_EN,
  ...LAB_LATER_EN,
  ...MEMBERSHIP_LATER_EN,
  ...READS_LATER_EN,
  ...RULES_PANEL_LATER_EN,
  ...SNAPSHOTS_LATER_EN,
  ...SPACETIME_LATER_EN,
  ...TIME_TRAVEL_LATER_EN,
  ...VIEW_TEXT_LATER_EN,
  ...LINEARIZABILITY_EN,
  ...VIOLATIONS_EN,
  ...MESSAGE_FIELDS_EN,
  ...REFUSALS_EN,
} as const;

export const EN = { ...EN_FIRST, ...EN_LATER } as const;

export type MessageKey = keyof typeof EN;
export type Messages = Partial<Record<MessageKey, string>>;

const ES: Messages = {
  'lang.label': 'Idioma',
  'lang.en': 'Inglés',
  'lang.es': 'Español',
  'lang.pt': 'Portugués',
  'library.button': 'Biblioteca',
  'library.title': 'Biblioteca de escenarios',
  'library.hint': 'Historias para recorrer con clics. Cada una tiene su enlace corto.',
  'library.bug': 'error didáctico',
  'library.unknown': 'No hay ningún escenario llamado «{id}» en la biblioteca.',
  'notice.engineFailed':
    'El código del simulador no se cargó y la ejecución aún no puede avanzar. Se vuelve a intentar en {seconds} s; revisa la conexión.',
  'story.step': 'Paso {n} de {total}',
  'story.start': 'Inicio · {total} pasos',
  'story.begin': 'Pulsa → (o Siguiente) para reproducir el primer paso.',
  'story.playing': 'reproduciendo…',
  'story.next': 'Siguiente',
  'story.previous': 'Anterior',
  'story.restart': 'Reiniciar',
  'story.close': 'Cerrar la historia',
  'story.left':
    'La ejecución se ha salido de la historia (la cambiaste). Siguiente o Anterior vuelve a ella.',
  'story.present': 'Presentar',
  'story.presentTitle':
    'Modo presentación: pantalla completa, letra grande, alto contraste, teclas de mando',
  'present.exit': 'Salir',
  'present.exitTitle': 'Salir del modo presentación',
  'present.fullscreen': 'Pantalla completa',
  'present.help': 'Teclas',
  'present.noStory': 'Abre una historia de la biblioteca para presentarla.',
  'present.blankHint': 'Pantalla en negro: pulsa B para volver.',
  'embed.hint': 'Haz clic o pulsa → para el siguiente paso',
  'help.title': 'Teclas de presentación',
  'help.close': 'Cerrar',
  'key.next': 'Paso siguiente: lo reproduce hasta su parada (pulsa otra vez para saltar allí)',
  'key.previous': 'Paso anterior: vuelve exactamente a su parada',
  'key.restart': 'Reiniciar: vuelve al inicio de la historia',
  'key.end': 'Último paso',
  'key.blank': 'Pantalla en negro; pulsa otra vez para volver',
  'key.fullscreen': 'Pantalla completa sí o no',
  'key.help': 'Mostrar u ocultar esta ayuda',
  'key.escape': 'Cerrar esta ayuda',
  'key.lab': 'Tecla del laboratorio (cambia la ejecución; Siguiente vuelve a la historia)',
  ...LAB_ES,
  ...MEMBERSHIP_ES,
  ...READS_ES,
  ...SNAPSHOTS_ES,
  ...SPACETIME_ES,
  ...A11Y_ES,
  ...FOLLOWER_READS_ES,
  ...TIME_TRAVEL_ES,
  ...LINEARIZABILITY_ES,
  ...RULES_PANEL_ES,
  ...CHROME_ES,
  ...VIEW_TEXT_ES,
  ...VIOLATIONS_ES,
  ...MARKS_ES,
  ...MESSAGE_FIELDS_ES,
  ...REFUSALS_ES,
};

const PT: Messages = {
  'lang.label': 'Idioma',
  'lang.en': 'Inglês',
  'lang.es': 'Espanhol',
  'lang.pt': 'Português',
  'library.button': 'Biblioteca',
  'library.title': 'Biblioteca de cenários',
  'library.hint': 'Histórias para percorrer com cliques. Cada uma tem seu link curto.',
  'library.bug': 'bug didático',
  'library.unknown': 'Não há nenhum cenário chamado “{id}” na biblioteca.',
  'notice.engineFailed':
    'O código do simulador não carregou e a execução ainda não pode avançar. Nova tentativa em {seconds} s; verifique a conexão.',
  'story.step': 'Passo {n} de {total}',
  'story.start': 'Início · {total} passos',
  'story.begin': 'Pressione → (ou Próximo) para reproduzir o primeiro passo.',
  'story.playing': 'reproduzindo…',
  'story.next': 'Próximo',
  'story.previous': 'Anterior',
  'story.restart': 'Recomeçar',
  'story.close': 'Fechar a história',
  'story.left': 'A execução saiu da história (você a mudou). Próximo ou Anterior volta a ela.',
  'story.present': 'Apresentar',
  'story.presentTitle':
    'Modo apresentação: tela cheia, letra grande, alto contraste, teclas do passador',
  'present.exit': 'Sair',
  'present.exitTitle': 'Sair do modo apresentação',
  'present.fullscreen': 'Tela cheia',
  'present.help': 'Teclas',
  'present.noStory': 'Abra uma história da biblioteca para apresentá-la.',
  'present.blankHint': 'Tela preta: pressione B para voltar.',
  'embed.hint': 'Clique ou pressione → para o próximo passo',
  'help.title': 'Teclas de apresentação',
  'help.close': 'Fechar',
  'key.next': 'Próximo passo: reproduz até sua parada (pressione de novo para pular até lá)',
  'key.previous': 'Passo anterior: volta exatamente à sua parada',
  'key.restart': 'Recomeçar: volta ao início da história',
  'key.end': 'Último passo',
  'key.blank': 'Tela preta; pressione de novo para voltar',
  'key.fullscreen': 'Tela cheia sim ou não',
  'key.help': 'Mostrar ou esconder esta ajuda',
  'key.escape': 'Fechar esta ajuda',
  'key.lab': 'Tecla do laboratório (muda a execução; Próximo volta à história)',
  ...LAB_PT,
  ...MEMBERSHIP_PT,
  ...READS_PT,
  ...SNAPSHOTS_PT,
  ...SPACETIME_PT,
  ...A11Y_PT,
  ...FOLLOWER_READS_PT,
  ...TIME_TRAVEL_PT,
  ...LINEARIZABILITY_PT,
  ...RULES_PANEL_PT,
  ...CHROME_PT,
  ...VIEW_TEXT_PT,
  ...VIOLATIONS_PT,
  ...MARKS_PT,
  ...MESSAGE_FIELDS_PT,
  ...REFUSALS_PT,
};

export const MESSAGES: Readonly<Record<Language, Messages>> = { en: EN, es: ES, pt: PT };
