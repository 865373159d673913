using System.Diagnostics;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace InsatsFlow.Core.Dokument;

/// <summary>
/// A TemplateContext that stops a rendering past its deadline. Scriban does not check the cancellation token
/// while it evaluates, so every evaluated node and loop step checks the clock here — that also covers
/// recursion that fans out without a loop.
/// </summary>
internal sealed class SandladKontext(ScriptObject inbyggda, TimeSpan tidsgrans, CancellationToken cancellationToken)
    : TemplateContext(inbyggda)
{
    private readonly long _slut = Stopwatch.GetTimestamp() + (long)(tidsgrans.TotalSeconds * Stopwatch.Frequency);
    private readonly TimeSpan _tidsgrans = tidsgrans;

    public override object? Evaluate(ScriptNode? scriptNode, bool aliasReturnedFunction)
    {
        Kontrollera(scriptNode);
        return base.Evaluate(scriptNode, aliasReturnedFunction);
    }

    public override ValueTask<object?> EvaluateAsync(ScriptNode? scriptNode, bool aliasReturnedFunction)
    {
        Kontrollera(scriptNode);
        return base.EvaluateAsync(scriptNode, aliasReturnedFunction);
    }

    protected override bool OnStepLoop(ScriptLoopStatementBase loop)
    {
        Kontrollera(loop);
        return base.OnStepLoop(loop);
    }

    private void Kontrollera(ScriptNode? nod)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (Stopwatch.GetTimestamp() > _slut)
            throw new ScriptRuntimeException(nod?.Span ?? default, $"tidsgränsen {_tidsgrans.TotalSeconds:0.###} s överskreds");
    }
}
