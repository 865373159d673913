using InsatsFlow.Core.Notifieringar;
using InsatsFlow.Data.Jobs;
using InsatsFlow.Engine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InsatsFlow.Data.Notifieringar;

public static class NotifieringarServiceCollectionExtensions
{
    /// <summary>
    /// The outbox (scoped, in the request's DbContext; each row is delivered by a job of the job executor), the dispatcher, and the sender: SMTP through MailKit
    /// when <paramref name="smtp"/> has a Host, otherwise the log. Register an <see cref="IMottagarkatalog"/>
    /// of your own before or after this call to resolve users and groups to addresses.
    /// </summary>
    public static IServiceCollection AddNotifieringar(this IServiceCollection services, SmtpOptions smtp)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(smtp);
        services.TryAddSingleton(new InsatsFlow.Engine.Jobs.JobOptions());
        services.TryAddSingleton<IMottagarkatalog, EpostIdMottagarkatalog>();
        if (smtp.ArKonfigurerad)
            services.AddSingleton<ISender, SmtpSender>();
        else
            services.AddSingleton<ISender, LoggSender>();
        services.AddScoped<INotificationOutbox, NotificationOutbox>();
        services.AddScoped<NotifieringsDispatcher>();
        services.AddScoped<INotifieringsoversikt, Notifieringsoversikt>();
        services.AddScoped<Paminnelseutskick>(); // needs AddDokument for the renderer
        services.AddScoped<IServiceTaskHandler, NotifieraHandler>();
        // sendTask camunda:type="notifiering" (workflows/README.md); the host registers an IPaminnelsemodellbyggare.
        services.AddScoped<IServiceTaskHandler, NotifieringHandler>();
        services.AddJobHandler<UtskicksJobb>(UtskicksJobb.Jobbtyp);
        return services;
    }
}
