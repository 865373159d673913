using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using InsatsFlow.Rules.Evaluation;
using InsatsFlow.Rules.Input;
using InsatsFlow.Rules.Loading;
using RulesEngine.Models;

namespace InsatsFlow.Rules.Format;

/// <summary>
/// Reads one rule file: the envelope (strict: unknown fields refused) and the RulesEngine workflow inside it, built
/// field by field so that every problem is reported with its JSON path. Expressions are checked later, by
/// <see cref="ExpressionChecker"/>, once the input types are known.
/// </summary>
internal static class RuleFileReader
{
    private static readonly string[] EnvelopeFields =
        ["$schema", "regelverk", "version", "giltigFran", "rattsligGrund", "beskrivning", "indata", "parametrar", "forbundsparametrar", "workflow"];
    private static readonly string[] WorkflowFields = ["WorkflowName", "GlobalParams", "Rules"];
    private static readonly string[] RuleFields =
        ["RuleName", "Expression", "RuleExpressionType", "LocalParams", "Properties", "Operator", "Rules", "Enabled", "ErrorMessage", "SuccessEvent"];
    private static readonly string[] ParamFields = ["Name", "Expression"];
    private static readonly string[] PropertyFields = ["allvarlighet", "meddelande", "rattsligGrund", "beskrivning", "detalj"];
    private static readonly string[] NestedOperators = ["And", "AndAlso", "Or", "OrElse"];
    private const string NotSupported = " (Actions och WorkflowsToInject stöds inte: en regel ger bara uppfylld eller ej uppfylld)";

