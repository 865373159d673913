using InsatsFlow.Core.Notifieringar;

namespace InsatsFlow.Core.Tests.Notifieringar;

public sealed class UtskicksOptionsTests
{
    [Fact]
    public void Vantetiden_efter_manga_misslyckanden_stannar_vid_taket()
    {
        new UtskicksOptions().Vantan(1000).Should().Be(TimeSpan.FromHours(1));
    }
}
