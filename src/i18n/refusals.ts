/**
 * Why a scenario file, a share link or the simulator refused an input, in words: one string per
 * refusal code of src/scenarios/refusal.ts and per core refusal (src/core/refusal.ts). The
 * parameters quote the input as written (JSON literals, field names), so they read the same in
 * every language. refusalText.ts puts the pieces together.
 */
export const REFUSALS_EN = {
  'refusal.field': '{path}: {problem}',
  'refusal.path.scenario': 'scenario',
  'refusal.got.nothing': 'nothing',
  'refusal.got.list': 'a list of {n}',
  'refusal.got.object': 'an object',
  'refusal.servers.one': '1 server',
  'refusal.servers.many': '{n} servers',
  'refusal.unit.chars': 'characters',
  'refusal.unit.items': 'items',
  'refusal.size.mb': '{n} MB',
  'refusal.size.kb': '{n} KB',
  'refusal.size.bytes': '{n} bytes',
  'refusal.grammar':
    'expected set K V, get K, del K, incr K, cas K OLD NEW or noop, where K is 1-120 and V 1-64 of A-Z a-z 0-9 _ . : / -',
  'refusal.problem.unknownField': 'is not a known field',
  'refusal.problem.required': 'is required',
  'refusal.problem.requiredAction': 'is required (one of: {known})',
  'refusal.problem.unknownAction': 'unknown action {got} (known: {known})',
  'refusal.problem.number': 'must be a number (got {got})',
  'refusal.problem.integer': 'must be a whole number (got {got})',
  'refusal.problem.text': 'must be text (got {got})',
  'refusal.problem.boolean': 'must be true or false (got {got})',
  'refusal.problem.list': 'must be a list (got {got})',
  'refusal.problem.object': 'must be an object (got {got})',
  'refusal.problem.atLeast': 'must be at least {min} (got {got})',
  'refusal.problem.atMost': 'must be at most {max} (got {got})',
  'refusal.problem.maxLength': 'must have at most {limit} {unit} (got {length})',
  'refusal.problem.minLength': 'must have at least {limit} {unit} (got {length})',
  'refusal.problem.exactItems': 'must have exactly {count} items (got more)',
  'refusal.problem.untilForm':
    'must be { "atMs": MS }, { "afterMs": MS } or { "event": NAME, "server"?, "term"?, "index"? } (got {got})',
  'refusal.problem.captionForm':
    'must be text or an object of texts by language ({ "en": ..., "es": ..., "pt": ... }) (got {got})',
  'refusal.problem.noForm': 'matches none of its allowed forms (got {got})',
  'refusal.problem.oneOf': 'must be one of {options} (got {got})',
  'refusal.problem.minAboveMax': 'the minimum must not exceed the maximum (got {pair})',
  'refusal.problem.ratio': 'a ratio [n, d] needs n <= d (got {pair})',
  'refusal.problem.sameServer': 'a link joins two different servers (got {pair})',
  'refusal.problem.notCommand': 'is not a command (got {got}); {grammar}',
  'refusal.problem.notLogCommand':
    'is not a command (got {got}); {grammar}, or a configuration such as config 1,2,3 or config 1,2,3 -> 1,2,3,4,5 learners 6',
  'refusal.problem.sameBugTwice': 'names the same bug twice',
  'refusal.problem.sameServerTwice': 'names the same server twice',
  'refusal.problem.endpointZero': 'must be a server (1, 2, ...) or a client (-1 is C1), not 0',
  'refusal.problem.newerVersion':
    'made by a newer Raft Lab (v{version}); this version reads v{reads}',
  'refusal.problem.version': 'must be {expected} (got {got})',
  'refusal.problem.noServer': 'server {server} does not exist (this scenario has {count})',
  'refusal.problem.inTwoGroups': 'server {server} is in more than one group',
  'refusal.problem.inNoGroup':
    'server {server} is in no group (the groups must cover every server exactly once)',
  'refusal.problem.leaseNeedsCheckQuorum':
    '"lease" needs config.checkQuorum: true (a leader cut off from its majority must step down before its lease could mislead a reader)',
  'refusal.problem.followerReadsNeedReadIndex':
    'true needs config.reads "readIndex" or "lease" (a follower asks the leader for a read index; through the log, every read goes to the leader)',
  'refusal.problem.termDecreases':
    'term {term} is lower than the term {previous} of the entry before it (log terms never decrease)',
  'refusal.problem.termAboveServer': "term {term} is higher than the server's term {serverTerm}",
  'refusal.problem.onePerServer':
    'must have one entry per server (this scenario has {count}, got {length})',
  'refusal.problem.viewTooFar':
    'the position is too far into the run to replay ({steps} events; a link holds at most {max})',
  'refusal.problem.invalid': 'is not valid',
  'refusal.json.endOfText': 'unexpected end of text',
  'refusal.json.controlCharacter': 'control character inside a string (write it as \\n, \\t, ...)',
  'refusal.json.badEscape': 'invalid escape in a string',
  'refusal.json.unterminatedString': 'unterminated string',
  'refusal.json.expectedValue': 'expected a value',
  'refusal.json.expectedValueComma': 'expected a value (a comma before it?)',
  'refusal.json.expectedValueQuotes': 'expected a value (use double quotes)',
  'refusal.json.expectedKey': 'expected a property name in double quotes',
  'refusal.json.expectedColon': "expected ':' after a property name",
  'refusal.json.textAfterEnd': 'unexpected text after the end of the JSON value',
  'refusal.json.expectedCommaOrBrace': "expected ',' or '}' after a property value",
  'refusal.json.expectedCommaOrBracket': "expected ',' or ']' after a list item",
  'refusal.textTooLarge': 'too large: {size} of text (a scenario is at most {limit})',
  'refusal.malformedJson': 'malformed JSON at line {line}, column {column}: {problem}',
  'refusal.malformedJsonSomewhere': 'malformed JSON',
  'refusal.fileTooLarge': 'too large ({size}; a scenario is at most {limit})',
  'refusal.fileNotUtf8': 'not UTF-8 text (is it a scenario .json file?)',
  'refusal.fileUnreadable': 'the browser could not read it',
  'refusal.notALink': 'not a Raft Lab link: it has no "#s=" part',
  'refusal.noLinkVersion':
    'not a Raft Lab link: the payload does not start with a version like "v1."',
  'refusal.newerLink': 'made by a newer Raft Lab (v{version}); this version reads v{reads}',
  'refusal.unknownLinkVersion': 'unknown link version v{version}',
  'refusal.checksumMissing': 'truncated: the checksum at the end of the link is missing',
  'refusal.checksumIncomplete': 'truncated: the checksum at the end of the link is incomplete',
  'refusal.checksumMalformed': 'damaged: the checksum at the end of the link must be 8 hex digits',
  'refusal.checksumMismatch': 'damaged: checksum mismatch',
  'refusal.linkTooLong': 'too long: {chars} characters (a link holds at most {limit})',
  'refusal.inputTooLong': 'too long: {chars} characters',
  'refusal.base64Length': 'truncated or damaged: bad base64url length',
  'refusal.base64Character': 'damaged: character {position} of the data is not base64url',
  'refusal.unpackedTooLarge': 'too large when unpacked (over {size})',
  'refusal.compressedInvalid': 'damaged: the compressed data is invalid or incomplete',
  'refusal.contentNotUtf8': 'damaged: the content is not UTF-8 text',
  'refusal.tooLargeForLink':
    'scenario too large for a link ({chars} characters; at most {limit}); share it as a file',
  'refusal.runNotShareable': 'this run cannot be shared: {reason}',
  'refusal.linkHint': 'Was the whole link copied?',
  'refusal.core.servers': 'the number of servers must be a whole number from 1 to {max}',
  'refusal.core.electionTimeout': 'the election timeout is not a range (minimum, then maximum)',
  'refusal.core.latency': 'the network latency is not a range (minimum, then maximum)',
  'refusal.core.timers': 'the heartbeat, RPC and client timeouts must be at least 1 ms',
  'refusal.core.members': 'the voting members must be servers from S1 to S{servers}',
  'refusal.core.leaseNeedsCheckQuorum':
    'reads under a lease need CheckQuorum (a leader that lost its majority must step down first)',
  'refusal.core.followerReadsNeedReadIndex':
    'reads at followers need reads by read index or under a lease, not through the log',
  'refusal.core.snapshotEvery':
    'the snapshot interval must be a whole number of entries (0 for never)',
  'refusal.core.initialCount':
    'the initial state must hold one server state per server ({servers})',
  'refusal.core.actionInPast':
    'an action at {at} is before the current time of the run ({now}); an action cannot change the past',
  'refusal.core.unknown': 'the simulator refused it',
  'notice.coreRefused': 'The simulator refused that: {reason}',
} as const;

