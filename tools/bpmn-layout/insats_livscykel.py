"""workflows/insats-livscykel.bpmn: an insats from idé to avslut (DESIGN.md, "The insats lifecycle")."""

from bpmnlayout import RULE_PASSED, Process, user_task

# The sökande's steps go to the insats's kontaktpersoner (their e-post, set by registrera-insats and insatsunderlag).
SOKANDE = "${sokande}"
# One yttrande per medlem, to that medlem's own representatives.
MEDLEMMENS_GRUPP = '${"medlem:" + medlem}'

S, K, B, T = "sokande", "kansli", "beredningsgrupp", "styrelse"

# regelverk folders in rules/ (camunda:decisionRef) and the variable each result lands in
RULES = {
    "ide": ("ansokan-komplett", "ideKomplett", "Idén komplett"),
    "komplett": ("ansokan-komplett", "ansokanKomplett", "Ansökan komplett"),
    "kostnader": ("stodberattigande-kostnader", "stodberattigandeKostnader", "Tillåtna kostnader"),
    "parter": ("berorda-parter", "berordaParter", "Minst två parter"),
    "malgrupp": ("malgrupp", "malgrupp", "Målgrupp"),
    "medel": ("beviljat-belopp", "medelTillgangliga", "Tillgängliga medel"),
    "jav": ("jav-och-beslutforhet", "javOchBeslutforhet", "Jäv och beslutförhet"),
    "jav_impl": ("jav-och-beslutforhet", "javOchBeslutforhetImplementering", "Jäv och beslutförhet"),
    "impl": ("implementeringsbeslut", "implementeringsbeslutKomplett", "Beslutet komplett"),
}

GROUNDS = {
    "ide": "Förbundets ansökningsmall, avsnitt 1–4.",
    "komplett": "Förbundets ansökningsmall, avsnitt 5–10.",
    "kostnader": "FINSAM 7 § andra stycket; vägledning om kostnader som inte får finansieras.",
    "parter": "Vägledning: minst två av parterna berörda (flera kommuner räknas som en part).",
    "malgrupp": "FINSAM 2 §; Nationella rådet 2018-04-12 (inte under 16 år).",
    "medel": "Budgeten för insatser (KL 11 kap. 15 § via FINSAM 21 §).",
    "jav": "KL 6 kap. 27–32 §§ via FINSAM 19 §.",
    "jav_impl": "KL 6 kap. 27–32 §§ via FINSAM 19 §.",
    "impl": "Utbildningsmaterialet 2011: de fyra implementeringsalternativen.",
}


def days(n):
    return "${arbetsdagar(%d)}" % n


