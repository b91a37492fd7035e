/**
 * Words too ordinary to be a pack's plain alias: a pack whose aliases were "the / a / and / data"
 * would make a recipe page look like AI news and paint every "the". A pack may still list one
 * under `ambiguousAliases` (highlighted only with evidence on the page). Compared in lower case.
 */
export const ORDINARY_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between
both but by can could did do does doing down during each few for from further had has have having he her here hers
herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on once
only or other our ours ourselves out over own same she should so some such than that the their theirs them
themselves then there these they this those through to too under until up very was we were what when where which
while who whom why will with would you your yours yourself yourselves new one two three first last next year years
day days time people company companies business market markets news report reports today said says say
data model models chip chips cloud compute computer computers software hardware system systems service services
network networks server servers agent agents app apps platform platforms product products tool tools device devices
memory storage power energy intelligence artificial learning machine machines neural deep open source code api
search chat assistant bot robot robots image images video videos voice text language languages research lab labs
team teams group fund funds capital ventures partners bank government state law laws policy rule rules act office
commission authority agency council board court center centre university institute foundation project program
world global national international digital online internet web mobile phone phones car cars health`.split(/\s+/),
);