export type RefusalKey = keyof typeof REFUSALS_EN;

export const REFUSALS_ES: Record<RefusalKey, string> = {
  'refusal.field': '{path}: {problem}',
  'refusal.path.scenario': 'escenario',
  'refusal.got.nothing': 'nada',
  'refusal.got.list': 'una lista de {n}',
  'refusal.got.object': 'un objeto',
  'refusal.servers.one': '1 servidor',
  'refusal.servers.many': '{n} servidores',
  'refusal.unit.chars': 'caracteres',
  'refusal.unit.items': 'elementos',
  'refusal.size.mb': '{n} MB',
  'refusal.size.kb': '{n} KB',
  'refusal.size.bytes': '{n} bytes',
  'refusal.grammar':
    'se espera set K V, get K, del K, incr K, cas K VIEJO NUEVO o noop, donde K tiene de 1 a 120 y V de 1 a 64 de A-Z a-z 0-9 _ . : / -',
  'refusal.problem.unknownField': 'no es un campo conocido',
  'refusal.problem.required': 'es obligatorio',
  'refusal.problem.requiredAction': 'es obligatorio (uno de: {known})',
  'refusal.problem.unknownAction': 'acción desconocida {got} (conocidas: {known})',
  'refusal.problem.number': 'debe ser un número (recibido: {got})',
  'refusal.problem.integer': 'debe ser un número entero (recibido: {got})',
  'refusal.problem.text': 'debe ser un texto (recibido: {got})',
  'refusal.problem.boolean': 'debe ser true o false (recibido: {got})',
  'refusal.problem.list': 'debe ser una lista (recibido: {got})',
  'refusal.problem.object': 'debe ser un objeto (recibido: {got})',
  'refusal.problem.atLeast': 'debe ser como mínimo {min} (recibido: {got})',
  'refusal.problem.atMost': 'debe ser como máximo {max} (recibido: {got})',
  'refusal.problem.maxLength': 'debe tener como máximo {limit} {unit} (tiene {length})',
  'refusal.problem.minLength': 'debe tener como mínimo {limit} {unit} (tiene {length})',
  'refusal.problem.exactItems': 'debe tener exactamente {count} elementos (tiene más)',
  'refusal.problem.untilForm':
    'debe ser { "atMs": MS }, { "afterMs": MS } o { "event": NOMBRE, "server"?, "term"?, "index"? } (recibido: {got})',
  'refusal.problem.captionForm':
    'debe ser un texto o un objeto de textos por idioma ({ "en": ..., "es": ..., "pt": ... }) (recibido: {got})',
  'refusal.problem.noForm': 'no encaja en ninguna de sus formas permitidas (recibido: {got})',
  'refusal.problem.oneOf': 'debe ser uno de {options} (recibido: {got})',
  'refusal.problem.minAboveMax': 'el mínimo no puede superar al máximo (recibido: {pair})',
  'refusal.problem.ratio': 'una proporción [n, d] necesita n <= d (recibido: {pair})',
  'refusal.problem.sameServer': 'un enlace une dos servidores distintos (recibido: {pair})',
  'refusal.problem.notCommand': 'no es un comando (recibido: {got}); {grammar}',
  'refusal.problem.notLogCommand':
    'no es un comando (recibido: {got}); {grammar}, o una configuración como config 1,2,3 o config 1,2,3 -> 1,2,3,4,5 learners 6',
  'refusal.problem.sameBugTwice': 'nombra dos veces el mismo fallo didáctico',
  'refusal.problem.sameServerTwice': 'nombra dos veces el mismo servidor',
  'refusal.problem.endpointZero': 'debe ser un servidor (1, 2, ...) o un cliente (-1 es C1), no 0',
  'refusal.problem.newerVersion':
    'creado por un Raft Lab más reciente (v{version}); esta versión lee v{reads}',
  'refusal.problem.version': 'debe ser {expected} (recibido: {got})',
  'refusal.problem.noServer': 'el servidor {server} no existe (este escenario tiene {count})',
  'refusal.problem.inTwoGroups': 'el servidor {server} está en más de un grupo',
  'refusal.problem.inNoGroup':
    'el servidor {server} no está en ningún grupo (los grupos deben cubrir cada servidor exactamente una vez)',
  'refusal.problem.leaseNeedsCheckQuorum':
    '"lease" necesita config.checkQuorum: true (un líder aislado de su mayoría debe dejar de liderar antes de que su lease pueda engañar a un lector)',
  'refusal.problem.followerReadsNeedReadIndex':
    'true necesita config.reads "readIndex" o "lease" (un seguidor pide al líder un índice de lectura; por el registro, toda lectura va al líder)',
  'refusal.problem.termDecreases':
    'el mandato {term} es menor que el mandato {previous} de la entrada anterior (los mandatos de un registro nunca bajan)',
  'refusal.problem.termAboveServer':
    'el mandato {term} es mayor que el mandato {serverTerm} del servidor',
  'refusal.problem.onePerServer':
    'debe tener una entrada por servidor (este escenario tiene {count}; recibidas: {length})',
  'refusal.problem.viewTooFar':
    'la posición está demasiado avanzada en la ejecución para reproducirla ({steps} eventos; un enlace admite como máximo {max})',
  'refusal.problem.invalid': 'no es válido',
  'refusal.json.endOfText': 'el texto termina antes de tiempo',
  'refusal.json.controlCharacter':
    'carácter de control dentro de una cadena (escríbelo como \\n, \\t, ...)',
  'refusal.json.badEscape': 'secuencia de escape no válida en una cadena',
  'refusal.json.unterminatedString': 'cadena sin cerrar',
  'refusal.json.expectedValue': 'se esperaba un valor',
  'refusal.json.expectedValueComma': 'se esperaba un valor (¿sobra la coma anterior?)',
  'refusal.json.expectedValueQuotes': 'se esperaba un valor (usa comillas dobles)',
  'refusal.json.expectedKey': 'se esperaba un nombre de propiedad entre comillas dobles',
  'refusal.json.expectedColon': "se esperaba ':' tras un nombre de propiedad",
  'refusal.json.textAfterEnd': 'hay texto después del final del valor JSON',
  'refusal.json.expectedCommaOrBrace': "se esperaba ',' o '}' tras el valor de una propiedad",
  'refusal.json.expectedCommaOrBracket': "se esperaba ',' o ']' tras un elemento de una lista",
  'refusal.textTooLarge':
    'demasiado grande: {size} de texto (un escenario ocupa como máximo {limit})',
  'refusal.malformedJson': 'JSON mal formado en la línea {line}, columna {column}: {problem}',
  'refusal.malformedJsonSomewhere': 'JSON mal formado',
  'refusal.fileTooLarge': 'demasiado grande ({size}; un escenario ocupa como máximo {limit})',
  'refusal.fileNotUtf8': 'no es texto UTF-8 (¿es un archivo .json de escenario?)',
  'refusal.fileUnreadable': 'el navegador no pudo leerlo',
  'refusal.notALink': 'no es un enlace de Raft Lab: no tiene la parte "#s="',
  'refusal.noLinkVersion':
    'no es un enlace de Raft Lab: el contenido no empieza por una versión como "v1."',
  'refusal.newerLink':
    'creado por un Raft Lab más reciente (v{version}); esta versión lee v{reads}',
  'refusal.unknownLinkVersion': 'versión de enlace desconocida: v{version}',
  'refusal.checksumMissing': 'cortado: falta la suma de comprobación al final del enlace',
  'refusal.checksumIncomplete':
    'cortado: la suma de comprobación al final del enlace está incompleta',
  'refusal.checksumMalformed':
    'dañado: la suma de comprobación al final del enlace debe tener 8 dígitos hexadecimales',
  'refusal.checksumMismatch': 'dañado: la suma de comprobación no coincide',
  'refusal.linkTooLong':
    'demasiado largo: {chars} caracteres (un enlace admite como máximo {limit})',
  'refusal.inputTooLong': 'demasiado largo: {chars} caracteres',
  'refusal.base64Length': 'cortado o dañado: la longitud en base64url no es válida',
  'refusal.base64Character': 'dañado: el carácter {position} de los datos no es base64url',
  'refusal.unpackedTooLarge': 'demasiado grande al descomprimirlo (más de {size})',
  'refusal.compressedInvalid': 'dañado: los datos comprimidos no son válidos o están incompletos',
  'refusal.contentNotUtf8': 'dañado: el contenido no es texto UTF-8',
  'refusal.tooLargeForLink':
    'el escenario es demasiado grande para un enlace ({chars} caracteres; como máximo {limit}); compártelo como archivo',
  'refusal.runNotShareable': 'esta ejecución no se puede compartir: {reason}',
  'refusal.linkHint': '¿Se copió el enlace entero?',
  'refusal.core.servers': 'el número de servidores debe ser un entero de 1 a {max}',
  'refusal.core.electionTimeout':
    'el timeout de elección no es un intervalo (mínimo y luego máximo)',
  'refusal.core.latency': 'la latencia de la red no es un intervalo (mínimo y luego máximo)',
  'refusal.core.timers': 'el latido y los timeouts de RPC y de cliente deben durar al menos 1 ms',
  'refusal.core.members': 'los miembros con voto deben ser servidores de S1 a S{servers}',
  'refusal.core.leaseNeedsCheckQuorum':
    'las lecturas con lease necesitan CheckQuorum (un líder que pierde su mayoría debe dejar de liderar antes)',
  'refusal.core.followerReadsNeedReadIndex':
    'las lecturas en seguidores necesitan lecturas por índice de lectura o con lease, no por el registro',
  'refusal.core.snapshotEvery':
    'el intervalo entre instantáneas debe ser un número entero de entradas (0 para nunca)',
  'refusal.core.initialCount': 'el estado inicial debe tener un estado por servidor ({servers})',
  'refusal.core.actionInPast':
    'una acción en {at} es anterior al instante actual de la ejecución ({now}); una acción no puede cambiar el pasado',
  'refusal.core.unknown': 'el simulador lo rechazó',
  'notice.coreRefused': 'El simulador lo rechazó: {reason}',
};

