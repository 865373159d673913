"""workflows/budgetprocess.bpmn: one instance per budget year (variable budgetar), FINSAM 21, 23 and 24 §§."""

from bpmnlayout import RULE_PASSED, Process, user_task

K, T = "kansli", "styrelse"


def days(n):
    return "${arbetsdagar(%d)}" % n


def date(year_offset, month, day):
    """A date in the year budgetar + year_offset (budgetar is a whole number, DateOnly wants an int)."""
    sign = f" + {year_offset}" if year_offset > 0 else f" - {-year_offset}" if year_offset < 0 else ""
    return "${DateOnly(Convert.ToInt32(budgetar)%s, %d, %d)}" % (sign, month, day)


def senast(year_offset, month, day):
    """A "senast D" deadline: due at the end of D, Stockholm time (senast() in the expressions)."""
    return "${senast(%s)}" % date(year_offset, month, day)[2:-1]


RULES = [
    ("budgetbeslut", "budgetbeslut", "Antagen i tid efter samråd",
     "FINSAM 23 §: budgeten för nästa år antas senast 30 november, efter samråd med varje medlem."),
    ("balanskrav", "balanskrav", "Balanskrav",
     "KL 11 kap. 5 § via FINSAM 21 §: intäkterna ska överstiga kostnaderna."),
    ("medlemsandelar", "medlemsandelar", "Andelar per medlem",
     "FINSAM 5 § och 5 a §: staten hälften, regionerna en fjärdedel, kommunerna en fjärdedel."),
]