def build():
    p = Process("insats-livscykel", "Insatsens livscykel", "Insats – från idé till avslut",
                [(S, "Sökande", 3), (K, "Kansli", 3), (B, "Beredningsgrupp", 3), (T, "Styrelse", 3)],
                documentation="En insats från idé till avslut: idéfas, ansökan, beredning, styrelsebeslut, genomförande "
                              "med uppföljning, implementeringsbeslut och avslut (FINSAM, SFS 2003:1210). "
                              "Se workflows/README.md för variabler, formulär, hanterare och regelkontroller.")

    def fas(key, value, lane, col, row=0):
        return p.add("serviceTask", f"fas_{key}", f"Fas: {value[1]}", lane, col, row,
                     attrs={"camunda:type": "fas"}, props={"fas": value[0]},
                     doc="Sätter insatsens fas i domänen så att den alltid stämmer med var processen står.")

    def underlag(key, name, gates, col):
        decisions = ",".join(dict.fromkeys(RULES[g][0] for g in gates))
        return p.add("serviceTask", f"underlag_{key}", name, K, col, attrs={"camunda:type": "insatsunderlag"},
                     props={"regelverk": decisions},
                     doc="Läser insatsen ur domänen och lägger det som regelkontrollerna efter behöver i processvariabler "
                         "(indata för regelverken i egenskapen regelverk), samt medlemmar och slutdatum.")

    def gate(key, col, lane=K):
        decision, result, title = RULES[key]
        task = p.add("businessRuleTask", f"regel_{key}", f"Regelkontroll: {title}", lane, col,
                     attrs={"camunda:resultVariable": result, "camunda:decisionRef": decision},
                     doc=f"Regelverk {decision}. {GROUNDS[key]} Resultatet sparas i {result}: passed, och output med fel, varningar och rättslig grund.")
        gw = p.add("exclusiveGateway", f"regel_{key}", "Uppfylld?", lane, col + 1)
        p.flow(task, gw)
        return task, gw, RULE_PASSED % result

    # ---- 1. Idéfas ----
    start = p.add("startEvent", "insats_registrerad", "Insats anmäld", S, 0)
    registrera = p.add("serviceTask", "registrera_insats", "Registrera insatsen", K, 1,
                       attrs={"camunda:type": "registrera-insats"},
                       doc="Knyter instansen till insatsen (affärsnyckel = insatsens id) och sätter standardvärden, "
                           "t.ex. uppfoljningsintervall = P6M.")
    fas_ide = fas("idefas", ("Idefas", "Idéfas"), K, 2)
    ide_in = p.add("exclusiveGateway", "idefas_in", None, S, 3)
    idefas = user_task(p, "idefas", "Beskriv idén (avsnitt 1–4)", S, 4, "idefas", None, days(20), days(20), days(25), users=SOKANDE,
                       doc="Sökande fyller i utgångspunkter, mål, behovsgrupp och aktiviteter.")
    u_ide = underlag("ide", "Läs in idén", ["ide"], 6)
    r_ide, g_ide, ok_ide = gate("ide", 7)
    ide_beslut = user_task(p, "ide_beslut", "Besluta om idén", B, 9, "beredning-beslut", "beredningsgrupp",
                           days(15), days(15), days(20),
                           doc="Beredningsgruppen väljer vidare till ansökan, komplettera eller avslå (variabeln ideBeslut).")
    reg_ide = p.add("serviceTask", "beslut_ide", "Registrera beslutet", K, 11, attrs={"camunda:type": "beslut"},
                    props={"beslut": "ide"})
    g_ide_beslut = p.add("exclusiveGateway", "ide_beslut", "Beslut om idén", K, 12)
    avslag_ide = fas("avslagen_ide", ("Avslagen", "Avslagen"), K, 13, row=1)
    end_avslag_ide = p.add("endEvent", "ide_avslagen", "Idén avslagen", K, 14, row=1)

    p.chain(start, registrera, fas_ide, ide_in, idefas, u_ide, r_ide)
    p.flow(g_ide, ide_beslut, "ja", ok_ide)
    p.flow(g_ide, ide_in, "nej", default=True)
    p.chain(ide_beslut, reg_ide, g_ide_beslut)
    fas_ansokan = fas("ansokan", ("Ansokan", "Ansökan"), K, 13)
    p.flow(g_ide_beslut, fas_ansokan, "vidare", '${ideBeslut == "vidare"}')
    p.flow(g_ide_beslut, avslag_ide, "avslå", '${ideBeslut == "avsla"}')
    p.flow(g_ide_beslut, ide_in, "komplettera", default=True)
    p.chain(avslag_ide, end_avslag_ide)

    # ---- 2. Ansökan ----
    ansokan_in = p.add("exclusiveGateway", "ansokan_in", None, S, 14)
    ansokan = user_task(p, "ansokan", "Fyll i ansökan (avsnitt 5–10)", S, 15, "ansokan", None,
                        days(30), days(30), days(35), users=SOKANDE)
    u_ans = underlag("ansokan", "Läs in ansökan", ["komplett", "kostnader", "parter", "malgrupp", "medel"], 17)
    p.chain(fas_ansokan, ansokan_in, ansokan, u_ans)
    previous = u_ans
    col = 18
    for key in ("komplett", "kostnader", "parter", "malgrupp", "medel"):
        task, gw, ok = gate(key, col)
        if previous is u_ans:
            p.flow(previous, task)
        else:
            p.flow(previous, task, "ja", ok_previous)
        p.flow(gw, ansokan_in, "nej", default=True)
        previous, ok_previous = gw, ok
        col += 2
    # previous is the last gateway; its "ja" flow goes on to beredning

    # ---- 3. Beredning ----
    # återremiss comes back before the phase change, so the domain phase returns to Beredning too
    beredning_in = p.add("exclusiveGateway", "beredning_in", None, K, col)
    p.flow(previous, beredning_in, "ja", ok_previous)
    fas_beredning = fas("beredning", ("Beredning", "Beredning"), K, col + 1)
    yttrande = user_task(p, "yttrande", "Yttrande från medlem", B, col + 2, "yttrande", MEDLEMMENS_GRUPP,
                         days(15), days(15), days(20), loop=("${medlemmar}", "medlem", False),
                         doc="Ett yttrande per berörd medlem (parallell multi-instans över medlemmar, medlemmarnas id; medlem = den medlem "
                             "som yttrar sig). Uppgiften går till medlemmens egna företrädare (gruppen medlem:<id>).")
    tjansteskrivelse = p.add("serviceTask", "tjansteskrivelse", "Skriv tjänsteskrivelse", K, col + 4,
                             attrs={"camunda:type": "dokument"}, props={"mall": "tjansteskrivelse"},
                             doc="Tjänsteskrivelsen renderas från templates/tjansteskrivelse.sbn och sparas med instansen.")
    forslag = user_task(p, "forslag_till_beslut", "Förslag till beslut", K, col + 5, "forslag-till-beslut", "kansli",
                        days(10), days(10), days(15))
    p.chain(beredning_in, fas_beredning, yttrande, tjansteskrivelse, forslag)
    col += 7

    # ---- 4. Styrelsebeslut ----
    fas_styrelse = fas("styrelsebeslut", ("Styrelsebeslut", "Styrelsebeslut"), K, col)
    styrelse_in = p.add("exclusiveGateway", "styrelsebeslut_in", None, T, col + 1)
    styrelsebeslut = user_task(p, "styrelsebeslut", "Registrera styrelsebeslut", T, col + 2,
                               "styrelsebeslut", "styrelse", days(40), days(40), days(45),
                               doc="Sekreteraren registrerar sammanträdet: närvaro, jäv i ärendet, beslut (bifall, avslag, "
                                   "återremiss; variabeln styrelsebeslut) och paragraf i protokollet.")
    u_sam = underlag("sammantrade", "Läs in sammanträdet", ["jav"], col + 4)
    r_jav, g_jav, ok_jav = gate("jav", col + 5)
    reg_beslut = p.add("serviceTask", "beslut_styrelse", "Registrera beslutet", K, col + 7, attrs={"camunda:type": "beslut"},
                       props={"beslut": "styrelse"})
    protokoll = p.add("serviceTask", "protokollsutdrag", "Skriv protokollsutdrag", K, col + 8,
                      attrs={"camunda:type": "dokument"}, props={"mall": "protokollsutdrag"})
    beslutsbrev = p.add("serviceTask", "beslutsbrev", "Skriv beslutsbrev", K, col + 9,
                        attrs={"camunda:type": "dokument"}, props={"mall": "beslutsbrev"})
    g_beslut = p.add("exclusiveGateway", "styrelsebeslut", "Styrelsens beslut", K, col + 10)
    p.chain(forslag, fas_styrelse, styrelse_in, styrelsebeslut, u_sam, r_jav)
    p.flow(g_jav, reg_beslut, "ja", ok_jav)
    p.flow(g_jav, styrelse_in, "nej", default=True)
    p.chain(reg_beslut, protokoll, beslutsbrev, g_beslut)
    avslag = fas("avslagen", ("Avslagen", "Avslagen"), K, col + 11, row=1)
    end_avslag = p.add("endEvent", "avslagen", "Ansökan avslagen", K, col + 12, row=1)
    p.flow(g_beslut, avslag, "avslag", '${styrelsebeslut == "avslag"}')
    p.flow(g_beslut, beredning_in, "återremiss", default=True)
    p.chain(avslag, end_avslag)
    col += 11

    # ---- 5. Genomförande (uppföljning) and 6. Implementeringsbeslut in parallel ----
    fas_genomforande = fas("genomforande", ("Genomforande", "Genomförande"), K, col)
    p.flow(g_beslut, fas_genomforande, "bifall", '${styrelsebeslut == "bifall"}')
    fork = p.add("parallelGateway", "genomforande_start", None, K, col + 1)
    p.flow(fas_genomforande, fork)

    uppf_in = p.add("exclusiveGateway", "uppfoljning_in", None, S, col + 2)
    vantar = p.add("eventBasedGateway", "uppfoljning_vantar", "Nästa period eller slutdatum", S, col + 3)
    period = p.add("intermediateCatchEvent", "uppfoljningsperiod", "Perioden har gått", S, col + 4,
                   timer=("timeDuration", "${uppfoljningsintervall}"))
    uppfoljning = user_task(p, "uppfoljningsrapport", "Rapportera uppföljning", S, col + 5, "uppfoljningsrapport",
                            None, days(15), days(15), days(20), users=SOKANDE)
    slutdatum = p.add("intermediateCatchEvent", "slutdatum", "Slutdatum nått", S, col + 4, row=1,
                      timer=("timeDate", "${slutdatum}"))
    p.chain(fork, uppf_in, vantar, period, uppfoljning, uppf_in)
    p.flow(vantar, slutdatum)

    impl_tid = p.add("intermediateCatchEvent", "implementering_tid", "Sex månader före slutdatum", B, col + 2,
                     timer=("timeDate", "${slutdatum.AddMonths(-6)}"))
    fas_impl = fas("implementeringsbeslut", ("Implementeringsbeslut", "Implementering"), K, col + 3)
    impl_in = p.add("exclusiveGateway", "implementeringsforslag_in", None, B, col + 4)
    impl_forslag = user_task(p, "implementeringsforslag", "Föreslå implementering", B, col + 5, "implementeringsforslag",
                             "beredningsgrupp", days(20), days(20), days(25),
                             doc="Beredningsgruppen föreslår fullständig, delad, professionell eller strukturell implementering.")
    impl_beslut_in = p.add("exclusiveGateway", "implementeringsbeslut_in", None, T, col + 7)
    impl_beslut = user_task(p, "implementeringsbeslut", "Besluta om implementering", T, col + 8,
                            "implementeringsbeslut", "styrelse", days(40), days(40), days(45),
                            doc="Sekreteraren registrerar beslutet från sammanträdet: alternativ (variabeln "
                                "implementeringsalternativ), närvaro, jäv och paragraf.")
    u_impl = underlag("implementering", "Läs in beslutet", ["jav_impl", "impl"], col + 10)
    r_jav2, g_jav2, ok_jav2 = gate("jav_impl", col + 11)
    r_impl, g_impl, ok_impl = gate("impl", col + 13)
    reg_impl = p.add("serviceTask", "beslut_implementering", "Registrera beslutet", K, col + 15,
                     attrs={"camunda:type": "beslut"}, props={"beslut": "implementering"})
    join = p.add("parallelGateway", "genomforande_slut", None, K, col + 16)
    p.chain(fork, impl_tid, fas_impl, impl_in, impl_forslag, impl_beslut_in, impl_beslut, u_impl, r_jav2)
    p.flow(g_jav2, r_impl, "ja", ok_jav2)
    p.flow(g_jav2, impl_beslut_in, "nej", default=True)
    p.flow(g_impl, reg_impl, "ja", ok_impl)
    p.flow(g_impl, impl_in, "nej", default=True)
    p.chain(reg_impl, join)
    p.flow(slutdatum, join)
    col += 17

    # ---- 7. Avslut ----
    slutrapport = user_task(p, "slutrapport", "Lämna slutrapport", S, col, "slutrapport", None,
                            days(30), days(30), days(35), users=SOKANDE)
    fas_avslutad = fas("avslutad", ("Avslutad", "Avslutad"), K, col + 2)
    end = p.add("endEvent", "avslutad", "Insatsen avslutad", K, col + 3)
    p.chain(join, slutrapport, fas_avslutad, end)
    return p
