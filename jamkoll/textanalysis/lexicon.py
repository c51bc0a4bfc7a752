"""Swedish word lists shared by the detectors (all lower-case)."""

import re

SEX_WORDS = frozenset(
    """kvinnor kvinnorna kvinnornas kvinna kvinnan kvinnors kvinnliga
    män männen männens mäns manliga
    flickor flickorna flickornas flickors flicka
    pojkar pojkarna pojkarnas pojkars pojke
    tjejer tjejerna killar killarna mammor pappor""".split()
)
FEMALE = frozenset(
    "kvinnor kvinnorna kvinnornas kvinna kvinnan kvinnors kvinnliga flickor "
    "flickorna flickornas flickors flicka tjejer tjejerna mammor".split()
)

# Nouns (or noun-like adjectives) denoting people. Matched on whole tokens and
# as the last part of compounds (e.g. "gymnasieelever", "statsanställda").
PEOPLE_SUFFIXES = tuple(
    """elever eleverna elev eleven elevs brukare brukarna patienter patienterna
    patient invånare invånarna medborgare medborgarna anställda anställde
    medarbetare medarbetarna personal personalen deltagare deltagarna barn barnen
    ungdomar ungdomarna unga personer personerna person sökande besökare
    besökarna kunder kunderna hushåll hushållen svenskar studenter studenterna
    studerande lärare lärarna rektorer chefer chefen ledamöter ledamöterna
    pensionärer äldre vuxna arbetslösa nyanlända flyktingar invandrare
    asylsökande klienter klienterna vårdtagare mottagare mottagarna föräldrar
    föräldrarna familjer familjerna medlemmar medlemmarna användare användarna
    resenärer respondenter svarande tillfrågade pendlare hyresgäster sjukskrivna
    niondeklassare högstadieelever årsarbetare årsarbeten heltidstjänster
    befolkningen befolkning folkmängd individer individerna boende läkare
    sjuksköterskor undersköterskor politiker förtroendevalda ordförande
    företagare lantbrukare arbetstagare deltagarna ensamkommande""".split()
)
PEOPLE_WORDS = frozenset(PEOPLE_SUFFIXES) - {"individer", "individerna"}
# Compound heads accepted at the end of a longer word.
PEOPLE_COMPOUND_RE = re.compile(
    r"(?:elever|eleverna|brukare|patienter|invånare|anställda|medarbetare|"
    r"deltagare|ungdomar|personer|sökande|besökare|studerande|studenter|lärare|"
    r"mottagare|klienter|pensionärer|föräldrar|familjer|medlemmar|användare|"
    r"tagare|arbetare|barn|barnen|ledamöter|ledamöterna|chefer|resenärer|"
    r"boende|elever|sjuksköterskor|klassare)$"
)
# Heads that look like people words but are not (things, places, animals).
NOT_PEOPLE_WORDS = frozenset(
    "barnkonventionen barnbidrag barnomsorg barnomsorgen".split()
)

ADJ_PEOPLE = frozenset(
    "unga äldre vuxna anställda arbetslösa nyanlända sjukskrivna boende "
    "sökande studerande svarande tillfrågade ensamkommande".split()
)

FUNCTION_WORDS = frozenset(
    """och eller samt i på av för med till från som är var har hade blev
    inom under över vid mot utan om att det den de en ett än men så kan ska
    skulle varav vilket vilka medan där när bland per jämfört""".split()
)

MONEY_UNITS = frozenset(
    """kr kronor kronorna kronor/år sek mkr mnkr tkr mdkr mdr miljarder
    miljarderna miljonerna euro eur dollar usd öre kr/invånare""".split()
)
MAGNITUDES = frozenset("miljoner miljon tusen hundra miljard".split())
NON_PEOPLE_UNITS = frozenset(
    """år års årig åriga åring åringar årsåldern åldern ålder timmar timme
    timmarna dagar dag dagarna veckor vecka månader månad minuter minut
    sekunder gånger gång meter km kvm kvadratmeter m2 ton kg liter mil ha
    hektar gwh mwh kwh poäng platser platserna lägenheter bostäder
    procentenheter""".split()
) - {"procentenheter"}
MONTHS = frozenset(
    """januari februari mars april maj juni juli augusti september oktober
    november december jan feb mar apr jun jul aug sep sept okt nov dec""".split()
)
PRECEDING_NON_FIGURE = frozenset(
    """år året åren årskurs åk klass kapitel kap avsnitt sida sidan s bilaga
    punkt mål målet delmål nr nummer paragraf steg nivå fas vecka tertial
    kvartal version dnr sfs prop lag förordning kl klockan den mellan
    artikel art""".split()
)
TARGET_PRECEDERS = frozenset("minst högst max maximalt maximum".split())
PERCENT_WORDS = frozenset("% procent procentenheter procentenhet".split())
NUMBER_WORDS = frozenset(
    """två tre fyra fem sex sju åtta nio tio elva tolv tretton fjorton femton
    sexton tjugo trettio fyrtio femtio sextio sjuttio åttio nittio hundra
    tusen hälften tredjedel tredjedelar fjärdedel fjärdedelar""".split()
)
ORDINALS = frozenset(
    "annan tredje fjärde femte sjätte sjunde åttonde nionde tionde".split()
)
CLAUSE_BREAKS = frozenset(
    ", ; : ( ) | varav medan men vilket vilka samtidigt".split()
)
