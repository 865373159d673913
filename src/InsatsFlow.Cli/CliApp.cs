using System.CommandLine;
using InsatsFlow.Cli.Arkiv;
using InsatsFlow.Cli.Rules;
using InsatsFlow.Cli.Simulera;

namespace InsatsFlow.Cli;

/// <summary>`insatsflow`: the command tree. Output goes to the given writers so tests read what a user would see.</summary>
public static class CliApp
{
    public static RootCommand Build(TextWriter output, TextWriter error)
    {
        var root = new RootCommand("InsatsFlow: validera och testa regler och arbetsflöden");
        root.Add(RulesCommands.Build(output, error));
        root.Add(SimulateCommand.Build(output, error));
        root.Add(ArkivCommands.Build(output, error));
        return root;
    }

    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error) =>
        Build(output, error).Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
}
