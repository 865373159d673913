namespace InsatsFlow.Data.Demo;

/// <summary>Configuration section "DemoData": seed a demo förbund on first start.</summary>
public sealed class DemoDataOptions
{
    public const string Section = "DemoData";
    public bool Enabled { get; set; } = true;
}
