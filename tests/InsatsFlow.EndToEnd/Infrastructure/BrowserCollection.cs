namespace InsatsFlow.EndToEnd.Infrastructure;

/// <summary>
/// Test classes marked [Collection(BrowserCollection.Name)] share one Chromium and one site host
/// and run one after another (the machine is small; parallel browsers only make it slower).
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>, ICollectionFixture<DesignerSiteFixture>
{
    public const string Name = "Webbläsare";
}
