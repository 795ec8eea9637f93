import { any, rule, sgap, type Rule } from './rule-types';

// The commonest attacks in German, French, Spanish, Italian, Portuguese, Dutch, Russian, Chinese and
// Japanese. Written against the folded view: accents are gone ("precedentes", "instrucoes", "игнорируи").

const NB = '(?<![\\p{L}\\p{N}])'; // word start for scripts \b does not know
const NE = '(?![\\p{L}\\p{N}])';

export const multilingualRules: readonly Rule[] = [
  // German
  rule('de.override', 'override_instructions', 0.9,
    `\\b${any('ignoriere', 'ignorier', 'ignoriert', 'ignorieren sie', 'vergiss', 'vergessen sie', 'vergesst', 'missachte', 'missachten sie', 'uberspringe', 'verwirf', 'verwerfe', 'befolge nicht', 'befolgen sie nicht')}${sgap(3)}${any('alle', 'alles', 'vorherigen?', 'bisherigen?', 'obigen?', 'vorigen?', 'vorangegangenen?', 'fruheren?', 'deine', 'deiner', 'ihre', 'samtliche', 'bisher', 'die', 'jegliche')}${sgap(2)}?${any('anweisungen', 'anweisung', 'instruktionen', 'befehle', 'regeln', 'anordnungen', 'vorgaben', 'aufgaben', 'richtlinien', 'eingaben', 'informationen', 'prompts?', 'auftrage')}\\b`),
  rule('de.forget_all', 'override_instructions', 0.8,
    `\\b${any('vergiss', 'vergessen sie', 'vergesst', 'ignoriere', 'ignorieren sie')}\\W+${any('alles', 'das alles', 'all das', 'was (?:ich|wir) (?:gesagt|besprochen)')}\\b`),
  rule('de.new_task', 'override_instructions', 0.55,
    `\\b${any('neue', 'neuen', 'deine neue', 'deine eigentliche', 'deine wahre')}\\W+${any('anweisung', 'anweisungen', 'aufgabe', 'rolle', 'instruktionen')}\\W*${any(':', 'ist', 'lautet', 'sind', 'besteht')}`),
  rule('de.you_are_now', 'role_play_jailbreak', 0.3,
    `\\b(?:du\\W+bist\\W+${any('jetzt', 'nun', 'ab jetzt', 'ab sofort', 'von nun an')}|${any('jetzt', 'nun', 'ab jetzt', 'ab sofort')}\\W+bist\\W+du)\\b`),
  rule('de.praise_pivot', 'override_instructions', 0.4,
    `\\b${any('gut gemacht', 'sehr gut', 'super', 'toll', 'ausgezeichnet', 'das reicht', 'das ist genug', 'genug', 'hervorragend', 'prima', 'glückwunsch', 'gluckwunsch')}\\b[^\\n]{0,80}?\\b${any('jetzt', 'nun')}\\b[^\\n]{0,40}?\\b${any('neue', 'neuen', 'weitere', 'andere', 'nachste', 'folgende')}\\W+${any('aufgabe', 'aufgaben', 'anweisung', 'anweisungen')}\\b`),
  rule('de.no_limits', 'role_play_jailbreak', 0.3,
    `\\b${any('ohne', 'keine', 'keinerlei')}\\W+(?:${any('jegliche', 'alle', 'ethischen', 'moralischen')}\\W+)?${any('einschrankungen', 'filter', 'zensur', 'regeln', 'beschrankungen', 'richtlinien', 'grenzen')}\\b`),
  rule('de.reveal_prompt', 'system_prompt_exfiltration', 0.75,
    `\\b${any('zeig', 'zeige', 'zeigen sie', 'gib', 'geben sie', 'nenne', 'verrate', 'wiederhole', 'drucke', 'schreibe')}\\W+(?:mir\\W+|uns\\W+)?(?:\\w+\\W+){0,2}?${any('deinen', 'deine', 'ihren', 'ihre', 'den', 'die')}\\W+${any('system ?prompt', 'systemanweisungen?', 'prompt', 'anweisungen', 'instruktionen', 'ursprunglichen anweisungen', 'geheimen anweisungen')}\\b`),
  rule('de.password', 'secret_extraction', 0.4,
    `\\b${any('wie lautet', 'was ist', 'nenne mir', 'verrate mir', 'sag mir', 'gib mir')}\\W+(?:\\w+\\W+)?${any('das passwort', 'dein passwort', 'das kennwort', 'das geheimnis', 'den geheimcode')}\\b`),
  // French
  rule('fr.override', 'override_instructions', 0.85,
    `\\b${any('ignore', 'ignorez', 'ignorer', 'oublie', 'oubliez', 'oublier', 'ne tiens pas compte', 'ne tenez pas compte', 'neglige', 'negligez', 'fais abstraction', 'faites abstraction')}${sgap(3)}(?:${any('les', 'toutes les', 'tes', 'vos', 'des', 'tous les')}\\W+)${any('instructions', 'consignes', 'regles', 'directives', 'indications', 'ordres', 'commandes')}(?:\\W+\\w+){0,2}?\\W+${any('precedentes', 'ci-dessus', 'anterieures', 'precedents', "d'avant", 'initiales', 'recues', 'donnees')}\\b`),
  rule('fr.override_all', 'override_instructions', 0.8,
    `\\b${any('ignore', 'ignorez', 'oublie', 'oubliez')}\\W+${any('toutes tes', 'toutes vos', 'tout ce qui precede', 'tout ce que', 'tout ce qui', 'tout')}\\W+(?:${any('instructions', 'consignes', 'regles', "j'ai dit", 'on t\'a dit', 'precede', 'a ete dit')})?`),
  rule('fr.you_are_now', 'role_play_jailbreak', 0.3, `\\btu\\W+es\\W+${any('maintenant', 'desormais', 'a present', 'dorenavant')}\\b`),
  rule('fr.reveal_prompt', 'system_prompt_exfiltration', 0.75,
    `\\b${any('montre', 'montrez', 'affiche', 'affichez', 'revele', 'revelez', 'repete', 'repetez', 'donne', 'donnez', 'ecris', 'ecrivez')}(?:-moi|\\W+moi)?\\W+${any('ton', 'votre', 'tes', 'vos', 'le', 'les')}\\W+${any('prompt', 'invite', 'instructions', 'consignes')}(?:\\W+${any('systeme', 'initiales?', 'secretes?', 'cachees?')})?\\b`),
  rule('fr.no_limits', 'role_play_jailbreak', 0.3, `\\b${any('sans', 'aucune?')}\\W+(?:${any('aucune?', 'les')}\\W+)?${any('restrictions?', 'filtres?', 'censure', 'limites?', 'regles')}\\b`),
  // Spanish
  rule('es.override', 'override_instructions', 0.85,
    `\\b${any('ignora', 'ignore', 'ignorar', 'ignoren', 'olvida', 'olvide', 'olvidar', 'olviden', 'descarta', 'descarte', 'omite', 'omita', 'haz caso omiso de', 'no sigas', 'no sigan')}${sgap(3)}(?:${any('todas', 'las', 'tus', 'sus', 'todas las', 'todas tus')}\\W+)+${any('instrucciones', 'indicaciones', 'reglas', 'directrices', 'ordenes', 'normas', 'directivas')}\\b`),
  rule('es.forget_all', 'override_instructions', 0.75,
    `\\b${any('olvida', 'olvide', 'olviden', 'ignora', 'ignore')}\\W+${any('todo lo anterior', 'todo lo que', 'todo', 'lo anterior')}\\b`),
  rule('es.you_are_now', 'role_play_jailbreak', 0.3, `\\b${any('ahora eres', 'a partir de ahora eres', 'desde ahora eres', 'ahora seras')}\\b`),
  rule('es.reveal_prompt', 'system_prompt_exfiltration', 0.75,
    `\\b${any('muestra', 'muestrame', 'revela', 'revelame', 'repite', 'dime', 'imprime', 'escribe')}\\W+(?:\\w+\\W+)?${any('tu', 'tus', 'el', 'las', 'su', 'sus')}\\W+${any('prompt', 'instrucciones', 'indicaciones')}(?:\\W+${any('del sistema', 'de sistema', 'iniciales', 'originales', 'secretas', 'ocultas')})?\\b`),
  rule('es.no_limits', 'role_play_jailbreak', 0.3, `\\bsin\\W+(?:${any('ninguna', 'ningun', 'las')}\\W+)?${any('restricciones', 'filtros', 'censura', 'limites', 'reglas')}\\b`),
  // Italian
  rule('it.override', 'override_instructions', 0.85,
    `\\b${any('ignora', 'ignorate', 'ignori', 'dimentica', 'dimenticate', 'dimentichi', 'tralascia', 'non seguire')}${sgap(3)}(?:${any('tutte', 'le', 'tue', 'sue', 'tutte le', 'tutte le tue')}\\W+)+${any('istruzioni', 'regole', 'indicazioni', 'direttive')}\\b`),
  rule('it.forget_all', 'override_instructions', 0.75, `\\b${any('dimentica', 'dimenticate', 'ignora')}\\W+${any('tutto', 'quanto detto')}\\b`),
  // Portuguese
  rule('pt.override', 'override_instructions', 0.85,
    `\\b${any('ignore', 'ignora', 'ignorar', 'esqueca', 'esquece', 'esquecer', 'desconsidere', 'desconsiderar', 'nao siga')}${sgap(3)}(?:${any('todas', 'as', 'suas', 'tuas', 'todas as')}\\W+)+${any('instrucoes', 'regras', 'orientacoes', 'diretrizes', 'ordens', 'indicacoes')}\\b`),
  rule('pt.forget_all', 'override_instructions', 0.75, `\\b${any('esqueca', 'esquece', 'ignore')}\\W+${any('tudo', 'o que foi dito')}\\b`),
  // Dutch
  rule('nl.override', 'override_instructions', 0.85,
    `\\b${any('negeer', 'vergeet', 'negeren')}${sgap(3)}(?:${any('alle', 'de', 'je', 'jouw', 'vorige', 'eerdere', 'voorgaande', 'bovenstaande')}\\W+)+${any('instructies', 'regels', 'opdrachten', 'aanwijzingen')}\\b`),
  // Russian (folded: й -> и, ё -> е)
  rule('ru.override', 'override_instructions', 0.85,
    `${NB}${any('игнорируи', 'игнорируите', 'проигнорируи', 'забудь', 'забудьте', 'не обращаи внимания на', 'отбрось', 'пропусти')}${sgap(3)}(?:${any('все', 'всех', 'предыдущие', 'прошлые', 'прежние', 'вышеуказанные', 'свои', 'твои', 'данные')}\\s+)*${any('инструкции', 'инструкциях', 'указания', 'правила', 'команды', 'ограничения')}${NE}`,
    { unicode: true }),
  rule('ru.forget_all', 'override_instructions', 0.7, `${NB}${any('забудь', 'забудьте')}\\s+${any('все', 'всё', 'обо всем')}${NE}`, { unicode: true }),
  // Chinese
  rule('zh.override', 'override_instructions', 0.85,
    `${any('忽略', '无视', '忽视', '忘记', '忘掉', '不要理会', '不理会', '跳过', '不要遵守', '不要遵循', '别管')}(?:掉)?(?:${any('之前', '以前', '先前', '上面', '上述', '以上', '前面', '所有', '全部', '你的', '原来', '原有', '系统')}的?){1,3}(?:所有|全部)?的?${any('指令', '指示', '说明', '规则', '提示', '命令', '要求', '设定', '内容', '限制', '约束')}`),
  rule('zh.reveal_prompt', 'system_prompt_exfiltration', 0.75,
    `${any('显示', '输出', '告诉我', '重复', '打印', '透露', '泄露', '给我看')}(?:一下|出)?(?:你的|你收到的)?${any('系统提示', '提示词', '初始指令', '系统指令', '系统消息', '原始指令', '初始提示')}`),
  rule('zh.no_limits', 'role_play_jailbreak', 0.35, `${any('没有任何', '不受任何', '摆脱', '无视所有', '不受')}(?:的)?${any('限制', '约束', '道德', '规则', '审查', '过滤')}`),
  // Japanese
  rule('ja.override', 'override_instructions', 0.85,
    `${any('以前', '前', '上記', 'これまで', 'すべて', '全て', '今まで')}の${any('指示', '命令', 'ルール', '指令', '設定')}(?:は|を)?(?:すべて|全て)?${any('無視', '忘れ')}`),
];