export const REFUSALS_PT: Record<RefusalKey, string> = {
  'refusal.field': '{path}: {problem}',
  'refusal.path.scenario': 'cenário',
  'refusal.got.nothing': 'nada',
  'refusal.got.list': 'uma lista de {n}',
  'refusal.got.object': 'um objeto',
  'refusal.servers.one': '1 servidor',
  'refusal.servers.many': '{n} servidores',
  'refusal.unit.chars': 'caracteres',
  'refusal.unit.items': 'itens',
  'refusal.size.mb': '{n} MB',
  'refusal.size.kb': '{n} KB',
  'refusal.size.bytes': '{n} bytes',
  'refusal.grammar':
    'espera-se set K V, get K, del K, incr K, cas K ANTIGO NOVO ou noop, onde K tem de 1 a 120 e V de 1 a 64 de A-Z a-z 0-9 _ . : / -',
  'refusal.problem.unknownField': 'não é um campo conhecido',
  'refusal.problem.required': 'é obrigatório',
  'refusal.problem.requiredAction': 'é obrigatório (um de: {known})',
  'refusal.problem.unknownAction': 'ação desconhecida {got} (conhecidas: {known})',
  'refusal.problem.number': 'deve ser um número (recebido: {got})',
  'refusal.problem.integer': 'deve ser um número inteiro (recebido: {got})',
  'refusal.problem.text': 'deve ser um texto (recebido: {got})',
  'refusal.problem.boolean': 'deve ser true ou false (recebido: {got})',
  'refusal.problem.list': 'deve ser uma lista (recebido: {got})',
  'refusal.problem.object': 'deve ser um objeto (recebido: {got})',
  'refusal.problem.atLeast': 'deve ser no mínimo {min} (recebido: {got})',
  'refusal.problem.atMost': 'deve ser no máximo {max} (recebido: {got})',
  'refusal.problem.maxLength': 'deve ter no máximo {limit} {unit} (tem {length})',
  'refusal.problem.minLength': 'deve ter no mínimo {limit} {unit} (tem {length})',
  'refusal.problem.exactItems': 'deve ter exatamente {count} itens (tem mais)',
  'refusal.problem.untilForm':
    'deve ser { "atMs": MS }, { "afterMs": MS } ou { "event": NOME, "server"?, "term"?, "index"? } (recebido: {got})',
  'refusal.problem.captionForm':
    'deve ser um texto ou um objeto de textos por idioma ({ "en": ..., "es": ..., "pt": ... }) (recebido: {got})',
  'refusal.problem.noForm':
    'não se encaixa em nenhuma das suas formas permitidas (recebido: {got})',
  'refusal.problem.oneOf': 'deve ser um de {options} (recebido: {got})',
  'refusal.problem.minAboveMax': 'o mínimo não pode passar do máximo (recebido: {pair})',
  'refusal.problem.ratio': 'uma proporção [n, d] precisa de n <= d (recebido: {pair})',
  'refusal.problem.sameServer': 'um link une dois servidores diferentes (recebido: {pair})',
  'refusal.problem.notCommand': 'não é um comando (recebido: {got}); {grammar}',
  'refusal.problem.notLogCommand':
    'não é um comando (recebido: {got}); {grammar}, ou uma configuração como config 1,2,3 ou config 1,2,3 -> 1,2,3,4,5 learners 6',
  'refusal.problem.sameBugTwice': 'nomeia duas vezes a mesma falha didática',
  'refusal.problem.sameServerTwice': 'nomeia duas vezes o mesmo servidor',
  'refusal.problem.endpointZero': 'deve ser um servidor (1, 2, ...) ou um cliente (-1 é C1), não 0',
  'refusal.problem.newerVersion':
    'feito por um Raft Lab mais novo (v{version}); esta versão lê v{reads}',
  'refusal.problem.version': 'deve ser {expected} (recebido: {got})',
  'refusal.problem.noServer': 'o servidor {server} não existe (este cenário tem {count})',
  'refusal.problem.inTwoGroups': 'o servidor {server} está em mais de um grupo',
  'refusal.problem.inNoGroup':
    'o servidor {server} não está em nenhum grupo (os grupos devem cobrir cada servidor exatamente uma vez)',
  'refusal.problem.leaseNeedsCheckQuorum':
    '"lease" precisa de config.checkQuorum: true (um líder isolado da sua maioria deve deixar de liderar antes que seu lease possa enganar um leitor)',
  'refusal.problem.followerReadsNeedReadIndex':
    'true precisa de config.reads "readIndex" ou "lease" (um seguidor pede ao líder um índice de leitura; pelo log, toda leitura vai ao líder)',
  'refusal.problem.termDecreases':
    'o mandato {term} é menor que o mandato {previous} da entrada anterior (os mandatos de um log nunca diminuem)',
  'refusal.problem.termAboveServer':
    'o mandato {term} é maior que o mandato {serverTerm} do servidor',
  'refusal.problem.onePerServer':
    'deve ter uma entrada por servidor (este cenário tem {count}; recebidas: {length})',
  'refusal.problem.viewTooFar':
    'a posição está avançada demais na execução para reproduzi-la ({steps} eventos; um link comporta no máximo {max})',
  'refusal.problem.invalid': 'não é válido',
  'refusal.json.endOfText': 'o texto termina antes da hora',
  'refusal.json.controlCharacter':
    'caractere de controle dentro de uma string (escreva-o como \\n, \\t, ...)',
  'refusal.json.badEscape': 'sequência de escape inválida em uma string',
  'refusal.json.unterminatedString': 'string sem fechamento',
  'refusal.json.expectedValue': 'esperava-se um valor',
  'refusal.json.expectedValueComma': 'esperava-se um valor (sobrou a vírgula anterior?)',
  'refusal.json.expectedValueQuotes': 'esperava-se um valor (use aspas duplas)',
  'refusal.json.expectedKey': 'esperava-se um nome de propriedade entre aspas duplas',
  'refusal.json.expectedColon': "esperava-se ':' depois de um nome de propriedade",
  'refusal.json.textAfterEnd': 'há texto depois do fim do valor JSON',
  'refusal.json.expectedCommaOrBrace': "esperava-se ',' ou '}' depois do valor de uma propriedade",
  'refusal.json.expectedCommaOrBracket': "esperava-se ',' ou ']' depois de um item de uma lista",
  'refusal.textTooLarge': 'grande demais: {size} de texto (um cenário ocupa no máximo {limit})',
  'refusal.malformedJson': 'JSON malformado na linha {line}, coluna {column}: {problem}',
  'refusal.malformedJsonSomewhere': 'JSON malformado',
  'refusal.fileTooLarge': 'grande demais ({size}; um cenário ocupa no máximo {limit})',
  'refusal.fileNotUtf8': 'não é texto UTF-8 (é um arquivo .json de cenário?)',
  'refusal.fileUnreadable': 'o navegador não conseguiu lê-lo',
  'refusal.notALink': 'não é um link do Raft Lab: não tem a parte "#s="',
  'refusal.noLinkVersion':
    'não é um link do Raft Lab: o conteúdo não começa com uma versão como "v1."',
  'refusal.newerLink': 'feito por um Raft Lab mais novo (v{version}); esta versão lê v{reads}',
  'refusal.unknownLinkVersion': 'versão de link desconhecida: v{version}',
  'refusal.checksumMissing': 'cortado: falta a soma de verificação no fim do link',
  'refusal.checksumIncomplete': 'cortado: a soma de verificação no fim do link está incompleta',
  'refusal.checksumMalformed':
    'danificado: a soma de verificação no fim do link deve ter 8 dígitos hexadecimais',
  'refusal.checksumMismatch': 'danificado: a soma de verificação não confere',
  'refusal.linkTooLong': 'longo demais: {chars} caracteres (um link comporta no máximo {limit})',
  'refusal.inputTooLong': 'longo demais: {chars} caracteres',
  'refusal.base64Length': 'cortado ou danificado: o comprimento em base64url é inválido',
  'refusal.base64Character': 'danificado: o caractere {position} dos dados não é base64url',
  'refusal.unpackedTooLarge': 'grande demais ao descompactar (mais de {size})',
  'refusal.compressedInvalid': 'danificado: os dados compactados são inválidos ou incompletos',
  'refusal.contentNotUtf8': 'danificado: o conteúdo não é texto UTF-8',
  'refusal.tooLargeForLink':
    'o cenário é grande demais para um link ({chars} caracteres; no máximo {limit}); compartilhe-o como arquivo',
  'refusal.runNotShareable': 'esta execução não pode ser compartilhada: {reason}',
  'refusal.linkHint': 'O link foi copiado inteiro?',
  'refusal.core.servers': 'o número de servidores deve ser um inteiro de 1 a {max}',
  'refusal.core.electionTimeout':
    'o timeout de eleição não é um intervalo (mínimo e depois máximo)',
  'refusal.core.latency': 'a latência da rede não é um intervalo (mínimo e depois máximo)',
  'refusal.core.timers': 'o heartbeat e os timeouts de RPC e de cliente devem durar ao menos 1 ms',
  'refusal.core.members': 'os membros votantes devem ser servidores de S1 a S{servers}',
  'refusal.core.leaseNeedsCheckQuorum':
    'leituras com lease precisam de CheckQuorum (um líder que perde sua maioria deve deixar de liderar antes)',
  'refusal.core.followerReadsNeedReadIndex':
    'leituras em seguidores precisam de leituras por índice de leitura ou com lease, não pelo log',
  'refusal.core.snapshotEvery':
    'o intervalo entre snapshots deve ser um número inteiro de entradas (0 para nunca)',
  'refusal.core.initialCount': 'o estado inicial deve ter um estado por servidor ({servers})',
  'refusal.core.actionInPast':
    'uma ação em {at} é anterior ao instante atual da execução ({now}); uma ação não pode mudar o passado',
  'refusal.core.unknown': 'o simulador a recusou',
  'notice.coreRefused': 'O simulador recusou isso: {reason}',
};
