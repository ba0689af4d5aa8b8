// Place-name normalisation shared by the gazetteer build and the runtime index:
// case, diacritics, apostrophe and hyphen variants all fold to one search key.

const SPECIAL: Record<string, string> = {
  ł: 'l', Ł: 'l', ø: 'o', Ø: 'o', æ: 'ae', Æ: 'ae', œ: 'oe', Œ: 'oe', ß: 'ss', đ: 'd', Đ: 'd',
  ı: 'i', þ: 'th', Þ: 'th', ð: 'd', Ð: 'd', ħ: 'h', ŧ: 't', ŀ: 'l',
};
const SPECIAL_RE = /[łŁøØæÆœŒßđĐıþÞðÐħŧŀ]/g;

/** The search key of a name: lower case, no diacritics, no apostrophes, hyphens/dots/spaces folded to one space. */
export function normalizeName(name: string): string {
  // Fast path: plain ASCII letters and single spaces.
  if (/^~?[A-Za-z]+(?: [A-Za-z]+)*$/.test(name)) return name.toLowerCase();
  return name
    .replace(SPECIAL_RE, (c) => SPECIAL[c] ?? c)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’ʼ`´‘ʻ"”“]/g, '')
    .replace(/[\s\-‐‑‒–—_./,()]+/g, ' ')
    .trim();
}

/** True when the name is written in Latin script (letters, digits, punctuation, spaces only). */
export function isLatinName(name: string): boolean {
  return /^[\p{Script=Latin}\p{N}\s'’ʼ`´‘ʻ\-‐‑–—.,()&/]+$/u.test(name) && /\p{L}/u.test(name);
}

/**
 * Common English words (and calendar words, frequent given names) that are not place names by
 * themselves: the gazetteer build drops them as names of small towns; the recogniser does not
 * accept a feature ("International Market") whose only distinctive words are among them.
 */
const GENERIC = `
a about above across act action add after again against age ago agree air all almost alone along already also
although always am among an and animal another answer any anyone anything appear apply are area arm army around
arrive art as ask at attack away baby back bad bag ball bank bar base basin bath battle be bear beat beautiful
beauty because become bed been before begin behind being believe bell below best better between big bill bird
bit black blood blue board boat body bone book born both bottom box boy branch bread break bridge bright bring
broad brother brown build burn business busy but buy by call calm came camp can capital captain car card care
carry case cat catch cause cell center central centre chain chair chance change charge check chief child children
choice church circle city claim class clean clear climb close cloud club coast cold college colony color colour
come common company complete condition consider contain continue control cook cool copy corn corner cost could
count country course court cover cow crop cross crowd cry current cut dance dark day dead deal dear death decide
deep defence defense degree desert design did die different dinner direct do doctor does dog dollar done door
double down draw dream dress drink drive drop dry during duty each ear early earth east easy eat edge effect egg
eight either else end enemy energy enough enter equal even evening event ever every exact example except expect
experience eye face fact fair fall family famous far farm fast father fear feel feet fell few field fight figure
fill final find fine finger finish fire first fish five flat floor flow flower fly follow food foot for force
forest form fort fortune forward four free fresh friend from front fruit full fun game garden gas gate gather gave
general gentle get gift girl give glad glass go god gold gone good got govern government grand grass great green
grew ground group grow guard guess guide gun had hair half hall hand happen happy harbor harbour hard has hat have
he head health hear heart heat heavy held hello help her here high hill him his history hit hold hole holy home
hope horse hospital hot hotel hour house how however huge human hundred hunt hurry ice idea if in inch include
industry inside interest into iron is island it its job join joy judge jump just keep key kind king kiss knew
know lady lake land language large last late laugh law lay lead learn least leave left leg less let letter level
liberty lie life lift light like line lion list listen little live long look lord lost lot love low luck machine
made main major make man many map mark market mass master match matter may me mean meat meet member men middle
might mile milk mill mind mine minute miss modern moment money month moon more morning most mother mount mountain
mouth move much music must my name nation natural nature near need never new news next nice night nine no noble
noon nor north nose not note nothing notice now number object ocean of off offer office often oil old on once one
only open opportunity or order other our out over own page paint pair palace paper park part party pass past path
pay peace people perhaps person pick picture piece place plain plan plant play please plenty point police pool
poor port position possible post pound power present press pretty price prince problem produce prove public pull
push put queen question quick quiet quite race radio rain raise range rather reach read ready real reason record
red region remember repeat reply rest result return rich ride right ring rise river road rock room rose round rule
run safe said sail salt same sand save saw say school science sea season seat second see seed seem self sell send
sense sent serve set settle seven several shall shape share sharp she ship shop shore short should shout show side
sign silver simple since sing single sister sit six size sky sleep slow small snow so soft soil soldier some son
song soon sound south space speak special speed spend spot spring square stand star start state station stay steel
step still stone stop store story straight strange stream street strong student study such sugar summer sun
supply support sure surprise table tail take talk tall teach team tell temple ten term test than thank that the
their them then there these they thing think third this those though thought thousand three through throw thus
tie time tiny to today together told tomorrow too took top total touch tower town trade train travel tree trip
trouble true try turn twelve twenty two type under union unit until up upon us use usual valley value very view
village visit voice wait walk wall want war warm was wash watch water wave way we wealth wear weather week welcome
well went were west what wheel when where whether which while white who whole why wide wife wild will win wind
window winter wish with within without woman women wonder wood word work world would write wrong yard year yes yet
you young your zero
monday tuesday wednesday thursday friday saturday sunday january february march april june july august september
october november december
also among despite during per via amid towards upon
today yesterday tonight
mr mrs ms dr sir saint st
hope joy faith grace victory independence progress unity friendship harmony enterprise commerce
paradise eden el-nino la-nina
university justice media economy none sauce band chamber orange college academy institute
mary david john james michael robert william richard joseph thomas charles daniel paul mark george kyle leo allen scott
globe mobile hell java mac reserve catholic international world great public processing detention national federal global regional local royal? general former new? old? first second third
`;

export const GENERIC_WORDS: ReadonlySet<string> = new Set(
  GENERIC.split(/\s+/).filter((w) => w && !w.endsWith('?')).map((w) => w.replace(/-/g, ' ')),
);