    public static RuleFile Read(string displayPath, byte[] bytes)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException e)
        {
            throw new RuleFileException($"rad {e.LineNumber + 1}, kolumn {e.BytePositionInLine + 1}", "ogiltig JSON: " + InsatsFlow.Engine.Parsing.JsonMessages.Forklaring(e.Message));
        }
        using (document)
        {
            var root = document.RootElement;
            var fields = JsonFields.Read(root, "$", EnvelopeFields);
            var regelverk = JsonFields.RequiredString(fields, "regelverk", "$");
            var version = JsonFields.RequiredString(fields, "version", "$");
            if (!version.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
                throw new RuleFileException("$.version", "får bara innehålla bokstäver, siffror, punkt, bindestreck och understreck");
            var giltigFranText = JsonFields.RequiredString(fields, "giltigFran", "$");
            if (!DateOnly.TryParseExact(giltigFranText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var giltigFran))
                throw new RuleFileException("$.giltigFran", $"\"{giltigFranText}\" är inte ett datum ÅÅÅÅ-MM-DD");
            var beskrivning = JsonFields.RequiredString(fields, "beskrivning", "$");
            var rattsligGrund = StringList(fields, "rattsligGrund", "$");

            if (!fields.TryGetValue("indata", out var indataElement))
                throw new RuleFileException("$", "fältet \"indata\" saknas");
            var indata = ReadIndata(indataElement);

            object? parametrar = null;
            var parametrarJson = "";
            if (fields.TryGetValue("parametrar", out var parametrarElement))
            {
                parametrar = Shaped(() => ParameterValues.FromJson(parametrarElement, "$.parametrar"));
                parametrarJson = parametrarElement.GetRawText();
            }

            var forbundsparametrar = fields.ContainsKey("forbundsparametrar") ? StringList(fields, "forbundsparametrar", "$") : [];
            ForbundsparametrarFinns(forbundsparametrar, parametrarJson);

            if (!fields.TryGetValue("workflow", out var workflowElement))
                throw new RuleFileException("$", "fältet \"workflow\" saknas");
            var (workflow, regler) = ReadWorkflow(workflowElement, regelverk);

            return new RuleFile
            {
                Path = displayPath,
                Regelverk = regelverk,
                Version = version,
                GiltigFran = giltigFran,
                RattsligGrund = rattsligGrund,
                Beskrivning = beskrivning,
                Indata = indata,
                Parametrar = parametrar,
                ParametrarJson = parametrarJson,
                Forbundsparametrar = forbundsparametrar,
                Workflow = workflow,
                Regler = regler,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            };
        }
    }

    /// <summary>A parameter a förbundsordning may set is one of the file's own numbers: a förbund changes its value, never its kind.</summary>
    private static void ForbundsparametrarFinns(IReadOnlyList<string> namn, string parametrarJson)
    {
        if (namn.Count == 0) return;
        using var parametrar = JsonDocument.Parse(parametrarJson.Length == 0 ? "{}" : parametrarJson);
        for (var i = 0; i < namn.Count; i++)
            if (!parametrar.RootElement.TryGetProperty(namn[i], out var varde) || varde.ValueKind != JsonValueKind.Number)
                throw new RuleFileException($"$.forbundsparametrar[{i}]", $"\"{namn[i]}\" ska vara ett tal bland filens parametrar");
    }

    private static List<(string, InputShape)> ReadIndata(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
            throw new RuleFileException("$.indata", "ska vara ett objekt {parameternamn: beskrivning}");
        var result = new List<(string, InputShape)>();
        foreach (var property in element.EnumerateObject())
        {
            var path = "$.indata." + property.Name;
            if (property.Name is ParameterValues.Name or ParameterValues.Forbundets)
                throw new RuleFileException(path, $"namnen \"{ParameterValues.Name}\" och \"{ParameterValues.Forbundets}\" är reserverade för parametrar");
            if (!ObjectShape.IsIdentifier(property.Name))
                throw new RuleFileException(path, "parameternamn ska vara ett ASCII-namn i camelCase (bokstäver och siffror)");
            if (result.Any(r => r.Item1 == property.Name))
                throw new RuleFileException(path, "parametern förekommer två gånger");
            result.Add((property.Name, Shaped(() => InputShape.Parse(property.Value, path))));
        }
        if (result.Count == 0) throw new RuleFileException("$.indata", "minst en indataparameter behövs");
        return result;
    }

    private static T Shaped<T>(Func<T> read)
    {
        try { return read(); }
        catch (ShapeException e) { throw new RuleFileException(e.Path, e.Message); }
    }

    private static (Workflow, List<RuleDefinition>) ReadWorkflow(JsonElement element, string regelverk)
    {
        const string path = "$.workflow";
        var fields = JsonFields.Read(element, path, WorkflowFields, NotSupported);
        var name = JsonFields.RequiredString(fields, "WorkflowName", path);
        if (name != regelverk)
            throw new RuleFileException(path + ".WorkflowName", $"ska vara samma som regelverk (\"{regelverk}\"), inte \"{name}\"");
        var globalParams = fields.TryGetValue("GlobalParams", out var g) ? ReadParams(g, path + ".GlobalParams") : null;
        if (!fields.TryGetValue("Rules", out var rulesElement) || rulesElement.ValueKind != JsonValueKind.Array || rulesElement.GetArrayLength() == 0)
            throw new RuleFileException(path + ".Rules", "ska vara en lista med minst en regel");

        var rules = new List<Rule>();
        var definitions = new List<RuleDefinition>();
        var index = 0;
        foreach (var ruleElement in rulesElement.EnumerateArray())
        {
            var rulePath = $"{path}.Rules[{index++}]";
            var rule = ReadRule(ruleElement, rulePath, topLevel: true);
            if (rules.Any(r => r.RuleName == rule.RuleName))
                throw new RuleFileException(rulePath, $"regeln \"{rule.RuleName}\" finns redan i filen");
            rules.Add(rule);
            definitions.Add(Definition(rule, rulePath));
        }
        return (new Workflow { WorkflowName = name, GlobalParams = globalParams, Rules = rules }, definitions);
    }

    private static Rule ReadRule(JsonElement element, string path, bool topLevel)
    {
        // The rule's name goes into every location below, so a jurist finds the rule, not just an index.
        var named = element.ValueKind == JsonValueKind.Object && element.TryGetProperty("RuleName", out var n) && n.ValueKind == JsonValueKind.String
            ? $"{path} (regel {n.GetString()})" : path;
        var fields = JsonFields.Read(element, named, RuleFields, NotSupported);
        var name = JsonFields.RequiredString(fields, "RuleName", path);
        var where = named;
        var rule = new Rule
        {
            RuleName = name,
            Expression = JsonFields.OptionalString(fields, "Expression", where),
            ErrorMessage = JsonFields.OptionalString(fields, "ErrorMessage", where),
            SuccessEvent = JsonFields.OptionalString(fields, "SuccessEvent", where),
            Operator = JsonFields.OptionalString(fields, "Operator", where),
            RuleExpressionType = RuleExpressionType.LambdaExpression,
        };
        var expressionType = JsonFields.OptionalString(fields, "RuleExpressionType", where);
        if (expressionType is not null && expressionType != nameof(RuleExpressionType.LambdaExpression))
            throw new RuleFileException(where + ".RuleExpressionType", "endast \"LambdaExpression\" stöds");
        if (fields.TryGetValue("Enabled", out var enabled))
        {
            if (enabled.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                throw new RuleFileException(where + ".Enabled", "ska vara true eller false");
            rule.Enabled = enabled.GetBoolean();
        }
        if (fields.TryGetValue("LocalParams", out var local)) rule.LocalParams = ReadParams(local, where + ".LocalParams");
        if (fields.TryGetValue("Properties", out var properties)) rule.Properties = ReadProperties(properties, where + ".Properties");
        else if (topLevel) throw new RuleFileException(where, "Properties saknas (allvarlighet, meddelande, rattsligGrund)");

        if (fields.TryGetValue("Rules", out var children))
        {
            if (rule.Operator is null || !NestedOperators.Contains(rule.Operator))
                throw new RuleFileException(where + ".Operator", $"en regel med delregler behöver Operator: {string.Join(", ", NestedOperators)}");
            if (children.ValueKind != JsonValueKind.Array || children.GetArrayLength() == 0)
                throw new RuleFileException(where + ".Rules", "ska vara en lista med minst en delregel");
            rule.Rules = children.EnumerateArray().Select((c, i) => ReadRule(c, $"{where}.Rules[{i}]", topLevel: false)).ToList();
            if (rule.Expression is not null)
                throw new RuleFileException(where, "en regel har antingen Expression eller delregler (Rules), inte båda");
        }
        else if (string.IsNullOrWhiteSpace(rule.Expression))
            throw new RuleFileException(where, "Expression saknas");
        return rule;
    }

    private static List<ScopedParam> ReadParams(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Array)
            throw new RuleFileException(path, "ska vara en lista av {Name, Expression}");
        var result = new List<ScopedParam>();
        var index = 0;
        foreach (var p in element.EnumerateArray())
        {
            var paramPath = $"{path}[{index++}]";
            var fields = JsonFields.Read(p, paramPath, ParamFields);
            var name = JsonFields.RequiredString(fields, "Name", paramPath);
            if (!ObjectShape.IsIdentifier(name))
                throw new RuleFileException(paramPath + ".Name", "ska vara ett ASCII-namn i camelCase");
            result.Add(new ScopedParam { Name = name, Expression = JsonFields.RequiredString(fields, "Expression", paramPath) });
        }
        return result;
    }

    private static Dictionary<string, object> ReadProperties(JsonElement element, string path)
    {
        var fields = JsonFields.Read(element, path, PropertyFields);
        var result = new Dictionary<string, object>();
        foreach (var (name, _) in fields) result[name] = JsonFields.RequiredString(fields, name, path);
        return result;
    }

    private static RuleDefinition Definition(Rule rule, string path)
    {
        var where = $"{path} (regel {rule.RuleName})";
        var p = rule.Properties;
        string Get(string name) => p.TryGetValue(name, out var v) ? (string)v
            : throw new RuleFileException(where + ".Properties", $"\"{name}\" saknas");
        var allvarlighet = Get("allvarlighet") switch
        {
            "fel" => Allvarlighet.Fel,
            "varning" => Allvarlighet.Varning,
            var other => throw new RuleFileException(where + ".Properties.allvarlighet", $"ska vara \"fel\" eller \"varning\", inte \"{other}\""),
        };
        return new RuleDefinition(rule.RuleName, allvarlighet, Get("meddelande"), Get("rattsligGrund"),
            p.TryGetValue("beskrivning", out var b) ? (string)b : null, rule.Expression,
            p.TryGetValue("detalj", out var d) ? (string)d : null);
    }

    private static List<string> StringList(Dictionary<string, JsonElement> fields, string name, string path)
    {
        if (!fields.TryGetValue(name, out var value))
            throw new RuleFileException(path, $"fältet \"{name}\" saknas");
        var fieldPath = JsonFields.Combine(path, name);
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0
            || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(v.GetString())))
            throw new RuleFileException(fieldPath, "ska vara en lista med minst en text");
        return value.EnumerateArray().Select(v => v.GetString()!).ToList();
    }
}
