using InsatsFlow.Engine.Model;
using InsatsFlow.Engine.Runtime;

namespace InsatsFlow.Engine.Behaviours;

/// <summary>None: the token ends. Terminate: its whole scope ends. Error: the error is thrown outward.</summary>
internal sealed class EndEventBehaviour : ElementBehaviour<EndEvent>
{
    protected override async Task EnterAsync(Execution x, LiveInstance live, Token token, EndEvent element)
    {
        switch (element.Result)
        {
            case ErrorDefinition error:
                await x.ThrowErrorAsync(live, token, error.ErrorCode ?? "", element.Name);
                break;
            case TerminateDefinition:
                foreach (var sibling in live.State.Tokens.Where(t => t.ParentId == token.ParentId && t != token).ToList())
                    await x.CancelTokenAsync(live, sibling, $"avslutad av {element.Id}");
                await x.EndTokenAsync(live, token);
                break;
            default:
                await x.EndTokenAsync(live, token);
                break;
        }
    }
}
