using System.Xml.Linq;
using static InsatsFlow.Core.Tests.Workflows.BpmnFil;

namespace InsatsFlow.Core.Tests.Workflows;

/// <summary>The diagrams open readable in bpmn-js: every step drawn, nothing on top of anything, flows around shapes.</summary>
public sealed class DiagramTests
{
    public static TheoryData<string> Filer => new() { Insatslivscykel, Budgetprocess };

    [Theory, MemberData(nameof(Filer))]
    public void Varje_steg_har_en_form_i_diagrammet(string fil)
    {
        var bpmn = Las(fil);

        bpmn.Noder.Select(Id).Where(id => !bpmn.Former.ContainsKey(id)).Should().BeEmpty();
    }

    [Theory, MemberData(nameof(Filer))]
    public void Varje_sekvensflode_har_en_kant_med_minst_tva_punkter(string fil)
    {
        var bpmn = Las(fil);

        foreach (var flode in bpmn.Floden)
            bpmn.Kanter.Should().ContainKey(Id(flode)).WhoseValue.Should().HaveCountGreaterThanOrEqualTo(2, Id(flode));
    }

    [Theory, MemberData(nameof(Filer))]
    public void Inga_tva_former_overlappar(string fil)
    {
        var bpmn = Las(fil);
        var former = bpmn.Noder.Select(n => (Nod: n, Ram: bpmn.Former[Id(n)])).ToList();
        var krockar = new List<string>();

        for (var i = 0; i < former.Count; i++)
            for (var j = i + 1; j < former.Count; j++)
            {
                var (a, b) = (former[i], former[j]);
                if (SitterPa(a.Nod, b.Nod) || SitterPa(b.Nod, a.Nod)) continue; // a boundary event sits on its activity's border
                if (a.Ram.Overlappar(b.Ram)) krockar.Add($"{Id(a.Nod)} {a.Ram} och {Id(b.Nod)} {b.Ram}");
            }

        krockar.Should().BeEmpty();
    }

    [Theory, MemberData(nameof(Filer))]
    public void Varje_kant_borjar_pa_sin_kalla_och_slutar_pa_sitt_mal(string fil)
    {
        var bpmn = Las(fil);

        foreach (var flode in bpmn.Floden)
        {
            var punkter = bpmn.Kanter[Id(flode)];
            bpmn.Former[(string)flode.Attribute("sourceRef")!].PaKanten(punkter[0]).Should().BeTrue($"{Id(flode)} börjar i {punkter[0]}");
            bpmn.Former[(string)flode.Attribute("targetRef")!].PaKanten(punkter[^1]).Should().BeTrue($"{Id(flode)} slutar i {punkter[^1]}");
        }
    }

    [Theory, MemberData(nameof(Filer))]
    public void Ingen_kant_gar_genom_en_annan_form(string fil)
    {
        var bpmn = Las(fil);
        var genom = new List<string>();

        foreach (var flode in bpmn.Floden)
        {
            var egna = new[] { (string)flode.Attribute("sourceRef")!, (string)flode.Attribute("targetRef")! };
            var punkter = bpmn.Kanter[Id(flode)];
            foreach (var nod in bpmn.Noder.Where(n => !egna.Contains(Id(n))))
                for (var i = 0; i + 1 < punkter.Count; i++)
                    if (bpmn.Former[Id(nod)].Korsas(punkter[i], punkter[i + 1]))
                        genom.Add($"{Id(flode)} {punkter[i]}–{punkter[i + 1]} genom {Id(nod)}");
        }

        genom.Should().BeEmpty();
    }

    [Theory, MemberData(nameof(Filer))]
    public void Kanterna_gar_vagratt_och_lodratt(string fil)
    {
        var bpmn = Las(fil);

        foreach (var (id, punkter) in bpmn.Kanter)
            for (var i = 0; i + 1 < punkter.Count; i++)
                (punkter[i].X == punkter[i + 1].X || punkter[i].Y == punkter[i + 1].Y).Should().BeTrue($"{id} har en sned sträcka");
    }

    [Theory, MemberData(nameof(Filer))]
    public void Varje_steg_ligger_i_en_bana_och_inom_banans_granser(string fil)
    {
        var bpmn = Las(fil);
        var banor = bpmn.Lanes.ToDictionary(l => l, l => bpmn.Former[Id(l)]);

        foreach (var nod in bpmn.Noder)
        {
            var mina = banor.Keys.Where(l => l.Elements(Bpmn + "flowNodeRef").Any(r => r.Value == Id(nod))).ToList();
            mina.Should().ContainSingle($"{Id(nod)} ska ligga i exakt en bana");
            banor[mina[0]].Innehaller(bpmn.Former[Id(nod)]).Should().BeTrue($"{Id(nod)} {bpmn.Former[Id(nod)]} ska ligga inom {Id(mina[0])} {banor[mina[0]]}");
        }
    }

    [Theory, MemberData(nameof(Filer))]
    public void Banorna_ar_vagrata_band_i_deltagaren_utan_overlapp(string fil)
    {
        var bpmn = Las(fil);
        var deltagare = bpmn.Dokument.Root!.Element(Bpmn + "collaboration")!.Elements(Bpmn + "participant").Should().ContainSingle().Subject;
        var ram = bpmn.Former[Id(deltagare)];
        var banor = bpmn.Lanes.Select(l => bpmn.Former[Id(l)]).OrderBy(r => r.Y).ToList();

        ((string?)deltagare.Attribute("processRef")).Should().Be(Id(bpmn.Process));
        banor.Should().HaveCountGreaterThanOrEqualTo(2);
        banor.Should().OnlyContain(b => ram.Innehaller(b) && b.Bredd > b.Hojd);
        for (var i = 0; i + 1 < banor.Count; i++)
            banor[i].Nederkant.Should().BeLessThanOrEqualTo(banor[i + 1].Y);
        banor[0].Y.Should().Be(ram.Y);
        banor[^1].Nederkant.Should().Be(ram.Nederkant);
    }

    [Theory, MemberData(nameof(Filer))]
    public void Namngivna_handelser_grindar_och_floden_har_en_placerad_etikett(string fil)
    {
        var bpmn = Las(fil);
        var namngivna = bpmn.Noder.Where(n => n.Name.LocalName.EndsWith("Event", StringComparison.Ordinal) || n.Name.LocalName.EndsWith("Gateway", StringComparison.Ordinal))
            .Concat(bpmn.Floden)
            .Where(e => !string.IsNullOrEmpty((string?)e.Attribute("name")));

        foreach (var element in namngivna)
            bpmn.Etiketter.Should().ContainKey(Id(element)).WhoseValue.Bredd.Should().BePositive();
    }

    [Theory, MemberData(nameof(Filer))]
    public void Gransandelser_sitter_pa_kanten_av_sin_aktivitet(string fil)
    {
        var bpmn = Las(fil);

        foreach (var handelse in bpmn.Av("boundaryEvent"))
        {
            var ram = bpmn.Former[Id(handelse)];
            var mitt = new Punkt(ram.X + ram.Bredd / 2, ram.Y + ram.Hojd / 2);
            bpmn.Former[(string)handelse.Attribute("attachedToRef")!].PaKanten(mitt).Should().BeTrue(Id(handelse));
        }
    }

    private static bool SitterPa(XElement handelse, XElement aktivitet) =>
        handelse.Name.LocalName == "boundaryEvent" && (string?)handelse.Attribute("attachedToRef") == Id(aktivitet);
}