def build():
    p = Process("budgetprocess", "Budgetprocess", "Förbundets budget för ett år",
                [(K, "Kansli", 3), (T, "Styrelse", 3)],
                documentation="En instans per budgetår (variabeln budgetar): samråd med varje medlem, budgetförslag, "
                              "publicering på webbplatsen, styrelsens antagande senast 30 november året före budgetåret "
                              "och årsredovisningen senast 31 mars året efter. Se workflows/README.md.")


    def gate(decision, result, title, ground, col, back, lane=K, as_of="${antagenDatum}"):
        task = p.add("businessRuleTask", f"regel_{decision}", f"Regelkontroll: {title}", lane, col,
                     attrs={"camunda:resultVariable": result, "camunda:decisionRef": decision},
                     props={"asOf": as_of},
                     doc=f"Regelverk {decision}. {ground} Resultatet sparas i {result}: passed, och output med fel, varningar och rättslig grund.")
        gw = p.add("exclusiveGateway", f"regel_{decision}", "Uppfylld?", lane, col + 1)
        p.flow(task, gw)
        p.flow(gw, back, "nej", default=True)
        return task, gw, RULE_PASSED % result

    def underlag(key, name, decisions, col):
        props = {"regelverk": ",".join(decisions)} if decisions else {}
        return p.add("serviceTask", f"underlag_{key}", name, K, col, attrs={"camunda:type": "budgetunderlag"}, props=props,
                     doc="Läser förbundets medlemmar och årsbudgeten för budgetar ur domänen och lägger dem i processvariabler "
                         "(medlemmar, och indata för regelverken i egenskapen regelverk).")

    start = p.add("startEvent", "budgetarbete_startar", "Budgetarbetet startar", K, 0)
    medlemmar = underlag("medlemmar", "Läs in medlemmarna", [], 1)
    samrad = user_task(p, "samrad", "Samråd med medlem", K, 2, "budgetsamrad", "kansli", days(30), days(30), days(35),
                       loop=("${medlemmar}", "medlem", False),
                       doc="FINSAM 23 §: samråd med varje medlem före antagandet (parallell multi-instans över medlemmar; "
                           "formuläret registrerar samrådets datum).")
    forslag_in = p.add("exclusiveGateway", "budgetforslag_in", None, K, 4)
    forslag = user_task(p, "budgetforslag", "Ta fram budgetförslag", K, 5, "budgetforslag", "kansli",
                        days(15), days(15), days(20),
                        doc="KL 11 kap. 6 § via FINSAM 21 §: finansiering, resultat, finansiella mål, verksamhetsplan "
                            "och ekonomisk plan för tre år.")
    publicering = user_task(p, "publicering", "Publicera förslaget på webbplatsen", K, 7, "budgetpublicering", "kansli",
                            days(5), days(5), days(10),
                            doc="FINSAM 21 § med KL 8 kap. 14 §: förslaget publiceras på förbundets webbplats från den dag "
                                "sammanträdet där budgeten ska antas har tillkännagetts. Formuläret registrerar dag och adress.")
    antagande = user_task(p, "budgetantagande", "Anta budgeten", T, 9, "budgetantagande", "styrelse",
                          senast(-1, 11, 30), date(-1, 11, 1), date(-1, 11, 15), labels=("1 november", "15 november"),
                          doc="FINSAM 23 §: styrelsen antar budgeten senast 30 november året före budgetåret. "
                              "Sekreteraren registrerar sammanträdet, paragrafen och antagandedagen (antagenDatum).")
    u_antagande = underlag("antagande", "Läs in den antagna budgeten", [r[0] for r in RULES], 11)
    p.chain(start, medlemmar, samrad, forslag_in, forslag, publicering, antagande, u_antagande)
    previous, col = u_antagande, 12
    # A failed samråd gate: one task per medlem without samråd before the adoption, then the budget is checked again.
    # Both in the Kansli lane (the kansli records samråd): the gateway below the budget gate, the task in the free
    # columns under the adoption, so the loop back to "Läs in den antagna budgeten" is short.
    saknat = p.add("exclusiveGateway", "saknat_samrad", "Saknas samråd?", K, 12, row=1)
    registrera_samrad = user_task(p, "saknat_samrad", "Registrera samråd som saknas", K, 9, "budgetsamrad", "kansli",
                                  days(5), days(5), days(10), loop=("${saknadeSamrad}", "medlem", False),
                                  doc="FINSAM 23 §: regelkontrollen fann inget samråd före antagandet med medlemmen i "
                                      "saknadeSamrad (från budgetunderlag). Kansliet registrerar samrådet med just den "
                                      "medlemmen (en uppgift per medlem), och budgeten prövas igen.")
    p.flow(saknat, registrera_samrad, "ja", "${saknadeSamrad.Count > 0}")
    p.flow(saknat, forslag_in, "nej", default=True)
    p.flow(registrera_samrad, u_antagande)
    for decision, result, title, ground in RULES:
        task, gw, ok = gate(decision, result, title, ground, col, saknat if decision == "budgetbeslut" else forslag_in)
        if previous is u_antagande:
            p.flow(previous, task)
        else:
            p.flow(previous, task, "ja", ok_previous)
        previous, ok_previous, col = gw, ok, col + 2

    registrera = p.add("serviceTask", "beslut_budget", "Registrera antagen budget", K, col, attrs={"camunda:type": "beslut"},
                       props={"beslut": "budget"})
    p.flow(previous, registrera, "ja", ok_previous)
    arsslut = p.add("intermediateCatchEvent", "budgetaret_slut", "Budgetåret är slut", K, col + 1,
                    timer=("timeDate", date(1, 1, 1)))
    arsred = user_task(p, "arsredovisning", "Ta fram årsredovisning", K, col + 2, "arsredovisning", "kansli",
                       senast(1, 3, 1), date(1, 3, 1), date(1, 3, 15), labels=("1 mars", "15 mars"),
                       doc="Kansliet tar fram årsredovisningen så att styrelsen kan upprätta den i tid.")
    upprattande_in = p.add("exclusiveGateway", "arsredovisning_in", None, T, col + 4)
    upprattande = user_task(p, "arsredovisning_upprattad", "Upprätta årsredovisning", T, col + 5,
                            "arsredovisning-upprattad", "styrelse", senast(1, 3, 31), date(1, 3, 15), date(1, 3, 31),
                            labels=("15 mars", "31 mars"),
                            doc="FINSAM 24 §: styrelsen upprättar årsredovisningen inom tre månader från årets utgång. "
                                "Sekreteraren registrerar dagen (upprattadDatum).")
    u_ars = underlag("arsredovisning", "Läs in årsredovisningen", ["arsredovisning"], col + 7)
    p.chain(registrera, arsslut, arsred, upprattande_in, upprattande, u_ars)
    r_ars, g_ars, ok_ars = gate("arsredovisning", "arsredovisningITid", "Upprättad senast 31 mars",
                                "FINSAM 24 §: årsredovisningen inom tre månader från räkenskapsårets utgång.",
                                col + 8, upprattande_in, as_of=date(1, 3, 31))
    p.flow(u_ars, r_ars)
    end = p.add("endEvent", "arsredovisning_klar", "Budgetåret avslutat", K, col + 10)
    p.flow(g_ars, end, "ja", ok_ars)
    return p
